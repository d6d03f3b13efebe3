using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>An explicit refusal, a no-show or dropping out, with the reason the person gave.</summary>
public static class RecordRefusalEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] RefusalKind? Kind, string? StatedReason);

    public sealed record Created(Guid RefusalId);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (RecordRefusal?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new RecordRefusal(id, Guid.CreateVersion7(), v.Date(body!.Date, "date"), v.Required(body.Kind, "kind"),
            v.Text(body.StatedReason, "statedReason", 4000, required: false));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PlacementStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct);

    public static ProblemDetails Validate(RecordRefusal command, HttpContext http, PlacementStream? stream, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PlacementDecisions.RecordRefusal(stream.Person, stream.Placement, command, clock.Today));
    }

    [WolverinePost("/api/placements/{id}/refusals", OperationId = "recordRefusal"), Tags("Refusals and sanctions"), EndpointSummary("Record a refusal (Ablehnung, Nichterscheinen, Abbruch) with the reason given")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<Created>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, RecordRefusal command, PlacementStream stream, IDocumentSession session, Clock clock)
    {
        Streams.Append(session, PlacementDecisions.RecordRefusal(stream.Person, stream.Placement, command, clock.Today), Streams.Of(stream.Stream));
        return Results.Created($"/api/placements/{command.PlacementId}", new Created(command.RefusalId));
    }
}
