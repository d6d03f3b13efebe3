using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>
/// The authority decides the Widerspruch against the Heranziehungsbescheid: upheld (Abhilfebescheid, § 85 Abs. 1 SGG)
/// ends the placement that day and withdraws restrictions resting on its refusals; dismissed (Widerspruchsbescheid,
/// § 85 Abs. 2 SGG) keeps the duty suspended through the Klage deadline (§ 87 SGG) or a recorded Klage.
/// </summary>
[Official]
public static class DecidePlacementObjectionEndpoint
{
    public sealed record Request(
        [property: Required] PlacementObjectionOutcome? Outcome,
        [property: Required, Description("Appears in the notice. Trimmed, at least 20 characters.")] string? Reasoning,
        [property: Description("Reimbursement of the person's necessary costs (§ 80 VwVfG i. V. m. § 1 NVwVfG); default none.")] PlacementObjectionCosts? Costs);

    public static (DecidePlacementObjection?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new DecidePlacementObjection(id, v.Required(b.Outcome, "outcome"), WrittenReasons.Parse(v, b.Reasoning, "reasoning"),
            b.Costs ?? PlacementObjectionCosts.None, actor));

    // Upholding frees the place.
    public static Decision Decide(DecidePlacementObjection command, [FreesPlace] PlacementStream stream, Clock clock) =>
        PlacementObjectionDecisions.Decide(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Decide the objection against the Heranziehungsbescheid (Abhilfebescheid or Widerspruchsbescheid)</summary>
    /// <remarks>Upheld: an abhilfebescheid notice; the placement ends today with reason objection-upheld and no refusal of it can
    /// be sanctioned. Dismissed: a widerspruchsbescheid notice (remedy klage). 409 no-pending-objection; 409 already-decided.</remarks>
    [WolverinePost("/api/placements/{id}/objection/decision", OperationId = "decidePlacementObjection"), Tags("Placements")]
    public static Ok<PlacementObjectionNoticeAnswer> Handle(Request body, PlacementStream stream, Decision decision, Policy policy) => PlacementObjectionResults.OkWithNotice(stream, decision, policy);
}
