namespace AGH.Api.Offers;

/// <summary>An offer is withdrawn; refused while any placement in it is active.</summary>
[CoordinatorOrCaseworker]
public static class WithdrawOfferEndpoint
{
    public static (WithdrawOffer?, ProblemDetails) Validate(DatedReasonRequest? body, Guid id) =>
        DatedReasonRequest.Parse(body, (date, reason) => new WithdrawOffer(id, date, reason));

    public static Decision Decide(WithdrawOffer command, IEventStream<Offer> stream) => OfferDecisions.Withdraw(stream.Aggregate!, command);

    /// <summary>Withdraw an offer; refused while any placement in it is active</summary>
    [WolverinePost("/api/offers/{id}/withdrawal", OperationId = "withdrawOffer"), Tags("Offers")]
    public static Ok<OfferDto> Handle(DatedReasonRequest body, IEventStream<Offer> stream, Decision decision, Clock clock) => TypedResults.Ok(OfferDto.After(stream.Aggregate!, decision, clock.Today));
}
