namespace AGH.Api.Recoveries;

/// <summary>
/// amountCents is positive: what the person owes; minutes: the paid minutes taken back. noticeId: the Erstattungsbescheid,
/// once decided. openedOn is null on recoveries opened before the day was recorded.
/// </summary>
public sealed record RecoveryDto(Guid Id, Guid PersonId, Guid PlacementId, Guid EntryId, Guid RunId, int Minutes, long AmountCents, RecoveryStatus Status,
    Guid? NoticeId, DateOnly? OpenedOn, DateOnly? HeardOn, DateOnly? ObjectionReceivedOn)
{
    public static RecoveryDto From(Recovery r, RecoveryStatus? status = null) =>
        new(r.Id, r.PersonId, r.PlacementId, r.EntryId, r.RunId, r.Minutes, r.AmountCents, status ?? r.Status, r.NoticeId, r.OpenedOn, r.HeardOn,
            r.ObjectionReceivedOn);

    /// <summary>The status as of today: decided turns final once the Erstattungsbescheid's remedy deadline passed with no objection.</summary>
    public static RecoveryStatus StatusOf(Recovery r, AGH.Domain.Persons.Person? person, Policy policy, DateOnly today) =>
        RecoveryProcedure.StatusOn(r, r.NoticeId is { } id && person?.Notices.TryGetValue(id, out var n) == true ? n : null, policy, today);
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
        Statuses.Check(http.Request.Query, checks);
        checks.QueryGuid(http.Request.Query, "personId");
        Paging.Check(http, checks);
        return checks.Details();
    }

    private static readonly StatusFilter<RecoveryStatus> Statuses = new(("open", RecoveryStatus.Open), ("heard", RecoveryStatus.Heard),
        ("decided", RecoveryStatus.Decided), ("final", RecoveryStatus.Final), ("waived", RecoveryStatus.Waived));

    [WolverineGet("/api/recoveries", OperationId = "listRecoveries"), Tags("Recoveries")]
    [EndpointSummary("Recoveries (hours paid by a released run and corrected down), filtered by person and status; paged, total in X-Total-Count")]
    [EndpointDescription("Opened by a correction that lowers an entry a released payout run paid (one per correction, in the same transaction); "
        + "never netted against a payment. Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all).")]
    [ProducesResponseType<IReadOnlyList<RecoveryDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Policy policy, Clock clock, string? status, Guid? personId, string? page,
        string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var actor = Access.Actor(http);
        IQueryable<Recovery> query = session.Query<Recovery>();
        if (actor.Role is Roles.Caseworker or Roles.Official && actor.Municipality is { } own) query = query.Where(x => x.Municipality == own);
        if (personId is { } pid) query = query.Where(x => x.PersonId == pid);
        var wanted = Statuses.Of(status);
        // final is decided as of today (the notice's deadline): decided and final are told apart in memory, the rest in the database.
        if (wanted is { } w && w is not (RecoveryStatus.Decided or RecoveryStatus.Final)) query = query.Where(x => x.Status == w);
        else if (wanted is not null) query = query.Where(x => x.Status == RecoveryStatus.Decided);
        var all = await query.OrderBy(x => x.PersonId).ThenBy(x => x.Id).ToListAsync(http.RequestAborted);
        var persons = (await session.LoadManyAsync<AGH.Domain.Persons.Person>(http.RequestAborted,
            all.Where(r => r.NoticeId is not null).Select(r => r.PersonId).Distinct())).ToDictionary(p => p.Id);
        var shown = all.Select(r => RecoveryDto.From(r, RecoveryDto.StatusOf(r, persons.GetValueOrDefault(r.PersonId), policy, clock.Today)))
            .Where(r => wanted is null || r.Status == wanted).ToList();
        paging.Announce(http, shown.Count);
        return Results.Ok(shown.Skip(paging.Skip).Take(paging.PageSize).ToList());
    }
}

/// <summary>One recovery, for the page that hears and decides it.</summary>
[MoneyReader]
public static class GetRecoveryEndpoint
{
    [WolverineGet("/api/recoveries/{id}", OperationId = "getRecovery"), Tags("Recoveries"), EndpointSummary("One recovery, its status as of today")]
    [EndpointDescription("Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all); "
        + "another municipality's or an unknown recovery: 404.")]
    [ProducesResponseType<RecoveryDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Policy policy, Clock clock)
    {
        var recovery = await session.LoadAsync<Recovery>(id, http.RequestAborted);
        if (recovery is null || !RecoveryAccess.Visible(Access.Actor(http), recovery.Municipality)) return Problems.NotFound("recovery").Answer();
        var person = recovery.NoticeId is null ? null : await session.LoadAsync<AGH.Domain.Persons.Person>(recovery.PersonId, http.RequestAborted);
        return Results.Ok(RecoveryDto.From(recovery, RecoveryDto.StatusOf(recovery, person, policy, clock.Today)));
    }
}
