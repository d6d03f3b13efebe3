using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Corrections are new entries, never edits: the original stays in the history (0 cancels it).</summary>
[Caseworker]
public static class CorrectHoursEndpoint
{
    public sealed record Request([property: Required] int? Minutes, [property: Required] string? Reason);

    public static (CorrectHours?, ProblemDetails) Validate(Request? body, Guid id, Guid entryId) => Parse.Body(body, (b, v) =>
        new CorrectHours(id, entryId, Guid.CreateVersion7(), Minutes.Check(v, b.Minutes, allowZero: true), v.Text(b.Reason, "reason", 1000)));

    public static Decision Decide(CorrectHours command, HoursStream stream, Policy policy) =>
        PlacementDecisions.CorrectHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, stream.OfferEndsOn);

    [WolverinePost("/api/placements/{id}/hours/{entryId}/correction", OperationId = "correctHours"), Tags("Placements"), EndpointSummary("Correct an hour entry with a new entry that replaces its value")]
    [ProducesResponseType<LogHoursEndpoint.Created>(201)]
    public static IResult Handle(Request body, CorrectHours command) =>
        Results.Created($"/api/placements/{command.PlacementId}", new LogHoursEndpoint.Created(command.NewEntryId));
}
