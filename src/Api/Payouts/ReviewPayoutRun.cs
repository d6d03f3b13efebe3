using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;

namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a payroll clerk checks the run before another releases it (required for scheduled runs).</summary>
public static class ReviewPayoutRunEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payout-runs/{id:guid}/review", Handle)
            .WithTags("Payouts")
            .WithSummary("Review a prepared run (Prüfung, Vier-Augen-Prinzip); a scheduled run needs it before its release")
            .Produces<PayoutRunDto>(200)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, denied) = Caller.Require(http, Roles.Payroll);
        if (denied is not null) return denied;
        return await PayoutRunCommand.Run(runner, actor!, id, http, run => PayoutDecisions.Review(run, actor!.UserId));
    }
}

/// <summary>Loads a run with the ledger's version, decides, and answers with the run as it is afterwards.</summary>
public static class PayoutRunCommand
{
    public static Task<IResult> Run(CommandRunner runner, Actor actor, Guid id, HttpContext http, Func<PayoutRun, Decision> decide) =>
        runner.Run(actor, async ws =>
        {
            var run = await ws.LoadRun(id);
            if (run is null) return Outcome.Stop(Problems.NotFound("payout run"));
            var decision = decide(run);
            return Outcome.Of(decision, () => Results.Ok(PayoutRunDto.From(decision.Events.Aggregate(run, (r, e) => PayoutRun.Evolve(r, e.Event)!))));
        }, http.RequestAborted);
}
