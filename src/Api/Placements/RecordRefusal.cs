using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>An explicit refusal, a no-show or dropping out, with the reason the person gave.</summary>
[Caseworker]
public static class RecordRefusalEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] RefusalKind? Kind, [property: Description("What the person gave as the reason. Appears in the notice (Einschränkungsbescheid, Mitteilung).")] string? StatedReason);

    public sealed record Created(Guid RefusalId);

    public static (RecordRefusal?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new RecordRefusal(id, Guid.CreateVersion7(), v.Date(b.Date, "date"), v.Required(b.Kind, "kind"), v.Text(b.StatedReason, "statedReason", 4000, required: false)));

    // Loaded with the person's week of the refusal day: a no-show on a day with hours logged is refused (v3d).
    public static Decision Decide(RecordRefusal command, HoursStream stream, Policy policy, Clock clock) =>
        PlacementDecisions.RecordRefusal(stream.Placement.Person, stream.Placement.Placement, command, policy, clock.Today, stream.Week);

    /// <summary>Record a refusal (Ablehnung, Nichterscheinen, Abbruch) with the reason given</summary>
    /// <remarks>A no-show or dropped-out on a day with hours logged on the placement: 422 hours-on-refusal-day (correct the hours first).
    /// statedReason appears in the notice.</remarks>
    [WolverinePost("/api/placements/{id}/refusals", OperationId = "recordRefusal"), Tags("Refusals and sanctions")]
    public static Created<Created> Handle(Request body, RecordRefusal command) =>
        TypedResults.Created($"/api/placements/{command.PlacementId}", new Created(command.RefusalId));
}
