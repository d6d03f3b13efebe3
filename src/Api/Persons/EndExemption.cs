namespace AGH.Api.Persons;

/// <summary>The good reason ends earlier than recorded, or an open-ended one gets its last day (which may lie ahead).</summary>
[CaseworkerOrOfficial]
public static class EndExemptionEndpoint
{
    public sealed record Request([property: Required] DateOnly? Until);

    public static (EndExemption?, ProblemDetails) Validate(Request? body, Guid id, Guid exemptionId) => Parse.Body(body, (b, v) =>
        new EndExemption(id, exemptionId, v.Date(b.Until, "until")));

    public static Decision Decide(EndExemption command, IEventStream<Person> stream) => ExemptionDecisions.End(stream.Aggregate!, command);

    /// <summary>End a good reason (wichtiger Grund) on its last day</summary>
    /// <remarks>404 not-found for an unknown exemption; 409 exemption-withdrawn; 409 exemption-ended when it already ends on or
    /// before until; 422 end-before-start when until lies before its from.</remarks>
    [WolverinePost("/api/persons/{id}/exemptions/{exemptionId}/end", OperationId = "endExemption"), Tags("Persons")]
    public static Ok<PersonDto> Handle(Request body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) =>
        PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);
}
