namespace AGH.Api.Accidents;

/// <summary>The incapacity became known after the accident was recorded; it may make the accident reportable.</summary>
[ProviderOrCaseworker]
public static class RecordAccidentIncapacityEndpoint
{
    public sealed record Request([property: Required] int? IncapacityDays);

    public static (RecordIncapacity?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new RecordIncapacity(id, v.Range(b.IncapacityDays, "incapacityDays", 0, 3650), actor.UserId, ProviderScope.IsProvider(actor) ? actor.Provider : null));

    public static Decision Decide(RecordIncapacity command, AccidentStream stream) => AccidentDecisions.RecordIncapacity(stream.Accident, command);

    /// <summary>Record the days of incapacity for work after an accident</summary>
    /// <remarks>Providers (their own accidents) and caseworkers (own municipality). incapacityDays 0-3650 (400). Over 3 days makes an
    /// unreported accident open; reportDueOn stays the day it was recorded + 3 days.</remarks>
    [WolverinePost("/api/accidents/{id}/incapacity", OperationId = "recordAccidentIncapacity"), Tags("Accidents")]
    public static Ok<AccidentDto> Handle(Request body, AccidentStream stream, Decision decision, HttpContext http) => stream.Answer(decision, http);
}
