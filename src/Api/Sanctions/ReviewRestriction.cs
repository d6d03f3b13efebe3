using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// § 14 Abs. 2 AsylbLG: before six months have passed the official reviews the restriction: it continues for six more
/// months only after a new hearing and while the breach persists, otherwise it ends as planned.
/// </summary>
[Official]
public static class ReviewRestrictionEndpoint
{
    public sealed record Request([property: Required] bool? ContinueRestriction, [property: Required] string? Reasoning, DateOnly? HearingHeldOn);

    public static (ReviewRestriction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new ReviewRestriction(id, v.Required(b.ContinueRestriction, "continueRestriction"), v.Text(b.Reasoning, "reasoning", 8000),
            v.OptionalDate(b.HearingHeldOn, "hearingHeldOn"), Access.Actor(http)));

    // The breach persists only while the person does not work.
    public static Decision Decide(ReviewRestriction command, [HoursAfterRefusal] ProposalStream stream, Policy policy, Clock clock) =>
        SanctionDecisions.Review(stream.Person, command, stream.HoursAfterRefusal, policy, clock.Today);

    [WolverinePost("/api/sanction-proposals/{id}/review", OperationId = "reviewRestriction"), Tags("Refusals and sanctions")]
    [EndpointSummary("Review a restriction after six months (Überprüfung nach § 14 Abs. 2 AsylbLG)")]
    [EndpointDescription("continueRestriction true continues it for six months: only within the last Policy:ContinuationWindowDays (45) days "
        + "before endsOn (422 review-too-early), with hearingHeldOn inside that window (422 hearing-required) and a persisting breach "
        + "(422 breach-ended). It issues a Fortsetzungsbescheid (answer noticeId); the new period awaits its notification and starts on "
        + "the later of the day after endsOn and notifiedOn. "
        + "409 already-reviewed for the same period; 409 restriction-not-in-force.")]
    [ProducesResponseType<SanctionProposalDto>(200)]
    public static IResult Handle(Request body, ProposalStream stream, Decision decision, Clock clock) => ProposalResults.Ok(stream, decision, clock.Today);
}
