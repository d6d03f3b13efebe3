using AGH.Api.Municipalities;
using AGH.Domain.Offers;
using Marten;

namespace AGH.Api.Offers;

public static class OfferQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/offers", List)
            .WithName("listOffers")
            .WithTags("Offers")
            .WithSummary("List offers, optionally by municipality and provider type; paged, total in X-Total-Count")
            .Produces<IReadOnlyList<OfferDto>>();
        api.MapGet("/offers/{id:guid}", Get)
            .WithName("getOffer")
            .WithTags("Offers")
            .WithSummary("One offer with occupied and free places")
            .Produces<OfferDto>()
            .ProducesProblem(404);
    }

    public static async Task<IResult> List(HttpContext http, IQuerySession session, string? municipality, string? providerType,
        string? page, string? pageSize)
    {
        if (Access.Require(http, Caller.Everyone) is { Problem: { } p }) return p.Answer();
        var checks = new Checks();
        if (municipality is not null && !MunicipalityCatalog.Exists(municipality))
            checks.Add("municipality", "is not one of the 21 member municipalities.");
        ProviderType? type = null;
        if (providerType is not null)
        {
            if (!Enum.GetValues<ProviderType>().Any(t => Json.EnumValue(t) == providerType))
                checks.Add("providerType", "must be municipality, district or nonprofit.");
            else type = Enum.GetValues<ProviderType>().First(t => Json.EnumValue(t) == providerType);
        }
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var query = session.Query<Offer>().AsQueryable();
        if (municipality is not null) query = query.Where(o => o.Municipality == municipality);
        if (type is not null) query = query.Where(o => o.ProviderType == type);
        var offers = await paging.Fetch(http, query, x => x.OrderBy(o => o.Municipality).ThenBy(o => o.Title).ThenBy(o => o.Id));
        return Results.Ok(offers.Select(OfferDto.From));
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        if (Access.Require(http, Caller.Everyone) is { Problem: { } p }) return p.Answer();
        var offer = await session.LoadAsync<Offer>(id, http.RequestAborted);
        if (offer is null) return Problems.NotFound("offer").Answer();
        Preconditions.SetETag(http, offer.Revision);
        return Results.Ok(OfferDto.From(offer));
    }
}
