using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;

namespace AGH.Api.Payouts;

/// <summary>
/// Monthly run of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG). One standing run per month: asking again, also
/// concurrently, returns the existing run and pays nobody twice; after a rejection the month is prepared anew.
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
    /// <summary>
    /// Returns the month's standing run (200), or prepares one (201). After a rejection a person may prepare the month
    /// anew; the schedule (<paramref name="afterRejection"/> false) leaves a rejected month to payroll and answers 200
    /// with the rejected run.
    /// </summary>
    public async Task<IResult> Prepare(Actor actor, Month month, CancellationToken ct, bool afterRejection = true)
    {
        return await runner.Run(actor, async ws =>
        {
            // Reads the ledger's version first: any run appended after this read makes our append fail and retry.
            await ws.LoadRun(PayoutRun.IdFor(month));
            var earlier = await ws.LoadRuns(ct);
            if (PayoutDecisions.Current(month, earlier) is { } existing)
                return Outcome.Stop(Results.Ok(PayoutRunDto.From(existing)));
            if (!afterRejection && earlier.LastOrDefault(r => r.Month == month.ToString()) is { } rejected)
                return Outcome.Stop(Results.Ok(PayoutRunDto.From(rejected)));
            var persons = await ws.LoadPersonsWithPlacements(ct);
            var decision = PayoutDecisions.Prepare(month, persons, earlier, settings.RateTable, actor.UserId, runner.Clock.Today);
            return Outcome.Of(decision, () =>
            {
                var run = PayoutRun.Evolve(null, decision.Events[0].Event)!;
                return Results.Created($"/api/payout-runs/{run.Id}", PayoutRunDto.From(run));
            });
        }, ct);
    }

    /// <summary>Whether any run of the month exists, rejected or not: the schedule prepares a month once.</summary>
    public async Task<bool> Exists(Month month, CancellationToken ct)
    {
        var text = month.ToString();
        return await query.Query<PayoutRun>().AnyAsync(r => r.Month == text, ct);
    }
}
