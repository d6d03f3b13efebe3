using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;

namespace AGH.Api.Payouts;

/// <summary>
/// Monthly run of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG). One run per month: asking again, also concurrently,
/// returns the existing run and pays nobody twice.
/// </summary>
public static class PreparePayoutRunEndpoint
{
    public sealed record Request(string? Month);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payout-runs", Handle)
            .WithTags("Payouts")
            .WithSummary("Prepare the payout run (Auszahlungslauf) of an ended month")
            .Accepts<Request>("application/json")
            .Produces<PayoutRunDto>(201)
            .Produces<PayoutRunDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(422);

    public static async Task<IResult> Handle(HttpContext http, PayoutPreparer preparer)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Payroll);
        if (refused is not null) return refused;
        if (!Month.TryParse(body.Month, out var month))
            return new Checks().Add("month", "must be a month written YYYY-MM.").Problem();
        return await preparer.Prepare(actor, month, http.RequestAborted);
    }
}

/// <summary>Shared by the route and the monthly schedule.</summary>
public sealed class PayoutPreparer(CommandRunner runner, PayoutSettings settings, IQuerySession query)
{
    public async Task<IResult> Prepare(Actor actor, Month month, CancellationToken ct)
    {
        var runId = PayoutRun.IdFor(month);
        return await runner.Run(actor, async ws =>
        {
            if (await ws.LoadRun(runId) is { } existing)
                return Outcome.Stop(Results.Ok(PayoutRunDto.From(existing)));
            var persons = await ws.LoadPersonsWithPlacements(ct);
            var earlier = await ws.LoadRuns(ct);
            var decision = PayoutDecisions.Prepare(month, persons, earlier, settings.RateTable, actor.UserId, runner.Clock.Today);
            return Outcome.Of(decision, () =>
                Results.Created($"/api/payout-runs/{runId}", PayoutRunDto.From(PayoutRun.Evolve(null, decision.Events[0].Event)!)));
        }, ct);
    }

    public async Task<bool> Exists(Month month, CancellationToken ct) =>
        await query.LoadAsync<PayoutRun>(PayoutRun.IdFor(month), ct) is not null;
}
