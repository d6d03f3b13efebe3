using AGH.Api.Persons;
using AGH.Domain.Persons;
using JasperFx.Events;

namespace AGH.Api.Retention;

/// <summary>The remedy is settled: the person's data falls under the retention period again.</summary>
[CaseworkerOrOfficial]
public static class LiftLegalHoldEndpoint
{
    public static (LiftLegalHold?, ProblemDetails) Validate(LegalHoldRequest? body, Guid id) => LegalHoldRequest.Parse(body, reason => new LiftLegalHold(id, reason));

    public static Decision Decide(LiftLegalHold command, IEventStream<Person> stream) => PersonDecisions.LiftLegalHold(stream.Aggregate!, command);

    [WolverinePost("/api/persons/{id}/legal-hold/release", OperationId = "liftLegalHold"), Tags("Data protection"), EndpointSummary("Lift the legal hold once the remedy is settled")]
    [ProducesResponseType<PersonDto>(200)]
    public static IResult Handle(LegalHoldRequest body, IEventStream<Person> stream, Decision decision, Clock clock) => LegalHoldRequest.Answer(stream, decision, clock);
}
