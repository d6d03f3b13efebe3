namespace AGH.Api.Persons;

/// <summary>An exemption recorded in error: it counts nowhere from then on; the history keeps both.</summary>
[CaseworkerOrOfficial]
public static class WithdrawExemptionEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static (WithdrawExemption?, ProblemDetails) Validate(Request? body, Guid id, Guid exemptionId) => Parse.Body(body, (b, v) =>
        new WithdrawExemption(id, exemptionId, v.Text(b.Reason, "reason", 1000)));

    public static Decision Decide(WithdrawExemption command, IEventStream<Person> stream) => ExemptionDecisions.Withdraw(stream.Aggregate!, command);

    /// <summary>Withdraw a good reason recorded in error</summary>
    /// <remarks>The exemption then counts nowhere (status, eligibility, quota, sanction checks). 404 not-found for an unknown
    /// exemption; 409 exemption-withdrawn for a second withdrawal.</remarks>
    [WolverinePost("/api/persons/{id}/exemptions/{exemptionId}/withdrawal", OperationId = "withdrawExemption"), Tags("Persons")]
    public static Ok<PersonDto> Handle(Request body, IEventStream<Person> stream, Decision decision, Clock clock, Policy policy) =>
        PersonResults.Ok(stream.Aggregate!, decision, clock.Today, policy);
}
