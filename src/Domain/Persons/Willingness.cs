using AGH.Domain.Common;

namespace AGH.Domain.Persons;

/// <summary>The person declared in earnest that they are willing to work (a reason to review a restriction at once).</summary>
public sealed record WillingnessDeclared(Guid PersonId, DateOnly On, string Note) : IDomainEvent;

public sealed record DeclareWillingness(Guid PersonId, DateOnly On, string Note);

public static class WillingnessDecisions
{
    public static Decision Declare(Person person, DeclareWillingness c, DateOnly today)
    {
        if (c.On > today) return Rejection.Unprocessable("date-in-future", "on lies in the future.");
        return Decision.Accept(new StreamEvent(person.Id, new WillingnessDeclared(person.Id, c.On, c.Note)));
    }
}
