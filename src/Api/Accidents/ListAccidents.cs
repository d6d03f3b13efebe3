namespace AGH.Api.Accidents;

/// <summary>Accidents, above all the open ones whose report to the insurer is due: earliest due first.</summary>
[AccidentReader]
public static class ListAccidentsEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        Statuses.Check(http.Request.Query, checks);
        ListOrder.Read(http, checks, SortKeys);
        Paging.Check(http, checks);
        return checks.Details();
    }

    private static readonly string[] SortKeys = ["reportDueOn", "on"];

    private static readonly StatusFilter<AccidentStatus> Statuses =
        new(("open", AccidentStatus.Open), ("reported", AccidentStatus.Reported), ("not-reportable", AccidentStatus.NotReportable));

    [WolverineGet("/api/accidents", OperationId = "listAccidents"), Tags("Accidents")]
    [EndpointSummary("Accidents, filtered by status; paged, total in X-Total-Count")]
    [EndpointDescription("Caseworkers: persons of their municipality; coordinators and auditors: all; providers: accidents at their own offers "
        + "(description and incapacityDays only where they recorded them). Ordered by reportDueOn, then as recorded.")]
    [ProducesResponseType<IReadOnlyList<AccidentDto>>(200), AnswersProblems(403)]
    [QueryParameter("status", "Nur Unfälle mit diesem status: open (Anzeige an den Unfallversicherungsträger noch nicht erfasst), reported, not-reportable.",
        "open", "reported", "not-reportable")]
    [QueryParameter("sort", "Die Reihenfolge: reportDueOn (Anzeige fällig am, ohne sort) oder on (Unfalltag); ein vorangestelltes - kehrt sie um; "
        + "gleiche Tage in der Reihenfolge der Erfassung.", "reportDueOn", "on", "-reportDueOn", "-on")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? status, string? sort, string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var actor = Access.Actor(http);
        IQueryable<Accident> query = session.Query<Accident>();
        if (ProviderScope.IsProvider(actor))
        {
            var own = actor.Provider ?? "";
            query = query.Where(x => x.ProviderId == own);
        }
        else if (actor.Role == Roles.Caseworker && actor.Municipality is { } municipality) query = query.Where(x => x.Municipality == municipality);
        if (Statuses.Of(status) is { } wanted) query = query.Where(x => x.Status == wanted);
        var order = ListOrder.Read(http, new Checks(), SortKeys) ?? new ListOrder("reportDueOn", false);
        var items = await paging.Fetch(http, query, q => (order.Key, order.Descending) switch
        {
            ("on", false) => q.OrderBy(x => x.On).ThenBy(x => x.Id),
            ("on", true) => q.OrderByDescending(x => x.On).ThenBy(x => x.Id),
            (_, true) => q.OrderByDescending(x => x.ReportDueOn).ThenBy(x => x.Id),
            _ => q.OrderBy(x => x.ReportDueOn).ThenBy(x => x.Id),
        });
        return Results.Ok(items.Select(x => AccidentDto.From(x, actor)).ToList());
    }
}

/// <summary>One accident (the Location of a new one).</summary>
[AccidentReader]
public static class GetAccidentEndpoint
{
    [WolverineGet("/api/accidents/{id}", OperationId = "getAccident"), Tags("Accidents"), EndpointSummary("One accident")]
    [ProducesResponseType<AccidentDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document<Accident, AccidentDto>(id, http, session, "accident", AccidentAccess.Visible, AccidentDto.From);
}
