namespace AGH.Api.Offers;

/// <summary>More or fewer places for an offer; never below the places taken.</summary>
[CoordinatorOrCaseworker]
public static class ChangePlacesEndpoint
{
    public sealed record Request([property: Required] int? Places);

    public static ProblemDetails Validate(Request? body) => Parse.Check(body, (b, v) => v.Range(b.Places, "places", 1, 100));

    public static Decision Decide(Request body, IEventStream<Offer> stream) =>
        OfferDecisions.ChangePlaces(stream.Aggregate!, new ChangePlaces(stream.Id, body.Places!.Value));

    /// <summary>Change the number of places of an offer</summary>
    [WolverinePost("/api/offers/{id}/places", OperationId = "changeOfferPlaces"), Tags("Offers")]
    public static Ok<OfferDto> Handle(Request body, IEventStream<Offer> stream, Decision decision, Clock clock) => TypedResults.Ok(OfferDto.After(stream.Aggregate!, decision, clock.Today));
}
