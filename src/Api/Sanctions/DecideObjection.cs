using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>
/// An official other than the approver decides the objection: upheld (Abhilfe, § 85 Abs. 1 SGG) withdraws the
/// restriction from its start; dismissed leaves it in force.
/// </summary>
public static class DecideObjectionEndpoint
{
    public sealed record Request([property: Required] bool? Upheld, [property: Required] string? Reasoning);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Official);

    public static (DecideObjection?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new DecideObjection(id, v.Required(body!.Upheld, "upheld"), v.Text(body.Reasoning, "reasoning", 8000), Steps.Actor(http).UserId);
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<ProposalStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct);

    public static ProblemDetails Validate(DecideObjection command, ProposalStream? stream, HttpContext http)
    {
        if (stream is null) return Problems.NotFoundDetails("sanction proposal");
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.DecideObjection(stream.Person, command));
    }

    [WolverinePost("/api/sanction-proposals/{id}/objection/decision", OperationId = "decideObjection"), Tags("Refusals and sanctions")]
    [EndpointSummary("Decide the objection (Abhilfe oder Zurückweisung des Widerspruchs)")]
    [EndpointDescription("403 four-eyes for the official who approved the restriction; 409 already-decided; 409 no-objection when none was filed.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<SanctionProposalDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public static IResult Handle(Request body, DecideObjection command, ProposalStream stream, IDocumentSession session, Clock clock)
    {
        var decision = SanctionDecisions.DecideObjection(stream.Person, command);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return ProposalResults.Ok(stream, decision, clock.Today);
    }
}
