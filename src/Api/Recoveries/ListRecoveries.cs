namespace AGH.Api.Recoveries;

/// <summary>
/// Recoveries opened by corrections below a released payment: payroll and auditors read all, caseworkers and officials
/// those of their municipality (officials without one: all).
/// </summary>
[MoneyReader]
public static class ListRecoveriesEndpoint
{
    public static ProblemDetails Validate(HttpContext http) => ListRead.Check(http, Statuses, more: (q, checks) => checks.QueryGuid(q, "personId"));

    private static readonly StatusFilter<RecoveryStatus> Statuses = new(("open", RecoveryStatus.Open), ("heard", RecoveryStatus.Heard),
        ("decided", RecoveryStatus.Decided), ("final", RecoveryStatus.Final), ("waived", RecoveryStatus.Waived));

    /// <summary>Recoveries (hours paid by a released run and corrected down), filtered by person and status; paged, total in X-Total-Count</summary>
    /// <remarks>Opened by a correction that lowers an entry a released payout run paid (one per correction, in the same transaction);
    /// never netted against a payment. Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all).</remarks>
    [WolverineGet("/api/recoveries", OperationId = "listRecoveries"), Tags("Recoveries")]
    [ProducesResponseType<IReadOnlyList<RecoveryDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Policy policy, Clock clock, string? status, Guid? personId, string? page,
        string? pageSize)
    {
        var query = session.Query<Recovery>().Visible(Access.Actor(http), x => x.Municipality, provider: null, Roles.Caseworker, Roles.Official);
        if (personId is { } pid) query = query.Where(x => x.PersonId == pid);
        var wanted = Statuses.Of(status);
        // final is decided as of today (the notice's deadline): decided and final are told apart in memory, the rest in the database.
        if (wanted is { } w && w is not (RecoveryStatus.Decided or RecoveryStatus.Final)) query = query.Where(x => x.Status == w);
        else if (wanted is not null) query = query.Where(x => x.Status == RecoveryStatus.Decided);
        var all = await query.OrderBy(x => x.PersonId).ThenBy(x => x.Id).ToListAsync(http.RequestAborted);
        var shown = (await RecoveryDto.AsOf(session, all, policy, clock.Today, http.RequestAborted)).Where(r => wanted is null || r.Status == wanted).ToList();
        return Results.Ok(Paging.Read(page, pageSize, new Checks()).Cut(http, shown));
    }
}
