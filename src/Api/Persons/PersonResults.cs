namespace AGH.Api.Persons;

/// <summary>The answer of a command on a person: the person as its decision's events leave them.</summary>
public static class PersonResults
{
    public static Ok<PersonDto> Ok(Person person, Decision decision, DateOnly today, Policy policy) => TypedResults.Ok(After(person, decision, today, policy));

    /// <summary>201 for a command that records something new on the person, answered at the person's address.</summary>
    public static Created<PersonDto> Created(Person person, Decision decision, DateOnly today, Policy policy) => TypedResults.Created($"/api/persons/{person.Id}", After(person, decision, today, policy));

    private static PersonDto After(Person person, Decision decision, DateOnly today, Policy policy) =>
        PersonDto.From(decision.Events.Where(e => e.StreamId == person.Id).Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), today, policy);
}
