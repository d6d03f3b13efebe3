using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;

namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a payroll clerk who neither prepared nor reviewed the run releases it for the Kreiskasse.</summary>
public static class ReleasePayoutRunEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payout-runs/{id:guid}/release", Handle)
            .WithTags("Payouts")
            .WithSummary("Release a prepared run (Freigabe, Vier-Augen-Prinzip)")
            .Produces<PayoutRunDto>(200)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, denied) = Caller.Require(http, Roles.Payroll);
        if (denied is not null) return denied;
        return await PayoutRunCommand.Run(runner, actor!, id, http, run => PayoutDecisions.Release(run, actor!.UserId));
    }
}
