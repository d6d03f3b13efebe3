namespace AGH.Api.Expenses;

/// <summary>
/// Expenses for payroll's decisions and the office's follow-up: payroll and auditors read all, caseworkers and officials
/// those of their municipality (officials without one: all). Oldest month first.
/// </summary>
[MoneyReader]
public static class ListExpensesEndpoint
{
    public static ProblemDetails Validate(HttpContext http) => ListRead.Check(http, Statuses, more: (q, checks) =>
    {
        checks.QueryGuid(q, "personId");
        if (q["month"].Count > 1) checks.Add("month", "must be given once.");
        var month = q["month"].ToString();
        if (month.Length > 0 && !Month.TryParse(month, out _)) checks.Add("month", "must be a month written YYYY-MM.");
    });

    private static readonly StatusFilter<ExpenseStatus> Statuses =
        new(("pending", ExpenseStatus.Pending), ("approved", ExpenseStatus.Approved), ("rejected", ExpenseStatus.Rejected));

    /// <summary>Expenses, filtered by status, person and month; paged, total in X-Total-Count</summary>
    /// <remarks>Payroll and auditors: all; caseworkers and officials: persons of their municipality (officials without one: all).
    /// Ordered by month, then by the order they were recorded.</remarks>
    [WolverineGet("/api/expenses", OperationId = "listExpenses"), Tags("Expenses")]
    [ProducesResponseType<IReadOnlyList<ExpenseDto>>(200), AnswersProblems(403)]
    public static Task<IResult> Get(HttpContext http, IQuerySession session, string? status, Guid? personId, string? month, string? page, string? pageSize)
    {
        var rows = session.Query<Expense>().Visible(Access.Actor(http), x => x.Municipality, provider: null, Roles.Caseworker, Roles.Official);
        if (Statuses.Of(status) is { } wanted) rows = rows.Where(x => x.Status == wanted);
        if (personId is { } pid) rows = rows.Where(x => x.PersonId == pid);
        if (month is { Length: > 0 }) rows = rows.Where(x => x.Month == month);
        return ListRead.Page(http, page, pageSize, rows, q => q.OrderBy(x => x.Month).ThenBy(x => x.Id), ExpenseDto.From);
    }
}
