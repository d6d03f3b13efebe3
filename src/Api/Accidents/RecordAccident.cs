namespace AGH.Api.Accidents;

/// <summary>An accident at the work (§ 2 Abs. 1 Nr. 1 SGB VII); the report to the insurer is the provider's duty (§ 193 SGB VII).</summary>
[ProviderOrCaseworker]
public static class RecordAccidentEndpoint
{
    public sealed record Request([property: Required] DateOnly? On, [property: Required] string? Description, int? IncapacityDays, bool? Fatal);

    public static (RecordAccident?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new RecordAccident(id, Guid.CreateVersion7(), v.Date(b.On, "on"), v.Text(b.Description, "description", 2000),
            v.OptionalRange(b.IncapacityDays, "incapacityDays", 0, 3650), b.Fatal ?? false, actor.UserId, ProviderScope.IsProvider(actor) ? actor.Provider : null));

    public static Decision Decide(RecordAccident command, AccidentPlacement stream, Clock clock) =>
        AccidentDecisions.Record(stream.Placement.Person, stream.Placement.Placement, stream.Offer?.ProviderId, stream.Offer?.AccidentInsurer, command, clock.Today);

    /// <summary>Record an accident at the work (provider: own placements; caseworker: own municipality)</summary>
    /// <remarks>description 1-2000 characters (health data: what happened, no more), incapacityDays 0-3650 (400), fatal (default false).
    /// on in the future: 422 date-in-future; outside the placement: 422 outside-placement. reportDueOn is today (the day it was learned of)
    /// + 3 days, a fatal accident today (§ 193 Abs. 1 and 4 SGB VII). Status open when fatal or incapacityDays over 3, else not-reportable.</remarks>
    [WolverinePost("/api/placements/{id}/accidents", OperationId = "recordAccident"), Tags("Accidents")]
    public static Created<AccidentDto> Handle(Request body, RecordAccident command, Decision decision, Actor actor) =>
        TypedResults.Created($"/api/accidents/{command.AccidentId}", AccidentDto.From(Accident.Start((AccidentRecorded)decision.Events[0].Event), actor));
}
