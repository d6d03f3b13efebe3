using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Payouts;

/// <summary>
/// Monthly run of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG). One standing run per month: asking again, also
/// concurrently, returns the existing run and pays nobody twice; after a rejection the month is prepared anew.
/// </summary>
public static class PreparePayoutRunEndpoint
{
    public sealed record Request([property: Required] string? Month);

    /// <summary>The parsed month, handed from validation to the handler.</summary>
    public sealed record ParsedMonth(Month Value);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Payroll);

    public static (ParsedMonth?, ProblemDetails) Validate(Request? body)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        return Month.TryParse(body!.Month, out var month)
            ? (new ParsedMonth(month), Steps.Continue)
            : (null, new Checks().Add("month", "must be a month written YYYY-MM.").Details());
    }

    [WolverinePost("/api/payout-runs", OperationId = "preparePayoutRun"), Tags("Payouts"), EndpointSummary("Prepare the payout run (Auszahlungslauf) of an ended month")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PayoutRunDto>(201)]
    [ProducesResponseType<PayoutRunDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Handle(Request body, ParsedMonth month, IDocumentSession session, PayoutSettings settings, Clock clock,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await PayoutPreparation.Prepare(session, Steps.Actor(http), month.Value, settings.RateTable, clock.Today, afterRejection: true, ct);
        if (outcome.Rejection is { } rejection) return Results.Problem(Problems.Details(rejection));
        var dto = PayoutRunDto.From(outcome.Run!);
        return outcome.Created ? Results.Created($"/api/payout-runs/{dto.Id}", dto) : Results.Ok(dto);
    }
}
