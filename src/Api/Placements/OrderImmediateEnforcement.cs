using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>
/// Anordnung der sofortigen Vollziehung (§ 86a Abs. 2 Nr. 5 SGG), with written reasons: the duty applies again from
/// the notification of its notice, while the objection or the Klage after it runs.
/// </summary>
[Official]
public static class OrderImmediateEnforcementEndpoint
{
    public sealed record Request([property: Required, Description("Appears in the notice. Trimmed, at least 20 characters.")] string? Reasoning);

    public static (OrderImmediateEnforcement?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new OrderImmediateEnforcement(id, WrittenReasons.Parse(v, b.Reasoning, "reasoning"), actor));

    public static Decision Decide(OrderImmediateEnforcement command, PlacementStream stream, Policy policy, Clock clock) =>
        PlacementObjectionDecisions.OrderEnforcement(stream.Person, stream.Placement, command, policy, clock.Today);

    /// <summary>Order immediate enforcement of the Heranziehungsbescheid (Anordnung der sofortigen Vollziehung)</summary>
    /// <remarks>Issues an anordnung-sofortige-vollziehung notice (noticeId); the duty applies again from its notifiedOn.
    /// 409 no-pending-objection without a pending objection or Klage; 409 already-enforced.</remarks>
    [WolverinePost("/api/placements/{id}/immediate-enforcement", OperationId = "orderImmediateEnforcement"), Tags("Placements")]
    public static Created<PlacementObjectionNoticeAnswer> Handle(Request body, PlacementStream stream, Decision decision, Policy policy) => PlacementObjectionResults.CreatedNotice(stream, decision, policy);
}
