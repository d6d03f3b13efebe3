using System.ComponentModel;

namespace AGH.Api.Sanctions;

/// <summary>
/// An official other than the approver decides the objection (§ 85 SGG): upheld (Abhilfebescheid) withdraws the period
/// from its start (period 1: the whole restriction; a continued period: that one, the restriction ends with the period
/// before); partly upheld shortens the period (Abhilfebescheid for that part, Widerspruchsbescheid for the rest);
/// dismissed leaves it in force (Widerspruchsbescheid, open to a Klage).
/// </summary>
[Official]
public static class DecideObjectionEndpoint
{
    // period: whose objection is decided; by default the pending one. upheld: v2's body, still accepted (costs none).
    public sealed record Request(
        [property: Description("v2: true upheld, false dismissed (costs none). Not together with outcome (400).")] bool? Upheld,
        [property: Required, Description("Appears in the notice.")] string? Reasoning,
        int? Period = null,
        [property: Description("upheld, partly-upheld or dismissed; requires costs.")] ObjectionOutcome? Outcome = null,
        [property: Description("Reimbursement of the person's necessary costs (§ 80 VwVfG i. V. m. § 1 NVwVfG; no fee): required with outcome. Appears in the notice.")] PlacementObjectionCosts? Costs = null,
        [property: Description("partly-upheld: the restriction period's new first day (not before its startsOn). Appears in the notice.")] DateOnly? NewStartsOn = null,
        [property: Description("partly-upheld: the restriction period's new last day (not after its endsOn). Appears in the notice.")] DateOnly? NewEndsOn = null);

    public static (DecideObjection?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
    {
        var reasoning = v.Text(b.Reasoning, "reasoning", 8000);
        var period = v.OptionalRange(b.Period, "period", 1, 1000);
        if (b.Upheld is not null && b.Outcome is not null) v.Add("outcome", "must not be sent together with upheld.");
        if (b.Upheld is null && b.Outcome is null) v.Add("outcome", "is required.");
        if (b.Outcome is not null && b.Costs is null) v.Add("costs", "is required with outcome.");
        var newStartsOn = v.OptionalDate(b.NewStartsOn, "newStartsOn");
        var newEndsOn = v.OptionalDate(b.NewEndsOn, "newEndsOn");
        if (b.Outcome == ObjectionOutcome.PartlyUpheld && newStartsOn is null && newEndsOn is null)
            v.Add("newStartsOn", "newStartsOn or newEndsOn is required when partly upheld.");
        if (b.Outcome != ObjectionOutcome.PartlyUpheld && (newStartsOn is not null || newEndsOn is not null))
            v.Add("newStartsOn", "newStartsOn and newEndsOn are taken only when partly upheld.");
        var outcome = b.Outcome ?? (b.Upheld == true ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed);
        return new DecideObjection(id, outcome == ObjectionOutcome.Upheld, reasoning, actor.UserId, period, outcome,
            b.Costs ?? PlacementObjectionCosts.None, newStartsOn, newEndsOn, actor);
    });

    public static Decision Decide(DecideObjection command, ProposalStream stream, Clock clock) =>
        SanctionDecisions.DecideObjection(stream.Person, command, clock.Today);

    /// <summary>Decide the objection (Abhilfe, teilweise Abhilfe oder Zurückweisung des Widerspruchs)</summary>
    /// <remarks>outcome upheld|partly-upheld|dismissed with costs none|full|partial (400 without costs); v2's upheld bool still accepted
    /// (costs none); upheld and outcome together: 400. Upheld: Abhilfebescheid, the period is withdrawn from its start. Partly upheld takes
    /// newStartsOn and/or newEndsOn (neither: 400; 422 not-a-reduction unless newStartsOn ≥ startsOn, newEndsOn ≤ endsOn, newStartsOn ≤ newEndsOn
    /// and the period gets shorter): the period, the restriction and the person follow it (effectiveFrom = max(effectiveFrom, newStartsOn));
    /// an Abhilfebescheid for the upheld part and a Widerspruchsbescheid for the rest. Dismissed: Widerspruchsbescheid with its Klage Belehrung
    /// (Notices:Court). The answer carries noticeIds (every notice issued) and noticeId (the Widerspruchsbescheid, or the Abhilfebescheid when upheld).
    /// Optional period (default: the pending objection): 404 period-not-found when the restriction has no such period. 403 four-eyes for the
    /// official who approved the restriction; 409 already-decided; 409 no-objection when none was filed.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/objection/decision", OperationId = "decideObjection"), Tags("Refusals and sanctions")]
    public static Ok<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Ok(stream, decision, clock.Today, policy);
}
