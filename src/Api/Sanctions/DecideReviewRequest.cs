namespace AGH.Api.Sanctions;

/// <summary>
/// The § 44 SGB X review decided by another official than the one who approved the restriction: withdrawn
/// (Aufhebungsbescheid; back payment for at most one year, § 9 Abs. 4 S. 2 AsylbLG) or refused (Ablehnung).
/// </summary>
[Official]
public static class DecideReviewRequestEndpoint
{
    public sealed record Request([property: Required] ReviewRequestOutcome? Outcome, [property: Required] string? Reasoning);

    public static (DecideReviewRequest?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new DecideReviewRequest(id, v.Required(b.Outcome, "outcome"), v.Text(b.Reasoning, "reasoning", 8000), actor));

    public static Decision Decide(DecideReviewRequest command, ProposalStream stream, Clock clock) => ReviewRequests.Decide(stream.Person, command, clock.Today);

    /// <summary>Decide the application for review (§ 44 SGB X i. V. m. § 9 Abs. 4 AsylbLG)</summary>
    /// <remarks>Issues an Aufhebungsbescheid (withdrawn: status withdrawn, backPaymentDue, backPaymentFrom = the later of effectiveFrom
    /// and 1 January of the year before the request) or an Ablehnung (refused); the answer carries noticeId.
    /// 403 four-eyes for the official who approved the restriction; 409 no-pending-review-request.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/review-request/decision", OperationId = "decideReviewRequest"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
