using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a second payroll clerk releases the run for the Kreiskasse.</summary>
public static class ReleasePayoutRunEndpoint
{
    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Payroll);

    public static Task<PayoutRun?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => PayoutRunCommand.Load(id, session, ct);

    public static ProblemDetails Validate(PayoutRun? run, HttpContext http) => PayoutRunCommand.Check(run, r => Decide(r, http));

    [WolverinePost("/api/payout-runs/{id}/release", OperationId = "releasePayoutRun"), Tags("Payouts"), EndpointSummary("Release a prepared run (Freigabe, Vier-Augen-Prinzip)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PayoutRunDto>(200)]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static IResult Handle([NotBody] PayoutRun run, IDocumentSession session, HttpContext http) => PayoutRunCommand.Apply(session, run, Decide(run, http));

    private static Decision Decide(PayoutRun run, HttpContext http) => PayoutDecisions.Release(run, Steps.Actor(http).UserId);
}
