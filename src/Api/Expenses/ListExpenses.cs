using AGH.Domain.Payouts;
using Marten;

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
        foreach (var key in new[] { "status", "personId", "month" })
            if (q[key].Count > 1) checks.Add(key, "must be given once.");
        var status = q["status"].ToString();
        if (status.Length > 0 && status is not ("pending" or "approved" or "rejected")) checks.Add("status", "must be pending, approved or rejected.");
        var personId = q["personId"].ToString();
        if (personId.Length > 0 && !Guid.TryParse(personId, out _)) checks.Add("personId", "must be a GUID.");
        var month = q["month"].ToString();
        if (month.Length > 0 && !Month.TryParse(month, out _)) checks.Add("month", "must be a month written YYYY-MM.");
        Paging.Read(q["page"].FirstOrDefault(), q["pageSize"].FirstOrDefault(), checks);
        return checks.Details();
    }

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
        if (status is { Length: > 0 })
        {
            var wanted = status switch { "approved" => ExpenseStatus.Approved, "rejected" => ExpenseStatus.Rejected, _ => ExpenseStatus.Pending };
            query = query.Where(x => x.Status == wanted);
        }
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
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var expense = await session.LoadAsync<Expense>(id, http.RequestAborted);
        return expense is null || !ExpenseAccess.Visible(Access.Actor(http), expense.Municipality)
            ? Problems.NotFound("expense").Answer()
            : Results.Ok(ExpenseDto.From(expense));
    }
}
