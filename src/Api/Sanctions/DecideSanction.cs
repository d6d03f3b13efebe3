using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>
/// An authorised official decides a proposal. An approval restricts benefits to § 1a Abs. 1 AsylbLG for six months
/// (§ 14 Abs. 1 AsylbLG) from a day not before the decision; the proposer can never decide their own proposal.
/// </summary>
public static class DecideSanctionEndpoint
{
    public sealed record Request([property: Required] bool? Approved, [property: Required] string? Reasoning, DateOnly? StartsOn);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Official);

    public static (DecideSanction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var approved = v.Required(body!.Approved, "approved");
        var reasoning = v.Text(body.Reasoning, "reasoning", 8000);
        DateOnly? startsOn = body.StartsOn is null ? null : v.Date(body.StartsOn, "startsOn");
        if (approved && startsOn is null) v.Add("startsOn", "is required when approved is true.");
        if (v.Failed) return (null, v.Details());
        return (new DecideSanction(id, approved, reasoning, startsOn, Steps.Actor(http).UserId), Steps.Continue);
    }

    public static Task<ProposalStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct);

    public static ProblemDetails Validate(DecideSanction command, ProposalStream? stream, HttpContext http, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("sanction proposal");
        // The proposal's ETag is its person's revision, like a placement's.
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.Decide(stream.Person, command, clock.Today));
    }

    [WolverinePost("/api/sanction-proposals/{id}/decision", OperationId = "decideSanction"), Tags("Refusals and sanctions")]
    [EndpointSummary("Decide a sanction proposal (Entscheidung über die Anspruchseinschränkung)")]
    [EndpointDescription("403 four-eyes for the proposer; 409 already-decided; 422 starts-on-in-past (§§ 41, 43 VwVfG: never backwards); "
        + "409 restriction-overlaps with another restriction of the person in force.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<SanctionProposalDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, DecideSanction command, ProposalStream stream, IDocumentSession session, Clock clock)
    {
        var decision = SanctionDecisions.Decide(stream.Person, command, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return ProposalResults.Ok(stream, decision, clock.Today);
    }
}
