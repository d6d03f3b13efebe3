using AGH.Api.Infrastructure;
using AGH.Api.Municipalities;
using AGH.Api.Offers;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Persons;

/// <summary>A Leistungsberechtigte(r) under the AsylbLG is registered by the social office of their municipality.</summary>
public static class RegisterPersonEndpoint
{
    public sealed record Request(
        string? Municipality,
        string? GivenName,
        string? FamilyName,
        DateOnly? DateOfBirth,
        DateOnly? EntitledSince,
        string? FileReference);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/persons", Handle)
            .WithTags("Persons")
            .WithSummary("Register a person receiving AsylbLG benefits (Leistungsberechtigte/r)")
            .Accepts<Request>("application/json")
            .Produces<CreatedId>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(422);

    public static async Task<IResult> Handle(HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;

        var v = new Checks();
        var command = new RegisterPerson(
            Guid.CreateVersion7(),
            MunicipalityCatalog.Check(v, body.Municipality, "municipality"),
            v.Text(body.GivenName, "givenName", 200),
            v.Text(body.FamilyName, "familyName", 200),
            v.Date(body.DateOfBirth, "dateOfBirth"),
            v.Date(body.EntitledSince, "entitledSince"),
            v.OptionalText(body.FileReference, "fileReference", 100));
        if (v.Failed) return v.Problem();
        if (actor.Municipality != command.Municipality)
            return Problems.Forbidden("A caseworker registers persons of their own municipality only.");

        return await runner.Run(actor, _ => Task.FromResult(Outcome.Of(
                PersonDecisions.Register(command, runner.Clock.Today),
                () => Results.Created($"/api/persons/{command.PersonId}", new CreatedId(command.PersonId)))),
            http.RequestAborted);
    }
}
