namespace AGH.Api.Placements;

/// <summary>
/// Hours worked, logged by the office or (contract v3c) by the provider on a placement of its own offer; the basis of the
/// Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG). Once the provider confirmed a month only the office logs in it.
/// </summary>
[ProviderOrCaseworker]
public static class LogHoursEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] int? Minutes);

    public sealed record Created(Guid EntryId);

    public static (LogHours?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new LogHours(id, Guid.CreateVersion7(), v.Date(b.Date, "date"), Minutes.Check(v, b.Minutes, allowZero: false)));

    public static Decision Decide(LogHours command, HoursStream stream, Policy policy, Clock clock, HttpContext http) =>
        PlacementDecisions.LogHours(stream.Placement.Person, stream.Placement.Placement, stream.Week, command, policy, clock.Today, stream.OfferEndsOn,
            ProviderScope.IsProvider(Access.Actor(http)) ? HourSource.Provider : HourSource.Office, stream.Confirmed(command.Date));

    /// <summary>Log hours worked on a day (whole quarter hours)</summary>
    /// <remarks>Caseworkers (own municipality) and providers (placements on their own offers; another's: 404). The entry records
    /// source provider or office. In a month the provider confirmed: a provider gets 409 month-confirmed, the office's entry is marked afterConfirmation.</remarks>
    [WolverinePost("/api/placements/{id}/hours", OperationId = "logHours"), Tags("Placements")]
    public static Created<Created> Handle(Request body, LogHours command) =>
        TypedResults.Created($"/api/placements/{command.PlacementId}", new Created(command.EntryId));
}
