using System.ComponentModel;

namespace AGH.Api.Placements;

/// <summary>Corrections are new entries, never edits: the original stays in the history (0 cancels it).</summary>
[Caseworker]
public static class CorrectHoursEndpoint
{
    public sealed record Request([property: Required] int? Minutes, [property: Required, Description("Appears in the notice (Erstattungsbescheid) when the corrected hours were already paid.")] string? Reason);

    public static (CorrectHours?, ProblemDetails) Validate(Request? body, Guid id, Guid entryId) => Parse.Body(body, (b, v) =>
        new CorrectHours(id, entryId, Guid.CreateVersion7(), Minutes.Check(v, b.Minutes, allowZero: true), v.Text(b.Reason, "reason", 1000)));

    public static Decision Decide(CorrectHours command, HoursStream stream, Policy policy) =>
        PlacementDecisions.CorrectHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, stream.OfferEndsOn, stream.Confirmed);

    /// <summary>Correct an hour entry with a new entry that replaces its value</summary>
    /// <remarks>The office only (providers never correct: 403); in a month the provider confirmed, the correction is marked afterConfirmation.
    /// A correction below what a released payout run paid for the entry is never netted against a later payment: it opens
    /// a recovery (GET /api/recoveries) in the same transaction, one per correction. A reduction of an entry only in a prepared run is
    /// settled by the next run, never below 0.</remarks>
    [WolverinePost("/api/placements/{id}/hours/{entryId}/correction", OperationId = "correctHours"), Tags("Placements")]
    public static async Task<Created<LogHoursEndpoint.Created>> Handle(Request body, CorrectHours command, HoursStream stream, IDocumentSession session,
        AGH.Api.Payouts.PayoutSettings settings, Clock clock, CancellationToken ct)
    {
        await RecoveryOpening.Open(session, stream, command, settings.RateTable, clock.Today, ct);
        return TypedResults.Created($"/api/placements/{command.PlacementId}", new LogHoursEndpoint.Created(command.NewEntryId));
    }
}
