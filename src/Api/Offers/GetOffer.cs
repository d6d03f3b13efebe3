namespace AGH.Api.Offers;

/// <summary>One offer with its places; its revision is the ETag a change sends back as If-Match. Providers: their own offers only.</summary>
[Everyone]
public static class GetOfferEndpoint
{
    /// <summary>One offer with occupied and free places; a provider reads only its own (another's: 404)</summary>
    [WolverineGet("/api/offers/{id}", OperationId = "getOffer"), Tags("Offers")]
    [ProducesResponseType<OfferDto>(200), AnswersProblems(404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock)
    {
        var offer = await session.LoadAsync<Offer>(id, http.RequestAborted);
        // A provider reads only its own offers (contract v3c): another's answers as an unknown one.
        if (offer is null || !ProviderScope.MaySee(Access.Actor(http), offer)) return Problems.NotFound("offer").Answer();
        Preconditions.SetETag(http, offer.Revision);
        return Results.Ok(OfferDto.From(offer, clock.Today));
    }
}
