namespace AGH.Api.Expenses;

/// <summary>One expense (the Location of a recorded one).</summary>
[MoneyReader]
public static class GetExpenseEndpoint
{
    /// <summary>One expense</summary>
    [WolverineGet("/api/expenses/{id}", OperationId = "getExpense"), Tags("Expenses")]
    [ProducesResponseType<ExpenseDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session) =>
        VisibleRead.Document(id, http, session, "expense", (Actor actor, Expense x) => ExpenseAccess.Visible(actor, x.Municipality), (x, _) => ExpenseDto.From(x));
}
