using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Payouts;

/// <summary>
/// Payroll sends a run back before its release: its lines count as unpaid again, and the month can be prepared anew
/// (a new run with a new id), or its hours are paid as arrears by the next month's run, whichever comes first.
/// </summary>
public static class RejectPayoutRunEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Payroll);

    public static ProblemDetails Validate(Request? body)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return missing;
        var v = new Checks();
        v.Text(body!.Reason, "reason", 1000);
        return v.Details();
    }

    public static Task<PayoutRun?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => PayoutRunCommand.Load(id, session, ct);

    public static ProblemDetails Validate(Request body, PayoutRun? run, HttpContext http) => PayoutRunCommand.Check(run, r => Decide(body, r, http));

    [WolverinePost("/api/payout-runs/{id}/reject", OperationId = "rejectPayoutRun"), Tags("Payouts"), EndpointSummary("Reject a run before its release (Zurückweisung); its lines count as unpaid again")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PayoutRunDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static IResult Handle(Request body, PayoutRun run, IDocumentSession session, HttpContext http) =>
        PayoutRunCommand.Apply(session, run, Decide(body, run, http));

    private static Decision Decide(Request body, PayoutRun run, HttpContext http) =>
        PayoutDecisions.Reject(run, Steps.Actor(http).UserId, body.Reason!.Trim());
}
