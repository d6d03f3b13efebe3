namespace AGH.Api.Payouts;

/// <summary>
/// Monthly run of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG). One standing run per month: asking again, also
/// concurrently, returns the existing run and pays nobody twice; after a rejection the month is prepared anew.
/// Not a decision on loaded streams: the preparation reads the month's ledger under its own lock.
/// </summary>
[Payroll]
public static class PreparePayoutRunEndpoint
{
    public sealed record Request([property: Required] string? Month);

    /// <summary>The parsed month, handed from validation to the handler.</summary>
    public sealed record ParsedMonth(Month Value);

    public static (ParsedMonth?, ProblemDetails) Validate(Request? body) => Parse.Body(body, (b, v) => new ParsedMonth(MonthField.Check(v, b.Month, "month")));

    /// <summary>Prepare the payout run (Auszahlungslauf) of an ended month</summary>
    [WolverinePost("/api/payout-runs", OperationId = "preparePayoutRun"), Tags("Payouts")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PayoutRunDto>(201)]
    [ProducesResponseType<PayoutRunDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static async Task<IResult> Handle(Request body, ParsedMonth month, IDocumentSession session, PayoutSettings settings, Clock clock,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await PayoutPreparation.Prepare(session, Access.Actor(http), month.Value, settings.RateTable, clock.Today, afterRejection: true, ct,
            settings.RequireConfirmation);
        if (outcome.Rejection is { } rejection) return Problems.Details(rejection).Answer();
        var dto = PayoutRunDto.From(outcome.Run!);
        return outcome.Created ? Results.Created($"/api/payout-runs/{dto.Id}", dto) : Results.Ok(dto);
    }
}
