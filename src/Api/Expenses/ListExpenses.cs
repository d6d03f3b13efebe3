namespace AGH.Api.Expenses;

/// <summary>
/// Expenses for payroll's decisions and the office's follow-up: payroll and auditors read all, caseworkers and officials
/// those of their municipality (officials without one: all). Oldest month first.
/// </summary>
[MoneyReader]
public static class ListExpensesEndpoint
{
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        var q = http.Request.Query;
        Statuses.Check(q, checks);
        checks.QueryGuid(q, "personId");
        if (q["month"].Count > 1) checks.Add("month", "must be given once.");
        var month = q["month"].ToString();
        if (month.Length > 0 && !Month.TryParse(month, out _)) checks.Add("month", "must be a month written YYYY-MM.");
        Paging.Check(http, checks);
        return checks.Details();
    }

    private static readonly StatusFilter<ExpenseStatus> Statuses =
        new(("pending", ExpenseStatus.Pending), ("approved", ExpenseStatus.Approved), ("rejected", ExpenseStatus.Rejected));

    [WolverineGet("/api/expenses", OperationId = "listExpenses"), Tags("Expenses")]
    [EndpointSummary("Expenses, filtered by status, person and month; paged, total in X-Total-Count")]
    [EndpointDescription("Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all). "
        + "Ordered by month, then by the order they were recorded.")]
    [ProducesResponseType<IReadOnlyList<ExpenseDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? status, Guid? personId, string? month, string? page, string? pageSize)
    {
        var paging = Paging.Read(page, pageSize, new Checks());
        var actor = Access.Actor(http);
        IQueryable<Expense> query = session.Query<Expense>();
        if (actor.Role is Roles.Caseworker or Roles.Official && actor.Municipality is { } own) query = query.Where(x => x.Municipality == own);
        if (Statuses.Of(status) is { } wanted) query = query.Where(x => x.Status == wanted);
        if (personId is { } pid) query = query.Where(x => x.PersonId == pid);
        if (month is { Length: > 0 }) query = query.Where(x => x.Month == month);
        var items = await paging.Fetch(http, query, q => q.OrderBy(x => x.Month).ThenBy(x => x.Id));
        return Results.Ok(items.Select(ExpenseDto.From).ToList());
    }
}

/// <summary>One expense (the Location of a recorded one).</summary>
[MoneyReader]
public static class GetExpenseEndpoint
{
    [WolverineGet("/api/expenses/{id}", OperationId = "getExpense"), Tags("Expenses"), EndpointSummary("One expense")]
    [ProducesResponseType<ExpenseDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document(id, http, session, "expense", (Actor actor, Expense x) => ExpenseAccess.Visible(actor, x.Municipality), (x, _) => ExpenseDto.From(x));
}
