using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Hours confirmed by the provider; the basis of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG).</summary>
[Caseworker]
public static class LogHoursEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] int? Minutes);

    public sealed record Created(Guid EntryId);

    public static (LogHours?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new LogHours(id, Guid.CreateVersion7(), v.Date(b.Date, "date"), Minutes.Check(v, b.Minutes, allowZero: false)));

    public static Decision Decide(LogHours command, HoursStream stream, Policy policy, Clock clock) =>
        PlacementDecisions.LogHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, clock.Today, stream.OfferEndsOn);

    [WolverinePost("/api/placements/{id}/hours", OperationId = "logHours"), Tags("Placements"), EndpointSummary("Log hours worked on a day (whole quarter hours)")]
    [ProducesResponseType<Created>(201)]
    public static IResult Handle(Request body, LogHours command) =>
        Results.Created($"/api/placements/{command.PlacementId}", new Created(command.EntryId));
}
