namespace AGH.Api.Accidents;

/// <summary>An accident at the work (§ 2 Abs. 1 Nr. 1 SGB VII); the report to the insurer is the provider's duty (§ 193 SGB VII).</summary>
[ProviderOrCaseworker]
public static class RecordAccidentEndpoint
{
    public sealed record Request([property: Required] DateOnly? On, [property: Required] string? Description, int? IncapacityDays, bool? Fatal);

    public static (RecordAccident?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
    {
        var actor = Access.Actor(http);
        return new RecordAccident(id, Guid.CreateVersion7(), v.Date(b.On, "on"), v.Text(b.Description, "description", 2000),
            v.OptionalRange(b.IncapacityDays, "incapacityDays", 0, 3650), b.Fatal ?? false, actor.UserId, ProviderScope.IsProvider(actor) ? actor.Provider : null);
    });

    public static Decision Decide(RecordAccident command, AccidentPlacement stream, Clock clock) =>
        AccidentDecisions.Record(stream.Placement.Person, stream.Placement.Placement, stream.Offer?.ProviderId, stream.Offer?.AccidentInsurer, command, clock.Today);

    [WolverinePost("/api/placements/{id}/accidents", OperationId = "recordAccident"), Tags("Accidents")]
    [EndpointSummary("Record an accident at the work (provider: own placements; caseworker: own municipality)")]
    [EndpointDescription("description 1-2000 characters (health data: what happened, no more), incapacityDays 0-3650 (400), fatal (default false). "
        + "on in the future: 422 date-in-future; outside the placement: 422 outside-placement. reportDueOn is today (the day it was learned of) "
        + "+ 3 days, a fatal accident today (§ 193 Abs. 1 and 4 SGB VII). Status open when fatal or incapacityDays over 3, else not-reportable.")]
    [ProducesResponseType<AccidentDto>(201)]
    public static IResult Handle(Request body, RecordAccident command, Decision decision, HttpContext http) =>
        Results.Created($"/api/accidents/{command.AccidentId}", AccidentDto.From(Accident.Start((AccidentRecorded)decision.Events[0].Event), Access.Actor(http)));
}

/// <summary>The accident report (Unfallanzeige) went to the insurer.</summary>
[ProviderOrCaseworker]
public static class ReportAccidentEndpoint
{
    public sealed record Request([property: Required] DateOnly? ReportedOn);

    public static (ReportAccident?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new ReportAccident(id, v.Date(b.ReportedOn, "reportedOn"), Access.Actor(http).UserId));

    public static Decision Decide(ReportAccident command, AccidentStream stream, Clock clock) => AccidentDecisions.Report(stream.Accident, command, clock.Today);

    [WolverinePost("/api/accidents/{id}/report", OperationId = "reportAccident"), Tags("Accidents")]
    [EndpointSummary("Record that the accident was reported to the insurer")]
    [EndpointDescription("Providers (their own accidents) and caseworkers (own municipality). A second report: 409 already-reported; reportedOn in the "
        + "future: 422 date-in-future; before the accident: 422 report-before-accident.")]
    [ProducesResponseType<AccidentDto>(200)]
    public static IResult Handle(Request body, AccidentStream stream, Decision decision, HttpContext http) => stream.Answer(decision, http);
}

/// <summary>The incapacity became known after the accident was recorded; it may make the accident reportable.</summary>
[ProviderOrCaseworker]
public static class RecordAccidentIncapacityEndpoint
{
    public sealed record Request([property: Required] int? IncapacityDays);

    public static (RecordIncapacity?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
    {
        var actor = Access.Actor(http);
        return new RecordIncapacity(id, v.Range(b.IncapacityDays, "incapacityDays", 0, 3650), actor.UserId, ProviderScope.IsProvider(actor) ? actor.Provider : null);
    });

    public static Decision Decide(RecordIncapacity command, AccidentStream stream) => AccidentDecisions.RecordIncapacity(stream.Accident, command);

    [WolverinePost("/api/accidents/{id}/incapacity", OperationId = "recordAccidentIncapacity"), Tags("Accidents")]
    [EndpointSummary("Record the days of incapacity for work after an accident")]
    [EndpointDescription("Providers (their own accidents) and caseworkers (own municipality). incapacityDays 0-3650 (400). Over 3 days makes an "
        + "unreported accident open; reportDueOn stays the day it was recorded + 3 days.")]
    [ProducesResponseType<AccidentDto>(200)]
    public static IResult Handle(Request body, AccidentStream stream, Decision decision, HttpContext http) => stream.Answer(decision, http);
}
