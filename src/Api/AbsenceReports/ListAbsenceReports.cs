namespace AGH.Api.AbsenceReports;

/// <summary>Absence reports for the office's follow-up: oldest absence first.</summary>
[AbsenceReportReader]
public static class ListAbsenceReportsEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        Statuses.Check(http.Request.Query, checks);
        Paging.Check(http, checks);
        return checks.Details();
    }

    private static readonly StatusFilter<AbsenceReportStatus> Statuses =
        new(("open", AbsenceReportStatus.Open), ("recorded", AbsenceReportStatus.Recorded), ("dismissed", AbsenceReportStatus.Dismissed));

    [WolverineGet("/api/absence-reports", OperationId = "listAbsenceReports"), Tags("Absence reports")]
    [EndpointSummary("Absence reports, filtered by status; paged, total in X-Total-Count")]
    [EndpointDescription("Caseworkers and officials: persons of their municipality (officials without one: all); providers: the reports they "
        + "made (without refusalId, dismissalReason, closedBy); auditors: all. Ordered by the day of the absence, then as recorded.")]
    [ProducesResponseType<IReadOnlyList<AbsenceReportDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? status, string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var actor = Access.Actor(http);
        IQueryable<AbsenceReport> query = session.Query<AbsenceReport>();
        if (ProviderScope.IsProvider(actor))
        {
            var own = actor.Provider ?? "";
            query = query.Where(x => x.ProviderId == own);
        }
        else if (actor.Role is Roles.Caseworker or Roles.Official && actor.Municipality is { } municipality) query = query.Where(x => x.Municipality == municipality);
        if (Statuses.Of(status) is { } wanted) query = query.Where(x => x.Status == wanted);
        var items = await paging.Fetch(http, query, q => q.OrderBy(x => x.Date).ThenBy(x => x.Id));
        return Results.Ok(items.Select(x => AbsenceReportDto.From(x, actor)).ToList());
    }
}

/// <summary>One absence report (the Location of a new one).</summary>
[AbsenceReportReader]
public static class GetAbsenceReportEndpoint
{
    [WolverineGet("/api/absence-reports/{id}", OperationId = "getAbsenceReport"), Tags("Absence reports"), EndpointSummary("One absence report")]
    [ProducesResponseType<AbsenceReportDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document<AbsenceReport, AbsenceReportDto>(id, http, session, "absence report", AbsenceReportAccess.Visible, AbsenceReportDto.From);
}
