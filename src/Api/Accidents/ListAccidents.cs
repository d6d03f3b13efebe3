namespace AGH.Api.Accidents;

/// <summary>Accidents, above all the open ones whose report to the insurer is due: earliest due first.</summary>
[AccidentReader]
public static class ListAccidentsEndpoint
{
    public static ProblemDetails Validate(HttpContext http) => ListRead.Check(http, Statuses, SortKeys);

    private static readonly string[] SortKeys = ["reportDueOn", "on"];

    private static readonly StatusFilter<AccidentStatus> Statuses =
        new(("open", AccidentStatus.Open), ("reported", AccidentStatus.Reported), ("not-reportable", AccidentStatus.NotReportable));

    /// <summary>Accidents, filtered by status; paged, total in X-Total-Count</summary>
    /// <remarks>Caseworkers: persons of their municipality; coordinators and auditors: all; providers: accidents at their own offers
    /// (description and incapacityDays only where they recorded them). Ordered by reportDueOn, then as recorded.</remarks>
    [WolverineGet("/api/accidents", OperationId = "listAccidents"), Tags("Accidents")]
    [ProducesResponseType<IReadOnlyList<AccidentDto>>(200), AnswersProblems(403)]
    [QueryParameter("status", "Nur Unfälle mit diesem status: open (Anzeige an den Unfallversicherungsträger noch nicht erfasst), reported, not-reportable.",
        "open", "reported", "not-reportable")]
    [QueryParameter("sort", "Die Reihenfolge: reportDueOn (Anzeige fällig am, ohne sort) oder on (Unfalltag); ein vorangestelltes - kehrt sie um; "
        + "gleiche Tage in der Reihenfolge der Erfassung.", "reportDueOn", "on", "-reportDueOn", "-on")]
    public static Task<IResult> Get(HttpContext http, IQuerySession session, string? status, string? sort, string? page, string? pageSize)
    {
        var actor = Access.Actor(http);
        var rows = session.Query<Accident>().Visible(actor, x => x.Municipality, x => x.ProviderId, Roles.Caseworker);
        if (Statuses.Of(status) is { } wanted) rows = rows.Where(x => x.Status == wanted);
        var order = ListOrder.Read(http, new Checks(), SortKeys) ?? new ListOrder("reportDueOn", false);
        return ListRead.Page(http, page, pageSize, rows, q => (order.Key, order.Descending) switch
        {
            ("on", false) => q.OrderBy(x => x.On).ThenBy(x => x.Id),
            ("on", true) => q.OrderByDescending(x => x.On).ThenBy(x => x.Id),
            (_, true) => q.OrderByDescending(x => x.ReportDueOn).ThenBy(x => x.Id),
            _ => q.OrderBy(x => x.ReportDueOn).ThenBy(x => x.Id),
        }, x => AccidentDto.From(x, actor));
    }
}
