using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Api.Payouts;

/// <summary>The steps a command on one run shares (review, release, reject): the run under the ledger's lock, then the decision.</summary>
public static class PayoutRunCommand
{
    public static async Task<PayoutRun?> Load(Guid id, IDocumentSession session, CancellationToken ct)
    {
        if (id == Guid.Empty) return null;
        await PayoutPreparation.LockLedger(session, ct);
        return await session.LoadAsync<PayoutRun>(id, ct);
    }

    public static ProblemDetails Check(PayoutRun? run, Func<PayoutRun, Decision> decide) =>
        run is null ? Problems.NotFoundDetails("payout run") : Steps.Check(decide(run));

    /// <summary>Appends the decision to the ledger and answers with the run as it is afterwards.</summary>
    public static IResult Apply(IDocumentSession session, PayoutRun run, Decision decision)
    {
        PayoutPreparation.AppendToLedger(session, decision);
        return Results.Ok(PayoutRunDto.From(decision.Events.Aggregate(run, (r, e) => PayoutRun.Evolve(r, e.Event)!)));
    }
}
