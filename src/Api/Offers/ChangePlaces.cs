using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Offers;

/// <summary>More or fewer places for an offer; never below the places taken.</summary>
public static class ChangePlacesEndpoint
{
    public sealed record Request([property: Required] int? Places);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Coordinator, Roles.Caseworker);

    public static ProblemDetails Validate(Request? body)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return missing;
        var v = new Checks();
        v.Range(body!.Places, "places", 1, 100);
        return v.Details();
    }

    public static Task<IEventStream<Offer>?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => Streams.Offer(session, id, ct);

    public static ProblemDetails Validate(Request body, HttpContext http, IEventStream<Offer>? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("offer");
        if (OfferAccess.Denied(Steps.Actor(http), stream.Aggregate!) is { } no) return no;
        if (Steps.IfMatch(http, stream.Aggregate!.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(Decide(body, stream.Aggregate));
    }

    [WolverinePost("/api/offers/{id}/places", OperationId = "changeOfferPlaces"), Tags("Offers"), EndpointSummary("Change the number of places of an offer")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<OfferDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    public static IResult Handle(Request body, IEventStream<Offer> stream, IDocumentSession session)
    {
        var decision = Decide(body, stream.Aggregate!);
        Streams.Append(session, decision, Streams.Of(stream));
        return Results.Ok(OfferDto.From(decision.Events.Aggregate(stream.Aggregate!, (o, e) => Offer.Evolve(o, e.Event)!)));
    }

    private static Decision Decide(Request body, Offer offer) => OfferDecisions.ChangePlaces(offer, new ChangePlaces(offer.Id, body.Places!.Value));
}

public static class OfferAccess
{
    /// <summary>Offers are public within the district, so a foreign offer is 403, not 404.</summary>
    public static ProblemDetails? Denied(Actor actor, Offer offer) =>
        actor.Role == Roles.Caseworker && actor.Municipality != offer.Municipality
            ? Problems.Details(403, "forbidden", "Forbidden", "A caseworker changes offers of their own municipality only.")
            : null;
}
