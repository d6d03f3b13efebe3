namespace AGH.Api.Offers;

/// <summary>The coordinator names the organisation running the offer; its provider then sees it and its placements.</summary>
[Coordinator]
public static class ChangeProviderEndpoint
{
    public sealed record Request(
        [property: Required, System.ComponentModel.Description("The provider's organisation id, ^[a-z0-9][a-z0-9-]{1,62}$ (not checked against a list).")]
        string? ProviderId);

    public static ProblemDetails Validate(Request? body) => Parse.Check(body, (b, v) =>
    {
        if (b.ProviderId is null) v.Add("providerId", "is required.");
        else OfferChecks.ProviderId(v, b.ProviderId);
    });

    public static Decision Decide(Request body, IEventStream<Offer> stream) =>
        OfferDecisions.ChangeProvider(stream.Aggregate!, new ChangeProvider(stream.Id, body.ProviderId!));

    /// <summary>Name or change the offer's provider (coordinator; contract v3c)</summary>
    [WolverinePost("/api/offers/{id}/provider", OperationId = "changeOfferProvider"), Tags("Offers")]
    public static Ok<OfferDto> Handle(Request body, IEventStream<Offer> stream, Decision decision, Clock clock) => TypedResults.Ok(OfferDto.After(stream.Aggregate!, decision, clock.Today));
}
