using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>Proportionality: the restriction ends early once its ground is gone (§ 9 Abs. 4 AsylbLG with § 48 SGB X).</summary>
public static class EndRestrictionEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] RestrictionEndReason? Reason, [property: Required] string? Reasoning);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Official);

    public static (EndRestriction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new EndRestriction(id, v.Date(body!.Date, "date"), v.Required(body.Reason, "reason"), v.Text(body.Reasoning, "reasoning", 8000),
            Steps.Actor(http).UserId);
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<ProposalStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct);

    public static ProblemDetails Validate(EndRestriction command, ProposalStream? stream, HttpContext http, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("sanction proposal");
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.EndRestriction(stream.Person, command, clock.Today));
    }

    [WolverinePost("/api/sanction-proposals/{id}/restriction/end", OperationId = "endRestriction"), Tags("Refusals and sanctions")]
    [EndpointSummary("End a restriction early (Aufhebung der Anspruchseinschränkung)")]
    [EndpointDescription("The person fulfils the duty again (duty-fulfilled), declares in earnest to do so while no place is free "
        + "(willing-no-place), or the duty lapsed (duty-lapsed). date is the last restricted day. 409 restriction-not-in-force; "
        + "422 date-in-future; 422 end-before-start.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<SanctionProposalDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, EndRestriction command, ProposalStream stream, IDocumentSession session, Clock clock)
    {
        var decision = SanctionDecisions.EndRestriction(stream.Person, command, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return ProposalResults.Ok(stream, decision, clock.Today);
    }
}
