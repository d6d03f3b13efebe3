using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>Corrections are new entries, never edits: the original stays in the history (0 cancels it).</summary>
public static class CorrectHoursEndpoint
{
    public sealed record Request([property: Required] int? Minutes, [property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (CorrectHours?, ProblemDetails) Validate(Request? body, Guid id, Guid entryId)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new CorrectHours(id, entryId, Guid.CreateVersion7(), Minutes.Check(v, body!.Minutes, allowZero: true),
            v.Text(body.Reason, "reason", 1000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<HoursStream?> LoadAsync(CorrectHours command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        HoursStream.Load(session, command, http, ct);

    public static ProblemDetails Validate(CorrectHours command, HttpContext http, HoursStream? stream, Policy policy)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        if (Steps.IfMatch(http, stream.Placement.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(Decide(command, stream, policy));
    }

    [WolverinePost("/api/placements/{id}/hours/{entryId}/correction", OperationId = "correctHours"), Tags("Placements"), EndpointSummary("Correct an hour entry with a new entry that replaces its value")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<LogHoursEndpoint.Created>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, CorrectHours command, HoursStream stream, IDocumentSession session, Policy policy)
    {
        Streams.Append(session, Decide(command, stream, policy), Streams.Of(stream.Placement.Stream));
        return Results.Created($"/api/placements/{command.PlacementId}", new LogHoursEndpoint.Created(command.NewEntryId));
    }

    private static Decision Decide(CorrectHours command, HoursStream stream, Policy policy) =>
        PlacementDecisions.CorrectHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, stream.OfferEndsOn);
}
