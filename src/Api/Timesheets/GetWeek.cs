namespace AGH.Api.Timesheets;

/// <summary>An offer's week, person by person and day by day: providers (own offers), caseworkers (their municipality's rows), payroll, auditors.</summary>
[TimesheetReader]
public static class GetWeekEndpoint
{
    public static ProblemDetails Validate(string week) => IsoWeek.Check(week);

    /// <summary>An offer's ISO week as a grid: the placements of the week with their schedule and the minutes logged per day</summary>
    /// <remarks>week is YYYY-Www (ISO 8601; a week the year does not have, e.g. W54, is 400). Same roles and rows as the timesheet:
    /// provider its own offers (another's or unknown: 404), caseworker only the rows of its municipality's persons, payroll and auditors all.
    /// Rows are the placements that ran in the week or have hours in it; each day says whether it lies within the placement, the planned
    /// minutes of its weekday and the effective minutes logged.</remarks>
    [WolverineGet("/api/offers/{id}/weeks/{week}", OperationId = "getOfferWeek"), Tags("Timesheets")]
    [ProducesResponseType<WeekDto>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Get(Guid id, string week, HttpContext http, IQuerySession session, Clock clock, Policy policy) =>
        await WeekGrid.Read(session, Access.Actor(http), id, IsoWeek.Of(week), clock.Today, policy.DailyCapMinutes, http.RequestAborted) is { } found
            ? Results.Ok(found)
            : Problems.NotFound("offer").Answer();
}
