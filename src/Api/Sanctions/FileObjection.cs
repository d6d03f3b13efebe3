using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>The person's Widerspruch (§§ 83, 84 SGG) against an approved restriction; it does not suspend it (§ 11 Abs. 4 AsylbLG).</summary>
public static class FileObjectionEndpoint
{
    public sealed record Request([property: Required] DateOnly? ReceivedOn, [property: Required] string? Statement);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker, Roles.Official);

    public static (FileObjection?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new FileObjection(id, v.Date(body!.ReceivedOn, "receivedOn"), v.Text(body.Statement, "statement", 8000),
            Steps.Actor(http).UserId);
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<ProposalStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct);

    public static ProblemDetails Validate(FileObjection command, ProposalStream? stream, HttpContext http, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("sanction proposal");
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.FileObjection(stream.Person, command, clock.Today));
    }

    [WolverinePost("/api/sanction-proposals/{id}/objection", OperationId = "fileObjection"), Tags("Refusals and sanctions")]
    [EndpointSummary("Record the person's objection (Widerspruch) against the restriction")]
    [EndpointDescription("No suspensive effect (§ 11 Abs. 4 AsylbLG): the restriction stays in force until the objection is upheld. "
        + "422 not-approved when nothing was approved; 409 objection-exists; 422 date-in-future.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<SanctionProposalDto>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, FileObjection command, ProposalStream stream, IDocumentSession session, Clock clock)
    {
        var decision = SanctionDecisions.FileObjection(stream.Person, command, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return ProposalResults.Created(stream, decision, clock.Today);
    }
}
