using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;

namespace AGH.Api.Offers;

public static class ChangePlacesEndpoint
{
    public sealed record Request(int? Places);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/offers/{id:guid}/places", Handle)
            .WithTags("Offers")
            .WithSummary("Change the number of places of an offer")
            .Accepts<Request>("application/json")
            .Produces<OfferDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Coordinator, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var places = v.Range(body.Places, "places", 1, 100);
        if (v.Failed) return v.Problem();

        return await runner.Run(actor, async ws =>
        {
            var offer = await ws.LoadOffer(id);
            if (offer is null) return Outcome.Stop(Problems.NotFound("offer"));
            if (OfferAccess.Denied(actor, offer) is { } no) return Outcome.Stop(no);
            if (Preconditions.Check(http, offer.Revision) is { } stale) return Outcome.Stop(stale);
            var decision = OfferDecisions.ChangePlaces(offer, new ChangePlaces(id, places));
            return Outcome.Of(decision, () => Results.Ok(OfferDto.From(Apply(offer, decision))));
        }, http.RequestAborted);
    }

    private static Offer Apply(Offer offer, Decision d) =>
        d.Events.Aggregate(offer, (o, e) => Offer.Evolve(o, e.Event)!);
}

public static class OfferAccess
{
    /// <summary>Offers are public within the district, so a foreign offer is 403, not 404.</summary>
    public static IResult? Denied(Actor actor, Offer offer) =>
        actor.Role == Roles.Caseworker && actor.Municipality != offer.Municipality
            ? Problems.Forbidden("A caseworker changes offers of their own municipality only.")
            : null;
}
