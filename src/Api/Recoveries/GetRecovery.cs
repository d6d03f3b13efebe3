namespace AGH.Api.Recoveries;

/// <summary>One recovery, for the page that hears and decides it.</summary>
[MoneyReader]
public static class GetRecoveryEndpoint
{
    /// <summary>One recovery, its status as of today</summary>
    /// <remarks>Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all);
    /// another municipality's or an unknown recovery: 404.</remarks>
    [WolverineGet("/api/recoveries/{id}", OperationId = "getRecovery"), Tags("Recoveries")]
    [ProducesResponseType<RecoveryDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Policy policy, Clock clock)
    {
        var recovery = await session.LoadAsync<Recovery>(id, http.RequestAborted);
        if (recovery is null || !RecoveryAccess.Visible(Access.Actor(http), recovery.Municipality)) return Problems.NotFound("recovery").Answer();
        var person = recovery.NoticeId is null ? null : await session.LoadAsync<AGH.Domain.Persons.Person>(recovery.PersonId, http.RequestAborted);
        return Results.Ok(RecoveryDto.From(recovery, RecoveryDto.StatusOf(recovery, person, policy, clock.Today)));
    }
}
