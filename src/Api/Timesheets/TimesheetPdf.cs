using AGH.Api.Notices;

namespace AGH.Api.Timesheets;

/// <summary>The month's Arbeitsnachweis as PDF, for the same callers and rows as the timesheet.</summary>
[TimesheetReader]
public static class TimesheetPdfEndpoint
{
    public static ProblemDetails Validate(string month) => TimesheetMonth.Check(month);

    /// <summary>The printable Arbeitsnachweis of an offer's month: persons × days with the schedule, lines for minutes and signatures</summary>
    /// <remarks>Same roles and rows as the timesheet (provider: own offers, else 404; caseworker: its municipality's persons; payroll;
    /// auditors). One page per person, dates DD.MM.YYYY; logged minutes are printed, blank lines left where none were logged.</remarks>
    [WolverineGet("/api/offers/{id}/timesheets/{month}/pdf", OperationId = "getTimesheetPdf"), Tags("Timesheets")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Get(Guid id, string month, HttpContext http, Marten.IQuerySession session, Clock clock)
    {
        var parsed = TimesheetMonth.Of(month);
        if (await Timesheets.Read(session, Access.Actor(http), id, parsed, clock.Today, http.RequestAborted) is not { } found)
            return Problems.NotFound("offer").Answer();
        http.Response.Headers.ContentDisposition = $"inline; filename=\"arbeitsnachweis-{parsed}-{id}.pdf\"";
        return Results.File(ArbeitsnachweisPdf.Render(found.Offer, found.Sheet, parsed), NoticeResults.ContentType);
    }
}
