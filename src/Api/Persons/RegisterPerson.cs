using AGH.Api.Municipalities;
using AGH.Domain.Persons;

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
        string? FileReference);

    public static (RegisterPerson?, ProblemDetails) Validate(Request? body) => Parse.Body(body, (b, v) => new RegisterPerson(Guid.CreateVersion7(),
        MunicipalityCatalog.Check(v, b.Municipality, "municipality"), v.Text(b.GivenName, "givenName", 200), v.Text(b.FamilyName, "familyName", 200),
        v.Date(b.DateOfBirth, "dateOfBirth"), v.Date(b.EntitledSince, "entitledSince"), v.OptionalText(b.FileReference, "fileReference", 100)));

    public static ProblemDetails Validate(RegisterPerson command, HttpContext http) => Access.Actor(http).Municipality != command.Municipality
        ? Problems.Forbidden("A caseworker registers persons of their own municipality only.") : WolverineContinue.NoProblems;

    public static Decision Decide(RegisterPerson command, Clock clock) => PersonDecisions.Register(command, clock.Today);

    [WolverinePost("/api/persons", OperationId = "registerPerson"), Tags("Persons"), EndpointSummary("Register a person receiving AsylbLG benefits (Leistungsberechtigte/r)")]
    [ProducesResponseType<CreatedId>(201)]
    public static IResult Handle(Request body, RegisterPerson command) => CreatedId.At("/api/persons", command.PersonId);
}
