using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>Anhörung (§ 28 VwVfG) before any burdening decision on a refusal.</summary>
public static class HoldHearingEndpoint
{
    public sealed record Request([property: Required] DateOnly? HeldOn, string? Statement);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (HoldHearing?, ProblemDetails) Validate(Request? body, Guid id, Guid refusalId)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new HoldHearing(id, refusalId, v.Date(body!.HeldOn, "heldOn"), v.Text(body.Statement, "statement", 8000, required: false));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PlacementStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct);

    public static ProblemDetails Validate(HoldHearing command, HttpContext http, PlacementStream? stream, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PlacementDecisions.HoldHearing(stream.Person, stream.Placement, command, clock.Today));
    }

    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/hearing", OperationId = "holdHearing"), Tags("Refusals and sanctions"), EndpointSummary("Record the hearing (Anhörung, § 28 VwVfG) on a refusal")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PlacementDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, HoldHearing command, PlacementStream stream, IDocumentSession session, Clock clock, Policy policy)
    {
        var decision = PlacementDecisions.HoldHearing(stream.Person, stream.Placement, command, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return PlacementResults.Ok(stream.Person, decision, command.PlacementId, clock.Today, policy);
    }
}
