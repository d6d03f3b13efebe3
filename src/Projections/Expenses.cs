using AGH.Domain.Payouts;
using JasperFx.Events;
using Marten.Events.Projections;

namespace AGH.Projections;

/// <summary>
/// One document per expense from the person streams, inline: the list, the decision's lookup (expense → person) and the
/// payout run read it, consistent with every write.
/// </summary>
public partial class ExpenseProjection : MultiStreamProjection<Expense, Guid>
{
    public ExpenseProjection()
    {
        Identity<ExpenseRecorded>(e => e.ExpenseId);
        Identity<ExpenseDecided>(e => e.ExpenseId);
        IncludeType<ExpenseRecorded>();
        IncludeType<ExpenseDecided>();
    }

    public override Expense? Evolve(Expense? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, ExpenseRecorded r) => Expense.Start(r),
        (not null, ExpenseDecided d) => snapshot.When(d),
        _ => snapshot,
    };
}

/// <summary>One document per recovery from the person streams, inline: the list and the payout run (recovered minutes are not netted) read it.</summary>
public partial class RecoveryProjection : MultiStreamProjection<Recovery, Guid>
{
    public RecoveryProjection()
    {
        Identity<RecoveryOpened>(e => e.RecoveryId);
        Identity<RecoveryHeard>(e => e.RecoveryId);
        Identity<RecoveryDecided>(e => e.RecoveryId);
        Identity<RecoveryObjectionFiled>(e => e.RecoveryId);
        IncludeType<RecoveryOpened>();
        IncludeType<RecoveryHeard>();
        IncludeType<RecoveryDecided>();
        IncludeType<RecoveryObjectionFiled>();
    }

    public override Recovery? Evolve(Recovery? snapshot, Guid id, IEvent e) => (snapshot, e.Data) switch
    {
        (_, RecoveryOpened o) => Recovery.Start(o),
        (not null, var other) => snapshot.When(other),
        _ => snapshot,
    };
}
