using AGH.Api.Persons;

namespace AGH.Api.Retention;

/// <summary>The remedy is settled: the hold is lifted and the retention period applies again.</summary>
[CaseworkerOrOfficial]
public static class LiftLegalHoldEndpoint
{
    public static (LiftLegalHold?, ProblemDetails) Validate(LegalHoldRequest? body, Guid id) => LegalHoldRequest.Parse(body, reason => new LiftLegalHold(id, reason));

    public static Decision Decide(LiftLegalHold command, IEventStream<Person> stream) => PersonDecisions.LiftLegalHold(stream.Aggregate!, command);

    /// <summary>Lift the legal hold once the remedy is settled</summary>
    [WolverinePost("/api/persons/{id}/legal-hold/release", OperationId = "liftLegalHold"), Tags("Data protection")]
    public static Ok<PersonDto> Handle(LegalHoldRequest body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);
}
