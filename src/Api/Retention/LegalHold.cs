using AGH.Api.Persons;

namespace AGH.Api.Retention;

/// <summary>
/// While a remedy is pending (Widerspruch, Klage) the person's data is held beyond the retention period; once it is
/// settled the hold is lifted and the retention period applies again. Both take the reason and answer the person.
/// </summary>
[CaseworkerOrOfficial]
public static class LegalHoldEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    /// <summary>The checked reason for the person of the route; each route makes its own command of it.</summary>
    public sealed record HoldReason(Guid PersonId, string Reason);

    public static (HoldReason?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) => new HoldReason(id, v.Text(b.Reason, "reason", 2000)));

    public static Decision DecidePlace(HoldReason r, IEventStream<Person> stream) => PersonDecisions.PlaceLegalHold(stream.Aggregate!, new PlaceLegalHold(r.PersonId, r.Reason));

    public static Decision DecideLift(HoldReason r, IEventStream<Person> stream) => PersonDecisions.LiftLegalHold(stream.Aggregate!, new LiftLegalHold(r.PersonId, r.Reason));

    [WolverinePost("/api/persons/{id}/legal-hold", OperationId = "placeLegalHold"), Tags("Data protection"), EndpointSummary("Hold the person's data while a remedy is pending (no erasure)")]
    [ProducesResponseType<PersonDto>(200)]
    public static IResult Place(Request body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);

    [WolverinePost("/api/persons/{id}/legal-hold/release", OperationId = "liftLegalHold"), Tags("Data protection"), EndpointSummary("Lift the legal hold once the remedy is settled")]
    [ProducesResponseType<PersonDto>(200)]
    public static IResult Lift(Request body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);
}
