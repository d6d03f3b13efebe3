namespace AGH.Api.Payouts;

/// <summary>
/// Payroll sends a run back before its release: its lines count as unpaid again, and the month can be prepared anew
/// (a new run with a new id), or its hours are paid as arrears by the next month's run, whichever comes first.
/// </summary>
[Payroll]
public static class RejectPayoutRunEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static ProblemDetails Validate(Request? body) => Parse.Check(body, (b, v) => v.Text(b.Reason, "reason", 1000));

    public static Decision Decide(Request body, PayoutRun run, Actor actor) => PayoutDecisions.Reject(run, actor.UserId, body.Reason!.Trim());

    /// <summary>Reject a run before its release (Zurückweisung); its lines count as unpaid again</summary>
    [WolverinePost("/api/payout-runs/{id}/reject", OperationId = "rejectPayoutRun"), Tags("Payouts")]
    public static Ok<PayoutRunDto> Handle(Request body, PayoutRun run, Decision decision) => PayoutRunCommand.Ok(run, decision);
}
