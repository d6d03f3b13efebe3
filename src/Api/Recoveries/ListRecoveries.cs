using AGH.Domain.Payouts;
using Marten;

namespace AGH.Api.Recoveries;

/// <summary>amountCents is positive: what the person owes. noticeId: the Erstattungsbescheid, once decided.</summary>
public sealed record RecoveryDto(Guid Id, Guid PersonId, Guid PlacementId, Guid EntryId, Guid RunId, long AmountCents, RecoveryStatus Status, Guid? NoticeId)
{
    public static RecoveryDto From(Recovery r) => new(r.Id, r.PersonId, r.PlacementId, r.EntryId, r.RunId, r.AmountCents, r.Status, r.NoticeId);
}

/// <summary>
/// Recoveries opened by corrections below a released payment: payroll and auditors read all, caseworkers and officials
/// those of their municipality (officials without one: all).
/// </summary>
[MoneyReader]
public static class ListRecoveriesEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var q = http.Request.Query;
        foreach (var key in new[] { "status", "personId" })
            if (q[key].Count > 1) checks.Add(key, "must be given once.");
        var status = q["status"].ToString();
        if (status.Length > 0 && Parse(status) is null) checks.Add("status", "must be open, heard, decided, final or waived.");
        var personId = q["personId"].ToString();
        if (personId.Length > 0 && !Guid.TryParse(personId, out _)) checks.Add("personId", "must be a GUID.");
        Paging.Read(q["page"].FirstOrDefault(), q["pageSize"].FirstOrDefault(), checks);
        return checks.Details();
    }

    private static RecoveryStatus? Parse(string text) => text switch
    {
        "open" => RecoveryStatus.Open,
        "heard" => RecoveryStatus.Heard,
        "decided" => RecoveryStatus.Decided,
        "final" => RecoveryStatus.Final,
        "waived" => RecoveryStatus.Waived,
        _ => null,
    };

    [WolverineGet("/api/recoveries", OperationId = "listRecoveries"), Tags("Recoveries")]
    [EndpointSummary("Recoveries (hours paid by a released run and corrected down), filtered by person and status; paged, total in X-Total-Count")]
    [EndpointDescription("Opened by a correction that lowers an entry a released payout run paid (one per correction, in the same transaction); "
        + "never netted against a payment. Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all).")]
    [ProducesResponseType<IReadOnlyList<RecoveryDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? status, Guid? personId, string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var actor = Access.Actor(http);
        IQueryable<Recovery> query = session.Query<Recovery>();
        if (actor.Role is Roles.Caseworker or Roles.Official && actor.Municipality is { } own) query = query.Where(x => x.Municipality == own);
        if (status is { Length: > 0 } && Parse(status) is { } wanted) query = query.Where(x => x.Status == wanted);
        if (personId is { } pid) query = query.Where(x => x.PersonId == pid);
        var items = await paging.Fetch(http, query, q => q.OrderBy(x => x.PersonId).ThenBy(x => x.Id));
        return Results.Ok(items.Select(RecoveryDto.From).ToList());
    }
}
