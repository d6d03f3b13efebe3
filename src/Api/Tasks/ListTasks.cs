namespace AGH.Api.Tasks;

/// <summary>The caller's open work (contract v3d), oldest first; each task leads to the step that closes it.</summary>
[TaskReader]
public static class ListTasksEndpoint
{
    /// <summary>The caller's open work, oldest first (by since)</summary>
    /// <remarks>Caseworkers (their municipality): refusal-to-assess (no assessment), hearing-due (assessed without good cause,
    /// no hearing held and no invitation), proposal-due (heard or the invitation's deadline passed, and a sanction could be proposed
    /// today), notice-to-dispatch (as GET /api/notices?awaitingDispatch=true), exemption-ending (until within 14 days),
    /// placement-starting (startsOn within 7 days), placement-ending (until within 7 days), hours-missing (a placement not ended
    /// that covered a workday of last week, Monday to Friday, on which the person was obliged, with no hour entry and no refusal
    /// that week). Officials (their municipality; without one: all): proposal-to-decide, objection-to-decide (a pending Widerspruch
    /// against a restriction period or a Heranziehungsbescheid), review-due (as GET /api/restrictions/due-for-review with its
    /// default window of 30 days), notice-to-dispatch. Payroll: run-to-review (prepared runs), run-to-release (reviewed runs).
    /// Records closed as duplicates and erased persons have no tasks. Ordered by since, then dueOn; `label` names the work and
    /// the person in German. Not paged: the list is the day's work.</remarks>
    [WolverineGet("/api/tasks", OperationId = "listTasks"), Tags("Tasks")]
    [ProducesResponseType<IReadOnlyList<OpenTaskDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, Marten.IQuerySession session, Clock clock, Policy policy) =>
        Results.Ok(await OpenTasks.For(session, Access.Actor(http), policy, clock.Today, http.RequestAborted));
}
