namespace AGH.Api.Sanctions;

/// <summary>The suspension ends: the restriction is in force again from <c>on</c> (its end does not move), or withdrawn.</summary>
[Official]
public static class EndSuspensionEndpoint
{
    public sealed record Request([property: Required] SuspensionOutcome? Outcome, [property: Required] DateOnly? On, [property: Required] string? Note);

    public static (EndSuspension?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new EndSuspension(id, v.Required(b.Outcome, "outcome"), v.Date(b.On, "on"), v.Text(b.Note, "note", 8000), actor.UserId));

    public static Decision Decide(EndSuspension command, ProposalStream stream, Clock clock) => RestrictionSuspensions.End(stream.Person, command, clock.Today);

    /// <summary>End the suspension of the restriction (reinstated or withdrawn)</summary>
    /// <remarks>reinstated: in force again from `on`, endsOn unchanged; withdrawn: status withdrawn, backPaymentDue once it was in force.
    /// 409 not-suspended; 422 date-in-future; 422 end-before-start (on before the suspension's from).</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/suspension/end", OperationId = "endRestrictionSuspension"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
