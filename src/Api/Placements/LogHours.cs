using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>Hours confirmed by the provider; the basis of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG).</summary>
public static class LogHoursEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] int? Minutes);

    public sealed record Created(Guid EntryId);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (LogHours?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var date = v.Date(body!.Date, "date");
        var minutes = Minutes.Check(v, body.Minutes, allowZero: false);
        return v.Failed ? (null, v.Details()) : (new LogHours(id, Guid.CreateVersion7(), date, minutes), Steps.Continue);
    }

    public static Task<HoursStream?> LoadAsync(LogHours command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        HoursStream.Load(session, command, http, ct);

    public static ProblemDetails Validate(LogHours command, HttpContext http, HoursStream? stream, Policy policy, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("placement");
        // A placement lives in its person's stream: its ETag is that stream's revision.
        if (Steps.IfMatch(http, stream.Placement.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(Decide(command, stream, policy, clock));
    }

    [WolverinePost("/api/placements/{id}/hours", OperationId = "logHours"), Tags("Placements"), EndpointSummary("Log hours worked on a day (whole quarter hours)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<Created>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, LogHours command, HoursStream stream, IDocumentSession session, Policy policy, Clock clock)
    {
        Streams.Append(session, Decide(command, stream, policy, clock), Streams.Of(stream.Placement.Stream));
        return Results.Created($"/api/placements/{command.PlacementId}", new Created(command.EntryId));
    }

    private static Decision Decide(LogHours command, HoursStream stream, Policy policy, Clock clock) =>
        PlacementDecisions.LogHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, clock.Today, stream.OfferEndsOn);
}

public static class Minutes
{
    public static int Check(Checks v, int? minutes, bool allowZero)
    {
        if (minutes is null) { v.Add("minutes", "is required."); return 0; }
        // No upper bound here: an entry over the daily cap is the rule violation 422 daily-limit, as the contract says.
        if (minutes < 0 || (!allowZero && minutes == 0) || minutes % 15 != 0)
            v.Add("minutes", allowZero ? "must be 0 or a positive multiple of 15." : "must be a positive multiple of 15.");
        return minutes.Value;
    }
}
