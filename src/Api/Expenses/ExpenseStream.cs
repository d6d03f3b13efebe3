namespace AGH.Api.Expenses;

/// <summary>An expense's person stream, fetched for writing (a second decision waits and then sees the first), and the expense.</summary>
public sealed record ExpenseStream(IEventStream<Person> Stream, Expense Expense)
{
    /// <summary>The expense view → the person, locked; the view read again after the lock; null (404) when missing or not visible.</summary>
    public static async Task<ExpenseStream?> Load(IDocumentSession session, Guid expenseId, HttpContext http, CancellationToken ct) =>
        await LockedView.Load<Expense>(session, expenseId, x => x.PersonId, x => ExpenseAccess.Visible(Access.Actor(http), x.Municipality), ct)
            is { } found ? new ExpenseStream(found.Stream, found.View) : null;

    public Expense After(Decision decision) => decision.Events.Select(e => e.Event).OfType<ExpenseDecided>()
        .Aggregate(Expense, (x, d) => d.ExpenseId == x.Id ? x.When(d) : x);
}
