using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;

namespace AGH.Api.Expenses;

/// <summary>An expense's person stream, fetched for writing (a second decision waits and then sees the first), and the expense.</summary>
public sealed record ExpenseStream(IEventStream<Person> Stream, Expense Expense)
{
    /// <summary>The expense view → the person, locked; the view read again after the lock; null (404) when missing or not visible.</summary>
    public static async Task<ExpenseStream?> Load(IDocumentSession session, Guid expenseId, HttpContext http, CancellationToken ct)
    {
        if (expenseId == Guid.Empty || await session.LoadAsync<Expense>(expenseId, ct) is not { } seen) return null;
        if (!ExpenseAccess.Visible(Access.Actor(http), seen.Municipality)) return null;
        var stream = await Streams.Person(session, seen.PersonId, ct);
        if (stream is null) return null;
        // Read committed: after the lock the view is as the lock holder's commit left it.
        session.Eject(seen);
        var expense = await session.LoadAsync<Expense>(expenseId, ct);
        return expense is null ? null : new ExpenseStream(stream, expense);
    }

    public Expense After(Decision decision) => decision.Events.Select(e => e.Event).OfType<ExpenseDecided>()
        .Aggregate(Expense, (x, d) => d.ExpenseId == x.Id ? x.When(d) : x);
}
