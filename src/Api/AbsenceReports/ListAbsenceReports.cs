using AGH.Domain.Placements;
using Marten;

namespace AGH.Api.AbsenceReports;

/// <summary>Absence reports for the office's follow-up: oldest absence first.</summary>
[AbsenceReportReader]
public static class ListAbsenceReportsEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var q = http.Request.Query;
        if (q["status"].Count > 1) checks.Add("status", "must be given once.");
        if (StatusOf(q["status"].ToString()) is null && q["status"].ToString().Length > 0) checks.Add("status", "must be open, recorded or dismissed.");
        Paging.Read(q["page"].FirstOrDefault(), q["pageSize"].FirstOrDefault(), checks);
        return checks.Details();
    }

    private static AbsenceReportStatus? StatusOf(string value) => value switch
    {
        "open" => AbsenceReportStatus.Open,
        "recorded" => AbsenceReportStatus.Recorded,
        "dismissed" => AbsenceReportStatus.Dismissed,
        _ => null,
    };

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
        if (StatusOf(status ?? "") is { } wanted) query = query.Where(x => x.Status == wanted);
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
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var actor = Access.Actor(http);
        var report = await session.LoadAsync<AbsenceReport>(id, http.RequestAborted);
        return report is null || !AbsenceReportAccess.Visible(actor, report)
            ? Problems.NotFound("absence report").Answer()
            : Results.Ok(AbsenceReportDto.From(report, actor));
    }
}
