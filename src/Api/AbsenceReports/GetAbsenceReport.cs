namespace AGH.Api.AbsenceReports;

/// <summary>One absence report (the Location of a new one).</summary>
[AbsenceReportReader]
public static class GetAbsenceReportEndpoint
{
    /// <summary>One absence report</summary>
    [WolverineGet("/api/absence-reports/{id}", OperationId = "getAbsenceReport"), Tags("Absence reports")]
    [ProducesResponseType<AbsenceReportDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document<AbsenceReport, AbsenceReportDto>(id, http, session, "absence report", AbsenceReportAccess.Visible, AbsenceReportDto.From);
}
