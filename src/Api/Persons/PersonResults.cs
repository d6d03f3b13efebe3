using AGH.Domain.Persons;

namespace AGH.Api.Persons;

/// <summary>The answer of a command on a person: the person as its decision's events leave them.</summary>
public static class PersonResults
{
    public static IResult Ok(Person person, Decision decision, DateOnly today) =>
        Results.Ok(PersonDto.From(decision.Events.Where(e => e.StreamId == person.Id).Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), today));
}
