namespace AGH.Api.Expenses;

/// <summary>An expense as listed and answered; new resources carry no ETag.</summary>
public sealed record ExpenseDto(Guid Id, Guid PlacementId, Guid PersonId, string Month, long AmountCents, string Description, string Evidence,
    ExpenseStatus Status, string RecordedBy, string? DecidedBy, string? Reasoning)
{
    public static ExpenseDto From(Expense e) => new(e.Id, e.PlacementId, e.PersonId, e.Month, e.AmountCents, e.Description, e.Evidence, e.Status,
        e.RecordedBy, e.DecidedBy, e.Reasoning);
}

public static class ExpenseAccess
{
    /// <summary>Payroll pays every municipality's expenses; others see them as they see the person.</summary>
    public static bool Visible(Actor actor, string municipality) => actor.Role == Roles.Payroll || actor.MaySee(municipality);
}
