namespace AGH.Api.Persons;

/// <summary>Wrong master data is corrected as a new event (Berichtigung, Art. 16 DSGVO); the history keeps both values.</summary>
[Caseworker]
public static class CorrectPersonEndpoint
{
    public sealed record Request(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? FileReference, DateOnly? EntitledSince,
        [property: Required] string? Reason, bool? ConfirmedNotDuplicate);

    public static (CorrectPerson?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
    {
        if (b is { GivenName: null, FamilyName: null, DateOfBirth: null, FileReference: null, EntitledSince: null })
            v.Add("givenName", "at least one of givenName, familyName, dateOfBirth, fileReference and entitledSince is required.");
        return new CorrectPerson(id, v.OptionalText(b.GivenName, "givenName", 200), v.OptionalText(b.FamilyName, "familyName", 200),
            v.OptionalDate(b.DateOfBirth, "dateOfBirth"), v.OptionalText(b.FileReference, "fileReference", 100), v.OptionalDate(b.EntitledSince, "entitledSince"),
            v.Text(b.Reason, "reason", 1000), b.ConfirmedNotDuplicate == true);
    });

    public static Decision Decide(CorrectPerson command, PersonCorrectionStream stream, Clock clock) =>
        PersonCorrectionDecisions.Correct(stream.Person, command, stream.Registry.Others, clock.Today);

    /// <summary>Correct a person's master data (Berichtigung)</summary>
    /// <remarks>Only the fields given change; the history keeps the old and the new values. The duplicate rules of registration apply:
    /// 409 file-reference-taken; 409 possible-duplicate (with duplicateOf where visible) when a changed name or birth date matches another
    /// person, unless confirmedNotDuplicate is true. 409 person-erased, 409 person-duplicate; 422 nothing-to-correct, date-in-future,
    /// entitlement-before-birth, entitlement-after-placement (a placement starts before the corrected entitledSince).</remarks>
    [WolverinePost("/api/persons/{id}/correction", OperationId = "correctPerson"), Tags("Persons")]
    public static Ok<PersonDto> Handle(Request body, PersonCorrectionStream stream, Decision decision, Clock clock, Policy policy) =>
        PersonResults.Ok(stream.Person, decision, clock.Today, policy);
}
