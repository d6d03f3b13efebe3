namespace AGH.Api.Persons;

/// <summary>The AsylbLG entitlement ended; an active placement ends at once with reason entitlement-ended.</summary>
[Caseworker]
public static class EndEntitlementEndpoint
{
    public static (EndEntitlement?, ProblemDetails) Validate(DatedReasonRequest? body, Guid id) =>
        DatedReasonRequest.Parse(body, (date, reason) => new EndEntitlement(id, date, reason));

    // Ending the entitlement frees the active placement's place: its offer is locked too.
    public static Task<PersonStream?> LoadAsync(EndEntitlement command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, command.PersonId, command.Date, http, ct, writesActiveOffer: true);

    public static Decision Decide(EndEntitlement command, PersonStream stream, Clock clock) =>
        PersonDecisions.EndEntitlement(stream.Person, command, stream.HoursAfter, clock.Today);

    /// <summary>Record the end of the AsylbLG entitlement (Ende der Leistungsberechtigung)</summary>
    [WolverinePost("/api/persons/{id}/entitlement-end", OperationId = "endEntitlement"), Tags("Persons")]
    public static Ok<PersonDto> Handle(DatedReasonRequest body, PersonStream stream, Decision decision, Clock clock, Policy policy) =>
        PersonResults.Ok(stream.Person, decision, clock.Today, policy);
}
