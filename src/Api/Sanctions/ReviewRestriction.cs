using System.ComponentModel;

namespace AGH.Api.Sanctions;

/// <summary>
/// § 14 Abs. 2 AsylbLG: before six months have passed the official reviews the restriction: it continues for six more
/// months only after a new hearing and while the breach persists, otherwise it ends as planned.
/// </summary>
[Official]
public static class ReviewRestrictionEndpoint
{
    public sealed record Request(
        [property: Required] bool? ContinueRestriction,
        [property: Required, Description("Appears in the notice (Fortsetzungsbescheid) when continued.")] string? Reasoning,
        DateOnly? HearingHeldOn,
        [property: Description("Required to continue (400): the monthly amounts before and under the restriction.")] AmountsBody? Amounts = null,
        [property: Description("Required to continue (400): the hardship decision, § 1a Abs. 1 S. 3 AsylbLG; considered must be true.")] SpecialCircumstancesBody? SpecialCircumstances = null,
        [property: Description("Required to continue (400): the Bewilligungsbescheid the continuation changes and its revocation basis.")] ApprovalNoticeBody? ApprovalNotice = null);

    public static (ReviewRestriction?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
    {
        var continued = v.Required(b.ContinueRestriction, "continueRestriction");
        var reasoning = v.Text(b.Reasoning, "reasoning", 8000);
        var hearing = v.OptionalDate(b.HearingHeldOn, "hearingHeldOn");
        // The Fortsetzungsbescheid carries the content of an Einschränkungsbescheid (contract v3, legal corrections).
        var terms = continued ? RestrictionTermsBody.Parse(v, b.Amounts, b.SpecialCircumstances, b.ApprovalNotice) : null;
        return new ReviewRestriction(id, continued, reasoning, hearing, actor, terms);
    });

    // The breach persists only while the person does not work.
    public static Decision Decide(ReviewRestriction command, [HoursAfterRefusal] ProposalStream stream, Policy policy, Clock clock) =>
        SanctionDecisions.Review(stream.Person, command, stream.HoursAfterRefusal, policy, clock.Today);

    /// <summary>Review a restriction after six months (Überprüfung nach § 14 Abs. 2 AsylbLG)</summary>
    /// <remarks>continueRestriction true continues it for six months: only within the last Policy:ContinuationWindowDays (45) days
    /// before endsOn (422 review-too-early), with hearingHeldOn inside that window (422 hearing-required) and a persisting breach
    /// (422 breach-ended). It issues a Fortsetzungsbescheid (answer noticeId); the new period awaits its notification and starts on
    /// the later of the day after endsOn and notifiedOn.
    /// Continuing requires amounts, specialCircumstances and approvalNotice as an approval does (400; 422 amount-not-reduced after date-in-future);
    /// the Fortsetzungsbescheid (fortsetzungsbescheid-v2) prints them.
    /// 409 already-reviewed for the same period; 409 restriction-not-in-force.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/review", OperationId = "reviewRestriction"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
