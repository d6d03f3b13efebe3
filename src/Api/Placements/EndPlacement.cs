namespace AGH.Api.Placements;

/// <summary>A placement ends as soon as regular employment is possible, or for another documented reason; the place is freed at once.</summary>
[Caseworker]
public static class EndPlacementEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] EndReason? Reason, string? Note);

    public static (EndPlacement?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
    {
        // Only the decision on the objection or lawsuit sets the notice aside (contract v3: never accepted from clients).
        if (b.Reason == EndReason.ObjectionUpheld) v.Add("reason", "objection-upheld is recorded by the decision on the objection or lawsuit, never sent.");
        if (b.Reason == EndReason.PeriodEnded) v.Add("reason", "period-ended follows from the placement's until, never sent.");
        return new EndPlacement(id, v.Date(b.Date, "date"), v.Required(b.Reason, "reason"), v.OptionalText(b.Note, "note", 2000));
    });

    // Ending frees the place: the offer is locked too. Its stream is not fetched: PlaceReleased is appended as it comes.
    // The hours after the last day are read once locked: an end must not leave them behind (hours-after-end).
    public static Task<PlacementStream?> LoadAsync(EndPlacement command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Placement(session, command.PlacementId, http, ct, writesOffer: true, hoursAfter: command.Date);

    public static Decision Decide(EndPlacement command, PlacementStream stream, Clock clock) => PlacementDecisions.End(stream.Person, stream.Placement, command, stream.HoursAfter, clock.Today);

    /// <summary>End a placement (e.g. on regular employment); the place becomes free at once</summary>
    [WolverinePost("/api/placements/{id}/end", OperationId = "endPlacement"), Tags("Placements")]
    [ProducesResponseType<PlacementDto>(200)]
    public static IResult Handle(Request body, PlacementStream stream, Decision decision, Clock clock) => PlacementResults.Ok(stream, decision, clock.Today);
}
