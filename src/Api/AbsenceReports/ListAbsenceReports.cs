namespace AGH.Api.AbsenceReports;

/// <summary>Absence reports for the office's follow-up: oldest absence first.</summary>
[AbsenceReportReader]
public static class ListAbsenceReportsEndpoint
{
    public static ProblemDetails Validate(HttpContext http) => ListRead.Check(http, Statuses);

    private static readonly StatusFilter<AbsenceReportStatus> Statuses =
        new(("open", AbsenceReportStatus.Open), ("recorded", AbsenceReportStatus.Recorded), ("dismissed", AbsenceReportStatus.Dismissed));

    /// <summary>Absence reports, filtered by status; paged, total in X-Total-Count</summary>
    /// <remarks>Caseworkers and officials: persons of their municipality (officials without one: all); providers: the reports they
    /// made (without refusalId, dismissalReason, closedBy); auditors: all. Ordered by the day of the absence, then as recorded.</remarks>
    [WolverineGet("/api/absence-reports", OperationId = "listAbsenceReports"), Tags("Absence reports")]
    [ProducesResponseType<IReadOnlyList<AbsenceReportDto>>(200), AnswersProblems(403)]
    public static Task<IResult> Get(HttpContext http, IQuerySession session, string? status, string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        var rows = session.Query<AbsenceReport>().Visible(actor, x => x.Municipality, x => x.ProviderId, Roles.Caseworker, Roles.Official);
        if (Statuses.Of(status) is { } wanted) rows = rows.Where(x => x.Status == wanted);
        return ListRead.Page(http, page, pageSize, rows, q => q.OrderBy(x => x.Date).ThenBy(x => x.Id), x => AbsenceReportDto.From(x, actor));
    }
}
