namespace AGH.Api.Sanctions;

/// <summary>The caseworker proposes a § 1a restriction; an official decides (Vier-Augen-Prinzip).</summary>
[Caseworker]
public static class ProposeSanctionEndpoint
{
    public sealed record Request([property: Required] Guid? RefusalId, [property: Required] string? Reasoning);

    public static (ProposeSanction?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new ProposeSanction(id, Guid.CreateVersion7(), v.Id(b.RefusalId, "refusalId"), v.Text(b.Reasoning, "reasoning", 8000), actor.UserId));

    public static Decision Decide(ProposeSanction command, PlacementStream stream, Policy policy, Clock clock) =>
        SanctionDecisions.Propose(stream.Person, stream.Placement, command, policy, clock.Today);

    /// <summary>Propose a benefit restriction (Anspruchseinschränkung nach § 1a AsylbLG)</summary>
    /// <remarks>Only when the Heranziehungsbescheid with Rechtsfolgenbelehrung preceded the refusal, the person was obliged to work
    /// that day, the refusal was assessed without good cause and a hearing (§ 28 VwVfG) was held; else 422 sanction-preconditions.
    /// An invitation to the hearing whose deadline has passed without a hearing counts as heard; while its deadline runs and no hearing
    /// was held: 422 hearing-deadline-running.</remarks>
    [WolverinePost("/api/placements/{id}/sanction-proposals", OperationId = "proposeSanction"), Tags("Refusals and sanctions")]
    public static Created<CreatedId> Handle(Request body, ProposeSanction command) => CreatedId.At("/api/sanction-proposals", command.ProposalId);
}
