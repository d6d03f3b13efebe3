namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a payroll clerk checks the run before another releases it (required for scheduled runs).</summary>
[Payroll]
public static class ReviewPayoutRunEndpoint
{
    public static Decision Decide(PayoutRun run, Actor actor) => PayoutDecisions.Review(run, actor.UserId);

    /// <summary>Review a prepared run (Prüfung, Vier-Augen-Prinzip); a scheduled run needs it before its release</summary>
    [WolverinePost("/api/payout-runs/{id}/review", OperationId = "reviewPayoutRun"), Tags("Payouts")]
    public static Ok<PayoutRunDto> Handle([NotBody] PayoutRun run, [NotBody] Decision decision) => PayoutRunCommand.Ok(run, decision);
}
