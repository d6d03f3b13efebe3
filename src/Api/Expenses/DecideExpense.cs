namespace AGH.Api.Expenses;

/// <summary>The second pair of eyes on an expense: approved expenses raise the month's payout line (Vier-Augen-Prinzip).</summary>
[PayrollOrOfficial]
public static class DecideExpenseEndpoint
{
    public sealed record Request([property: Required] bool? Approved, [property: Required] string? Reasoning);

    public static (DecideExpense?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new DecideExpense(id, v.Required(b.Approved, "approved"), v.Text(b.Reasoning, "reasoning", 1000), actor.UserId));

    public static Decision Decide(DecideExpense command, ExpenseStream stream) => ExpenseDecisions.Decide(stream.Expense, command);

    /// <summary>Approve or reject an expense (payroll or an official, never the one who recorded it)</summary>
    /// <remarks>The recorder: 403 four-eyes; a second decision: 409 already-decided. An approved expense is paid with the month's
    /// payout line (the larger of the hourly allowance and the month's approved expenses); approved after the month's run, the difference
    /// is paid on the next run's arrears line. Officials decide for persons of their municipality (without one: all).</remarks>
    [WolverinePost("/api/expenses/{id}/decision", OperationId = "decideExpense"), Tags("Expenses")]
    public static Ok<ExpenseDto> Handle(Request body, ExpenseStream stream, Decision decision) => TypedResults.Ok(ExpenseDto.From(stream.After(decision)));
}
