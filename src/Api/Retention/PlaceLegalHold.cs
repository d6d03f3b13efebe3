using AGH.Api.Persons;

namespace AGH.Api.Retention;

/// <summary>A remedy is pending (Widerspruch, Klage): the person's data is held beyond the retention period.</summary>
[CaseworkerOrOfficial]
public static class PlaceLegalHoldEndpoint
{
    public static (PlaceLegalHold?, ProblemDetails) Validate(LegalHoldRequest? body, Guid id) => LegalHoldRequest.Parse(body, reason => new PlaceLegalHold(id, reason));

    public static Decision Decide(PlaceLegalHold command, IEventStream<Person> stream) => PersonDecisions.PlaceLegalHold(stream.Aggregate!, command);

    /// <summary>Hold the person's data while a remedy is pending (no erasure)</summary>
    [WolverinePost("/api/persons/{id}/legal-hold", OperationId = "placeLegalHold"), Tags("Data protection")]
    public static Ok<PersonDto> Handle(LegalHoldRequest body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);
}
