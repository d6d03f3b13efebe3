using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>Whether a good cause (wichtiger Grund, § 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII) excuses the refusal.</summary>
public static class AssessRefusalEndpoint
{
    public sealed record Request([property: Required] bool? GoodCause, ExemptionReason? Reason, [property: Required] string? Reasoning);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (AssessRefusal?, ProblemDetails) Validate(Request? body, Guid id, Guid refusalId)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var goodCause = v.Required(body!.GoodCause, "goodCause");
        if (goodCause && body.Reason is null) v.Add("reason", "is required when goodCause is true.");
        var command = new AssessRefusal(id, refusalId, goodCause, body.Reason, v.Text(body.Reasoning, "reasoning", 4000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PlacementStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct);

    public static ProblemDetails Validate(AssessRefusal command, HttpContext http, PlacementStream? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PlacementDecisions.AssessRefusal(stream.Person, stream.Placement, command));
    }

    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/assessment", OperationId = "assessRefusal"), Tags("Refusals and sanctions"), EndpointSummary("Assess a refusal: good cause (wichtiger Grund) or not")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PlacementDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public static IResult Handle(Request body, AssessRefusal command, PlacementStream stream, IDocumentSession session, Clock clock, Policy policy)
    {
        var decision = PlacementDecisions.AssessRefusal(stream.Person, stream.Placement, command);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return PlacementResults.Ok(stream.Person, decision, command.PlacementId, clock.Today, policy);
    }
}
