using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Sanctions;

/// <summary>
/// § 14 Abs. 2 AsylbLG: before six months have passed the official reviews the restriction: it continues for six more
/// months only after a new hearing and while the breach persists, otherwise it ends as planned.
/// </summary>
public static class ReviewRestrictionEndpoint
{
    public sealed record Request([property: Required] bool? ContinueRestriction, [property: Required] string? Reasoning, DateOnly? HearingHeldOn);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) => Steps.Require(http, session, Roles.Official);

    public static (ReviewRestriction?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var continues = v.Required(body!.ContinueRestriction, "continueRestriction");
        var reasoning = v.Text(body.Reasoning, "reasoning", 8000);
        DateOnly? heard = body.HearingHeldOn is null ? null : v.Date(body.HearingHeldOn, "hearingHeldOn");
        if (v.Failed) return (null, v.Details());
        return (new ReviewRestriction(id, continues, reasoning, heard, Steps.Actor(http).UserId), Steps.Continue);
    }

    public static Task<ProposalStream?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Proposal(session, id, http, ct, hoursAfterRefusal: true);

    public static ProblemDetails Validate(ReviewRestriction command, ProposalStream? stream, HttpContext http, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("sanction proposal");
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(SanctionDecisions.Review(stream.Person, command, stream.HoursAfterRefusal, clock.Today));
    }

    [WolverinePost("/api/sanction-proposals/{id}/review", OperationId = "reviewRestriction"), Tags("Refusals and sanctions")]
    [EndpointSummary("Review a restriction after six months (Überprüfung nach § 14 Abs. 2 AsylbLG)")]
    [EndpointDescription("continueRestriction true continues it for six months from the day after endsOn (not before today); it needs "
        + "hearingHeldOn after the restriction began (422 hearing-required) and a persisting breach (422 breach-ended). "
        + "409 already-reviewed for the same period; 409 restriction-not-in-force.")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<SanctionProposalDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, ReviewRestriction command, ProposalStream stream, IDocumentSession session, Clock clock)
    {
        var decision = SanctionDecisions.Review(stream.Person, command, stream.HoursAfterRefusal, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        return ProposalResults.Ok(stream, decision, clock.Today);
    }
}
