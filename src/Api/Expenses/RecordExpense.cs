namespace AGH.Api.Expenses;

/// <summary>Higher necessary expenses of a month (§ 5 Abs. 2 AsylbLG), with their evidence; paid once a second person approves.</summary>
[CaseworkerOrOfficial]
public static class RecordExpenseEndpoint
{
    public sealed record Request([property: Required] string? Month, [property: Required] int? AmountCents, [property: Required] string? Description,
        [property: Required] string? Evidence);

    public static (RecordExpense?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new RecordExpense(id, Guid.CreateVersion7(), MonthField.Check(v, b.Month, "month"), v.Range(b.AmountCents, "amountCents", 1, (int)ExpenseDecisions.MaxCents),
            v.Text(b.Description, "description", 1000), v.Text(b.Evidence, "evidence", 1000), actor.UserId));

    public static Decision Decide(RecordExpense command, PlacementStream stream, Clock clock) =>
        ExpenseDecisions.Record(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Record higher necessary expenses of a month (§ 5 Abs. 2 AsylbLG); paid once approved by another person</summary>
    /// <remarks>Caseworkers and officials, persons of their municipality. amountCents 1-100000, description and evidence (free text,
    /// e.g. the receipts seen) 1-1000 characters (else 400). month not after the current month and not before the placement's start month:
    /// 422 outside-placement. The expense is pending until payroll or an official other than the recorder decides it.</remarks>
    [WolverinePost("/api/placements/{id}/expenses", OperationId = "recordExpense"), Tags("Expenses")]
    public static Created<ExpenseDto> Handle(Request body, RecordExpense command, Decision decision) =>
        TypedResults.Created($"/api/expenses/{command.ExpenseId}", ExpenseDto.From(Expense.Start((ExpenseRecorded)decision.Events[0].Event)));
}
