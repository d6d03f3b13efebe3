namespace AGH.Api.Payouts;

/// <summary>What a command on one run shares (review, release, reject): the run under the ledger's lock, and the answer.</summary>
public static class PayoutRunCommand
{
    public static async Task<PayoutRun?> Load(Guid id, IDocumentSession session, CancellationToken ct)
    {
        if (id == Guid.Empty) return null;
        await PayoutPreparation.LockLedger(session, ct);
        return await session.LoadAsync<PayoutRun>(id, ct);
    }

    /// <summary>The run as it is after the decision.</summary>
    public static Ok<PayoutRunDto> Ok(PayoutRun run, Decision decision) =>
        TypedResults.Ok(PayoutRunDto.From(decision.Events.Aggregate(run, (r, e) => PayoutRun.Evolve(r, e.Event)!)));
}
