using System.ComponentModel;

namespace AGH.Api.Sanctions;

/// <summary>
/// An authorised official decides a proposal. An approval restricts benefits to § 1a Abs. 1 AsylbLG for six months
/// (§ 14 Abs. 1 AsylbLG) from a day not before the decision; the proposer can never decide their own proposal.
/// </summary>
[Official]
public static class DecideSanctionEndpoint
{
    public sealed record Request(
        [property: Required] bool? Approved,
        [property: Required, Description("Appears in the notice.")] string? Reasoning,
        DateOnly? StartsOn,
        [property: Description("Required when approved (400): the monthly amounts before and under the restriction.")] AmountsBody? Amounts = null,
        [property: Description("Required when approved (400): the hardship decision, § 1a Abs. 1 S. 3 AsylbLG; considered must be true.")] SpecialCircumstancesBody? SpecialCircumstances = null,
        [property: Description("Required when approved (400): the Bewilligungsbescheid the restriction changes and its revocation basis.")] ApprovalNoticeBody? ApprovalNotice = null);

    public static (DecideSanction?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
    {
        var approved = v.Required(b.Approved, "approved");
        var reasoning = v.Text(b.Reasoning, "reasoning", 8000);
        var startsOn = v.OptionalDate(b.StartsOn, "startsOn");
        if (approved && startsOn is null) v.Add("startsOn", "is required when approved is true.");
        // A rejection restricts nothing, so it needs no amounts, hardship decision or basis (they are ignored).
        var terms = approved ? RestrictionTermsBody.Parse(v, b.Amounts, b.SpecialCircumstances, b.ApprovalNotice) : null;
        return new DecideSanction(id, approved, reasoning, startsOn, actor.UserId, actor, terms);
    });

    // An approval is refused once the person worked again after the refusal.
    public static Decision Decide(DecideSanction command, [HoursAfterRefusal] ProposalStream stream, Policy policy, Clock clock) =>
        SanctionDecisions.Decide(stream.Person, command, stream.HoursAfterRefusal, policy, clock.Today);

    /// <summary>Decide a sanction proposal (Entscheidung über die Anspruchseinschränkung)</summary>
    /// <remarks>Issues the notice (Einschränkungsbescheid einschraenkungsbescheid-v2 or Mitteilung; answer noticeId); the restriction awaits its notification.
    /// An approval requires amounts, specialCircumstances (considered true) and approvalNotice (section-45 needs discretionReasoning): else 400;
    /// 422 amount-not-reduced when monthlyAfterCents is not below monthlyBeforeCents (checked after starts-on-in-past, before sanction-preconditions).
    /// 403 four-eyes for the proposer; 409 already-decided; 422 starts-on-in-past (§§ 41, 43 VwVfG: never backwards);
    /// 422 sanction-preconditions when a precondition fails on today's facts (exemption covering the refusal day, good cause,
    /// hours logged after the refusal, entitlement ended, excluded); 422 refusal-too-old (Policy:MaxDaysRefusalToDecision days);
    /// 409 restriction-in-force while another restriction of the person is in force, awaiting notification or suspended.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/decision", OperationId = "decideSanction"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
