using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Api.Offers;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>The caseworker proposes a § 1a restriction; an official decides (Vier-Augen-Prinzip).</summary>
public static class ProposeSanctionEndpoint
{
    public sealed record Request([property: Required] Guid? RefusalId, [property: Required] string? Reasoning);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Caseworker);

    public static (ProposeSanction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new ProposeSanction(id, Guid.CreateVersion7(), v.Id(body!.RefusalId, "refusalId"),
            v.Text(body.Reasoning, "reasoning", 8000), Steps.Actor(http).UserId);
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PlacementStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, id, http, ct);

    public static ProblemDetails Validate(ProposeSanction command, PlacementStream? stream, HttpContext http)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.Propose(stream.Person, stream.Placement, command));
    }

    [WolverinePost("/api/placements/{id}/sanction-proposals", OperationId = "proposeSanction"), Tags("Refusals and sanctions")]
    [EndpointSummary("Propose a benefit restriction (Anspruchseinschränkung nach § 1a AsylbLG)")]
    [EndpointDescription("Only when the Heranziehungsbescheid with Rechtsfolgenbelehrung preceded the refusal, the person was obliged to work "
        + "that day, the refusal was assessed without good cause and a hearing (§ 28 VwVfG) was held; else 422 sanction-preconditions.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<CreatedId>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, ProposeSanction command, PlacementStream stream, IDocumentSession session)
    {
        Streams.Append(session, SanctionDecisions.Propose(stream.Person, stream.Placement, command), Streams.Of(stream.Stream));
        return Results.Created($"/api/sanction-proposals/{command.ProposalId}", new CreatedId(command.ProposalId));
    }
}
