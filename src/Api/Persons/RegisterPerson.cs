using AGH.Api.Municipalities;

namespace AGH.Api.Persons;

/// <summary>A Leistungsberechtigte(r) under the AsylbLG is registered by the social office of their municipality.</summary>
[Caseworker]
public static class RegisterPersonEndpoint
{
    public sealed record Request(
        [property: Required] string? Municipality,
        [property: Required] string? GivenName,
        [property: Required] string? FamilyName,
        [property: Required] DateOnly? DateOfBirth,
        [property: Required] DateOnly? EntitledSince,
        string? FileReference,
        [property: System.ComponentModel.Description("true: the caller checked that a person with the same name and date of birth is another person (409 possible-duplicate otherwise).")]
        bool? ConfirmedNotDuplicate = null);

    public static (RegisterPerson?, ProblemDetails) Validate(Request? body) => Parse.Body(body, (b, v) => new RegisterPerson(Guid.CreateVersion7(),
        MunicipalityCatalog.Check(v, b.Municipality, "municipality"), v.Text(b.GivenName, "givenName", 200), v.Text(b.FamilyName, "familyName", 200),
        v.Date(b.DateOfBirth, "dateOfBirth"), v.Date(b.EntitledSince, "entitledSince"), v.OptionalText(b.FileReference, "fileReference", 100),
        b.ConfirmedNotDuplicate == true));

    public static ProblemDetails Validate(RegisterPerson command, Actor actor) => actor.Municipality != command.Municipality
        ? Problems.Forbidden("A caseworker registers persons of their own municipality only.") : WolverineContinue.NoProblems;

    public static Decision Decide(RegisterPerson command, PersonRegistry registry, Clock clock) => PersonDecisions.Register(command, registry.Others, clock.Today);

    /// <summary>Register a person receiving AsylbLG benefits (Leistungsberechtigte/r)</summary>
    /// <remarks>409 file-reference-taken when another person of the district holds the file reference; 409 possible-duplicate
    /// (with duplicateOf when the caller may see that person) for the same family name, given name (folded as in search) and date of birth,
    /// unless confirmedNotDuplicate is true. 422 date-in-future, entitlement-before-birth.</remarks>
    [WolverinePost("/api/persons", OperationId = "registerPerson"), Tags("Persons")]
    public static Created<CreatedId> Handle(Request body, RegisterPerson command) => CreatedId.At("/api/persons", command.PersonId);
}
