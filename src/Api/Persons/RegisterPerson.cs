using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Api.Municipalities;
using AGH.Api.Offers;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Persons;

/// <summary>A Leistungsberechtigte(r) under the AsylbLG is registered by the social office of their municipality.</summary>
public static class RegisterPersonEndpoint
{
    public sealed record Request(
        [property: Required] string? Municipality,
        [property: Required] string? GivenName,
        [property: Required] string? FamilyName,
        [property: Required] DateOnly? DateOfBirth,
        [property: Required] DateOnly? EntitledSince,
        string? FileReference);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (RegisterPerson?, ProblemDetails) Validate(Request? body, HttpContext http, Clock clock)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new RegisterPerson(
            Guid.CreateVersion7(),
            MunicipalityCatalog.Check(v, body!.Municipality, "municipality"),
            v.Text(body.GivenName, "givenName", 200),
            v.Text(body.FamilyName, "familyName", 200),
            v.Date(body.DateOfBirth, "dateOfBirth"),
            v.Date(body.EntitledSince, "entitledSince"),
            v.OptionalText(body.FileReference, "fileReference", 100));
        if (v.Failed) return (null, v.Details());
        if (Steps.Actor(http).Municipality != command.Municipality)
            return (null, Problems.Details(403, "forbidden", "Forbidden", "A caseworker registers persons of their own municipality only."));
        return (command, Steps.Check(PersonDecisions.Register(command, clock.Today)));
    }

    [WolverinePost("/api/persons", OperationId = "registerPerson"), Tags("Persons"), EndpointSummary("Register a person receiving AsylbLG benefits (Leistungsberechtigte/r)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<CreatedId>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, RegisterPerson command, IDocumentSession session, Clock clock)
    {
        Streams.Append(session, PersonDecisions.Register(command, clock.Today));
        return Results.Created($"/api/persons/{command.PersonId}", new CreatedId(command.PersonId));
    }
}
