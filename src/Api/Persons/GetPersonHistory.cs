namespace AGH.Api.Persons;

/// <summary>
/// The auditor's replay of one person's complete record (Rechnungsprüfung): every event about the person, as it was
/// recorded up to an instant. Each read is itself recorded (Art. 5 Abs. 2 DSGVO).
/// </summary>
public static class PersonHistoryEndpoint
{
    /// <summary>A person's complete history across all their streams, as recorded up to asOf</summary>
    [WolverineGet("/api/persons/{id}/history", OperationId = "getPersonHistory"), Tags("Views"), HistoryReader]
    [ProducesResponseType<HistoryDto>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> History(Guid id, HttpContext http, IDocumentSession session, IDocumentStore store, Clock clock, string? asOf,
        string? limit, string? after)
    {
        var actor = Access.Actor(http);
        var checks = new Checks();
        if (!PersonHistory.TryParseInstant(asOf, out var at)) checks.Add("asOf", "must be an ISO 8601 instant with offset.");
        var page = HistoryPage.Read(limit, after, checks);
        if (checks.Failed) return checks.Details().Answer();
        // Only the municipality is needed to decide visibility; a long case's document is large.
        if (await PersonHistory.MunicipalityOf(session, id, http.RequestAborted) is not { } municipality || !actor.MaySee(municipality))
            return Problems.NotFound("person").Answer();
        var until = at ?? clock.Now;
        // The access log is written on a session of its own while the history is read: the answer waits for both, not
        // for one after the other. It is not on the person's stream, so this read never shows in its own answer.
        await using var log = store.LightweightSession();
        var read = PersonHistory.Until(session, id, until, page, http.RequestAborted);
        var recorded = PersonHistory.RecordRead(log, id, actor, at, "history", clock.Now, http.RequestAborted);
        await Task.WhenAll(read, recorded);
        var entries = await read;
        page?.Announce(http, entries);
        return Results.Ok(new HistoryDto(id, until, entries));
    }
}
