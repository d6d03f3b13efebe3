namespace AGH.Api.Persons;

/// <summary>The person declared in earnest to be willing to work: a restriction in force is due for review at once.</summary>
[CaseworkerOrOfficial]
public static class DeclareWillingnessEndpoint
{
    public sealed record Request([property: Required] DateOnly? On, [property: Required] string? Note);

    public static (DeclareWillingness?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new DeclareWillingness(id, v.Date(b.On, "on"), v.Text(b.Note, "note", 1000)));

    public static Decision Decide(DeclareWillingness command, IEventStream<Person> stream, Clock clock) =>
        WillingnessDecisions.Declare(stream.Aggregate!, command, clock.Today);

    /// <summary>Record the person's earnest declaration to work (§ 14 Abs. 2 AsylbLG)</summary>
    /// <remarks>A restriction in force whose refusal lies before on is due for review at once (reason willing). 422 date-in-future.</remarks>
    [WolverinePost("/api/persons/{id}/willingness", OperationId = "declareWillingness"), Tags("Persons")]
    public static Created<PersonDto> Handle(Request body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) =>
        PersonResults.Created(stream.Aggregate!, decision, clock.Today, policy);
}
