namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a second payroll clerk releases the run for the Kreiskasse.</summary>
[Payroll]
public static class ReleasePayoutRunEndpoint
{
    public static Decision Decide(PayoutRun run, Actor actor) => PayoutDecisions.Release(run, actor.UserId);

    /// <summary>Release a prepared run (Freigabe, Vier-Augen-Prinzip)</summary>
    [WolverinePost("/api/payout-runs/{id}/release", OperationId = "releasePayoutRun"), Tags("Payouts")]
    public static Ok<PayoutRunDto> Handle([NotBody] PayoutRun run, [NotBody] Decision decision) => PayoutRunCommand.Ok(run, decision);
}
