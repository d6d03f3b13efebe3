using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// An authorised official decides a proposal. An approval restricts benefits to § 1a Abs. 1 AsylbLG for six months
/// (§ 14 Abs. 1 AsylbLG) from a day not before the decision; the proposer can never decide their own proposal.
/// </summary>
[Official]
public static class DecideSanctionEndpoint
{
    public sealed record Request([property: Required] bool? Approved, [property: Required] string? Reasoning, DateOnly? StartsOn);

    public static (DecideSanction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
    {
        var approved = v.Required(b.Approved, "approved");
        var reasoning = v.Text(b.Reasoning, "reasoning", 8000);
        var startsOn = v.OptionalDate(b.StartsOn, "startsOn");
        if (approved && startsOn is null) v.Add("startsOn", "is required when approved is true.");
        var actor = Access.Actor(http);
        return new DecideSanction(id, approved, reasoning, startsOn, actor.UserId, actor);
    });

    // An approval is refused once the person worked again after the refusal.
    public static Decision Decide(DecideSanction command, [HoursAfterRefusal] ProposalStream stream, Policy policy, Clock clock) =>
        SanctionDecisions.Decide(stream.Person, command, stream.HoursAfterRefusal, policy, clock.Today);

    [WolverinePost("/api/sanction-proposals/{id}/decision", OperationId = "decideSanction"), Tags("Refusals and sanctions")]
    [EndpointSummary("Decide a sanction proposal (Entscheidung über die Anspruchseinschränkung)")]
    [EndpointDescription("Issues the notice (Einschränkungsbescheid or Mitteilung; answer noticeId); the restriction awaits its notification. "
        + "403 four-eyes for the proposer; 409 already-decided; 422 starts-on-in-past (§§ 41, 43 VwVfG: never backwards); "
        + "422 sanction-preconditions when a precondition fails on today's facts (exemption covering the refusal day, good cause, "
        + "hours logged after the refusal, entitlement ended, excluded); 422 refusal-too-old (Policy:MaxDaysRefusalToDecision days); "
        + "409 restriction-in-force while another restriction of the person is in force, awaiting notification or suspended.")]
    [ProducesResponseType<SanctionProposalDto>(200)]
    public static IResult Handle(Request body, ProposalStream stream, Decision decision, Clock clock) => ProposalResults.Ok(stream, decision, clock.Today);
}
