namespace AGH.Api.Payouts;

/// <summary>
/// The released run as the cash office's CSV. Payroll's export is recorded on the ledger (a second one only as a
/// duplicate); an auditor reads the latest recorded copy and records nothing.
/// </summary>
[PayoutReader]
public static class ExportPayoutRunEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var values = http.Request.Query["duplicate"];
        if (values.Count > 1) checks.Add("duplicate", "must be given once.");
        else if (values.Count == 1 && values[0] is not ("true" or "false")) checks.Add("duplicate", "must be true or false.");
        return checks.Details();
    }

    /// <summary>CSV for the cash office (Kreiskasse): ;-separated, UTF-8 with BOM, decimal comma; payroll's export is recorded</summary>
    /// <remarks>Payroll: the first export records sequence 1 (aufwandsentschaedigung-YYYY-MM.csv); a later one needs duplicate=true
    /// (else 409 already-exported) and is named …-DUPLIKAT-&lt;sequence&gt;.csv; duplicate=true before the first: 409 not-exported. Auditor:
    /// the latest recorded copy, recording nothing (409 not-exported before the first). Headers X-Export-Sequence, X-Line-Count,
    /// X-Control-Total-Cents, X-Content-SHA256 (lower-case hex SHA-256 of the bytes sent, BOM included).</remarks>
    [WolverineGet("/api/payout-runs/{id}/export", OperationId = "exportPayoutRun"), Tags("Payouts")]
    [ProducesResponseType<string>(200, "text/csv"), AnswersProblems(400, 403, 404, 409)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IDocumentSession session, Clock clock)
    {
        var ct = http.RequestAborted;
        var actor = Access.Actor(http);
        var recording = actor.Role == Roles.Payroll;
        // Two payroll exports at once: the ledger's lock makes them sequences n and n+1, or one of them 409.
        if (recording) await PayoutPreparation.LockLedger(session, ct);
        if (await session.LoadAsync<PayoutRun>(id, ct) is not { } run) return Problems.NotFound("payout run").Answer();
        if (!recording)
            return PayoutDecisions.Readable(run) is { } unreadable
                ? Problems.Details(unreadable).Answer()
                : PayoutRunCsv.Answer(http, await PayoutRunCsv.Build(run, session, ct), run, run.Exports[^1].Sequence);
        var (file, sequence, rejection) = await PayoutRunCsv.Record(session, run, actor, http.Request.Query["duplicate"] == "true", clock.Now, ct);
        return rejection is null ? PayoutRunCsv.Answer(http, file!, run, sequence) : Problems.Details(rejection).Answer();
    }
}
