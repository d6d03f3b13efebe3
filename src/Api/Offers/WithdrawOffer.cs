using AGH.Domain.Offers;
using JasperFx.Events;

namespace AGH.Api.Offers;

/// <summary>An offer is withdrawn; refused while any placement in it is active.</summary>
[CoordinatorOrCaseworker]
public static class WithdrawOfferEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] string? Reason);

    public static (WithdrawOffer?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new WithdrawOffer(id, v.Date(b.Date, "date"), v.Text(b.Reason, "reason", 1000)));

    public static Decision Decide(WithdrawOffer command, IEventStream<Offer> stream) => OfferDecisions.Withdraw(stream.Aggregate!, command);

    [WolverinePost("/api/offers/{id}/withdrawal", OperationId = "withdrawOffer"), Tags("Offers"), EndpointSummary("Withdraw an offer; refused while any placement in it is active")]
    [ProducesResponseType<OfferDto>(200)]
    public static IResult Handle(Request body, IEventStream<Offer> stream, Decision decision) => Results.Ok(OfferDto.After(stream.Aggregate!, decision));
}
