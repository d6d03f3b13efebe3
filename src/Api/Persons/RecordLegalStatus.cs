namespace AGH.Api.Persons;

/// <summary>The residence status; excluded (§ 1 Abs. 4 AsylbLG) ends the entitlement from since, as an entitlement end does.</summary>
[CaseworkerOrOfficial]
public static class RecordLegalStatusEndpoint
{
    public sealed record Request([property: Required] LegalStatus? Status, [property: Required] DateOnly? Since, [property: Required] string? Note);

    public static (RecordLegalStatus?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new RecordLegalStatus(id, v.Required(b.Status, "status"), v.Date(b.Since, "since"), v.Text(b.Note, "note", 1000)));

    // Excluded frees the active placement's place: its offer is locked too, and the hours after since are read.
    public static Task<PersonStream?> LoadAsync(RecordLegalStatus command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, command.PersonId, command.Since, http, ct, writesActiveOffer: command.Status == LegalStatus.Excluded);

    public static Decision Decide(RecordLegalStatus command, PersonStream stream, Clock clock) =>
        LegalStatusDecisions.Record(stream.Person, command, stream.HoursAfter, clock.Today);

    /// <summary>Record the person's residence status (aufenthaltsrechtlicher Status)</summary>
    /// <remarks>The person shows the latest status by since that is not in the future; a later status lifts excluded. excluded
    /// (§ 1 Abs. 4 AsylbLG) also ends the entitlement from since as entitlement-end does: the active placement ends entitlement-ended and
    /// its place is freed; 422 date-in-future, 422 date-before-entitlement, 422 hours-after-end as there. Refusals on or after since
    /// cannot be sanctioned; assignments answer 422 person-not-eligible.</remarks>
    [WolverinePost("/api/persons/{id}/legal-status", OperationId = "recordLegalStatus"), Tags("Persons")]
    public static Created<PersonDto> Handle(Request body, PersonStream stream, Decision decision, Clock clock, Policy policy) => PersonResults.Created(stream.Person, decision, clock.Today, policy);
}
