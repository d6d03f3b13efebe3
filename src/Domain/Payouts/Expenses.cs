using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Domain.Payouts;

/// <summary>
/// Higher necessary expenses of a month (§ 5 Abs. 2 AsylbLG: "Aufwandsentschädigung … soweit nicht im Einzelfall höhere
/// notwendige Aufwendungen entstehen"), recorded by the office with its evidence; paid only once a second person approved.
/// Written to the person's stream, so the person's history shows them and erasure masks their texts.
/// </summary>
public sealed record ExpenseRecorded(
    Guid PersonId,
    Guid ExpenseId,
    Guid PlacementId,
    string Municipality,
    string Month,
    long AmountCents,
    string Description,
    string Evidence,
    string RecordedBy) : IDomainEvent;

/// <summary>The second pair of eyes (payroll or an official, never the recorder) approved or rejected the expense.</summary>
public sealed record ExpenseDecided(Guid PersonId, Guid ExpenseId, bool Approved, string Reasoning, string DecidedBy) : IDomainEvent;

public enum ExpenseStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>One expense as recorded and decided (the view the list, the decision and the payout run read).</summary>
public sealed record Expense(
    Guid Id,
    Guid PersonId,
    Guid PlacementId,
    string Municipality,
    string Month,
    long AmountCents,
    string Description,
    string Evidence,
    ExpenseStatus Status,
    string RecordedBy,
    string? DecidedBy,
    string? Reasoning)
{
    public static Expense Start(ExpenseRecorded e) => new(e.ExpenseId, e.PersonId, e.PlacementId, e.Municipality, e.Month, e.AmountCents,
        e.Description, e.Evidence, ExpenseStatus.Pending, e.RecordedBy, null, null);

    public Expense When(ExpenseDecided e) =>
        this with { Status = e.Approved ? ExpenseStatus.Approved : ExpenseStatus.Rejected, DecidedBy = e.DecidedBy, Reasoning = e.Reasoning };
}

public sealed record RecordExpense(Guid PlacementId, Guid ExpenseId, Month Month, long AmountCents, string Description, string Evidence, string RecordedBy);

public sealed record DecideExpense(Guid ExpenseId, bool Approved, string Reasoning, string DecidedBy);

public static class ExpenseDecisions
{
    public const long MaxCents = 100_000;

    /// <summary>A month of the placement that has begun: not before its start month, not after the current month.</summary>
    public static Decision Record(Person person, Placement placement, RecordExpense c, DateOnly today)
    {
        if (c.Month.CompareTo(Month.Of(today)) > 0 || c.Month.CompareTo(Month.Of(placement.StartsOn)) < 0)
            return Rejection.Unprocessable("outside-placement",
                $"{c.Month} is outside the placement: expenses are recorded from its start month {Month.Of(placement.StartsOn)} up to the current month.");
        return Decision.Accept(new StreamEvent(person.Id, new ExpenseRecorded(person.Id, c.ExpenseId, placement.PlacementId, person.Municipality,
            c.Month.ToString(), c.AmountCents, c.Description, c.Evidence, c.RecordedBy)));
    }

    /// <summary>Vier-Augen-Prinzip: whoever recorded the expense does not decide it (checked before the state, as the exact rules order).</summary>
    public static Decision Decide(Expense expense, DecideExpense c)
    {
        if (expense.RecordedBy == c.DecidedBy)
            return Rejection.Forbidden("four-eyes", "The person who recorded the expense cannot decide it (Vier-Augen-Prinzip).");
        if (expense.Status != ExpenseStatus.Pending)
            return Rejection.Conflict("already-decided", $"The expense was already {expense.Status.ToString().ToLowerInvariant()} by {expense.DecidedBy}.");
        return Decision.Accept(new StreamEvent(expense.PersonId, new ExpenseDecided(expense.PersonId, expense.Id, c.Approved, c.Reasoning, c.DecidedBy)));
    }
}
