using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;

namespace AGH.Api.Payouts;

/// <summary>
/// Payroll sends a run back before its release: its lines count as unpaid again, and the month can be prepared anew
/// (a new run with a new id), or its hours are paid as arrears by the next month's run, whichever comes first.
/// </summary>
public static class RejectPayoutRunEndpoint
{
    public sealed record Request(string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/payout-runs/{id:guid}/reject", Handle)
            .WithTags("Payouts")
            .WithSummary("Reject a run before its release (Zurückweisung); its lines count as unpaid again")
            .Accepts<Request>("application/json")
            .Produces<PayoutRunDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Payroll);
        if (refused is not null) return refused;
        var v = new Checks();
        var reason = v.Text(body.Reason, "reason", 1000);
        if (v.Failed) return v.Problem();
        return await PayoutRunCommand.Run(runner, actor, id, http, run => PayoutDecisions.Reject(run, actor.UserId, reason));
    }
}
