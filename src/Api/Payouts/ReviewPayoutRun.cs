using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Payouts;

/// <summary>Vier-Augen-Prinzip: a payroll clerk checks the run before another releases it (required for scheduled runs).</summary>
public static class ReviewPayoutRunEndpoint
{
    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Payroll);

    public static Task<PayoutRun?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => PayoutRunCommand.Load(id, session, ct);

    public static ProblemDetails Validate(PayoutRun? run, HttpContext http) => PayoutRunCommand.Check(run, r => Decide(r, http));

    [WolverinePost("/api/payout-runs/{id}/review", OperationId = "reviewPayoutRun"), Tags("Payouts")]
    [EndpointSummary("Review a prepared run (Prüfung, Vier-Augen-Prinzip); a scheduled run needs it before its release")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PayoutRunDto>(200)]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static IResult Handle([NotBody] PayoutRun run, IDocumentSession session, HttpContext http) => PayoutRunCommand.Apply(session, run, Decide(run, http));

    private static Decision Decide(PayoutRun run, HttpContext http) => PayoutDecisions.Review(run, Steps.Actor(http).UserId);
}
