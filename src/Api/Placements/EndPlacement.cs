using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>A placement ends as soon as regular employment is possible, or for another documented reason; the place is freed at once.</summary>
public static class EndPlacementEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] EndReason? Reason, string? Note);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (EndPlacement?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new EndPlacement(id, v.Date(body!.Date, "date"), v.Required(body.Reason, "reason"), v.OptionalText(body.Note, "note", 2000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PlacementStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct, writesOffer: true);

    public static ProblemDetails Validate(EndPlacement command, HttpContext http, PlacementStream? stream, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PlacementDecisions.End(stream.Person, stream.Placement, command, clock.Today));
    }

    [WolverinePost("/api/placements/{id}/end", OperationId = "endPlacement"), Tags("Placements"), EndpointSummary("End a placement (e.g. on regular employment); the place becomes free at once")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PlacementDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, EndPlacement command, PlacementStream stream, IDocumentSession session, Clock clock, Policy policy)
    {
        var decision = PlacementDecisions.End(stream.Person, stream.Placement, command, clock.Today);
        // The offer's stream is not fetched: its PlaceReleased is appended as it comes.
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return PlacementResults.Ok(stream.Person, decision, command.PlacementId, clock.Today, policy);
    }
}
