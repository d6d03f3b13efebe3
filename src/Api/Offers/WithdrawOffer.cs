using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Offers;

/// <summary>An offer is withdrawn; refused while any placement in it is active.</summary>
public static class WithdrawOfferEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Coordinator, Roles.Caseworker);

    public static (WithdrawOffer?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new WithdrawOffer(id, v.Date(body!.Date, "date"), v.Text(body.Reason, "reason", 1000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<IEventStream<Offer>?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => Streams.Offer(session, id, ct);

    public static ProblemDetails Validate(WithdrawOffer command, HttpContext http, IEventStream<Offer>? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("offer");
        if (OfferAccess.Denied(Steps.Actor(http), stream.Aggregate!) is { } no) return no;
        if (Steps.IfMatch(http, stream.Aggregate!.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(OfferDecisions.Withdraw(stream.Aggregate, command));
    }

    [WolverinePost("/api/offers/{id}/withdrawal", OperationId = "withdrawOffer"), Tags("Offers"), EndpointSummary("Withdraw an offer; refused while any placement in it is active")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<OfferDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public static IResult Handle(Request body, WithdrawOffer command, IEventStream<Offer> stream, IDocumentSession session)
    {
        var offer = stream.Aggregate!;
        Streams.Append(session, OfferDecisions.Withdraw(offer, command), Streams.Of(stream));
        return Results.Ok(OfferDto.From(offer with { Status = OfferStatus.Withdrawn }));
    }
}
