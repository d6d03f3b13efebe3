namespace AGH.Api.Timesheets;

/// <summary>The month's timesheet of an offer: providers (own offers), caseworkers (their municipality's rows), payroll, auditors.</summary>
[TimesheetReader]
public static class GetTimesheetEndpoint
{
    public static ProblemDetails Validate(string month) => TimesheetMonth.Check(month);

    /// <summary>An offer's hours of a month, person by person and day by day, and whether the provider confirmed them</summary>
    /// <remarks>Provider: its own offers only (another's or unknown: 404); caseworker: only the rows of its municipality's persons;
    /// payroll and auditors: all. month is YYYY-MM (400 otherwise). Days list the effective minutes (corrections applied); confirmed is null
    /// until the provider confirms the month.</remarks>
    [WolverineGet("/api/offers/{id}/timesheets/{month}", OperationId = "getTimesheet"), Tags("Timesheets")]
    [ProducesResponseType<TimesheetDto>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Get(Guid id, string month, HttpContext http, IQuerySession session, Clock clock, Policy policy) =>
        await Timesheets.Read(session, Access.Actor(http), id, TimesheetMonth.Of(month), clock.Today, http.RequestAborted) is { } found
            ? Results.Ok(found.Sheet with { DailyLimitMinutes = policy.DailyCapMinutes })
            : Problems.NotFound("offer").Answer();
}
