namespace AGH.Api.Sanctions;

/// <summary>Proportionality: the restriction ends early once its ground is gone (§ 9 Abs. 4 AsylbLG with § 48 SGB X).</summary>
[Official]
public static class EndRestrictionEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] RestrictionEndReason? Reason, [property: Required] string? Reasoning);

    public static (EndRestriction?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new EndRestriction(id, v.Date(b.Date, "date"), v.Required(b.Reason, "reason"), v.Text(b.Reasoning, "reasoning", 8000), actor.UserId));

    public static Decision Decide(EndRestriction command, ProposalStream stream, Clock clock) => SanctionDecisions.EndRestriction(stream.Person, command, clock.Today);

    /// <summary>End a restriction early (Aufhebung der Anspruchseinschränkung)</summary>
    /// <remarks>The person fulfils the duty again (duty-fulfilled), declares in earnest to do so while no place is free
    /// (willing-no-place), or the duty lapsed (duty-lapsed). date is the last restricted day. 409 restriction-not-in-force;
    /// 422 date-in-future; 422 end-before-start.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/restriction/end", OperationId = "endRestriction"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
