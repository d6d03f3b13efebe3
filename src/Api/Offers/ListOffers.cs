using AGH.Api.Municipalities;

namespace AGH.Api.Offers;

/// <summary>Offers are public within the district: every role lists them, by municipality and provider type; a provider only its own (v3c).</summary>
[Everyone]
public static class ListOffersEndpoint
{
    /// <summary>List offers, optionally by municipality and provider type; a provider lists only its own; paged, total in X-Total-Count</summary>
    [WolverineGet("/api/offers", OperationId = "listOffers"), Tags("Offers")]
    [ProducesResponseType<IReadOnlyList<OfferDto>>(200), AnswersProblems]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, Clock clock, string? municipality, string? providerType,
        string? page, string? pageSize)
    {
        var checks = new Checks();
        if (municipality is not null && !MunicipalityCatalog.Exists(municipality))
            checks.Add("municipality", "is not one of the 21 member municipalities.");
        var type = Enum.GetValues<ProviderType>().Select(t => (ProviderType?)t).FirstOrDefault(t => Json.EnumValue(t!.Value) == providerType);
        if (providerType is not null && type is null) checks.Add("providerType", "must be municipality, district or nonprofit.");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var query = session.Query<Offer>().AsQueryable();
        if (municipality is not null) query = query.Where(o => o.Municipality == municipality);
        if (type is not null) query = query.Where(o => o.ProviderType == type);
        if (Access.Actor(http) is { Role: Roles.Provider, Provider: var own }) query = query.Where(o => o.ProviderId == own);
        var offers = await paging.Fetch(http, query, x => x.OrderBy(o => o.Municipality).ThenBy(o => o.Title).ThenBy(o => o.Id));
        return Results.Ok(offers.Select(o => OfferDto.From(o, clock.Today)));
    }
}
