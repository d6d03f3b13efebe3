using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Persons;

/// <summary>The AsylbLG entitlement ended; an active placement ends at once with reason entitlement-ended.</summary>
public static class EndEntitlementEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (EndEntitlement?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new EndEntitlement(id, v.Date(body!.Date, "date"), v.Text(body.Reason, "reason", 1000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<PersonStream?> LoadAsync(EndEntitlement command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, command.PersonId, command.Date, http, ct, writesActiveOffer: true);

    public static ProblemDetails Validate(EndEntitlement command, HttpContext http, PersonStream? stream, Clock clock)
    {
        if (stream is null) return Problems.NotFoundDetails("person");
        if (Steps.IfMatch(http, stream.Person.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PersonDecisions.EndEntitlement(stream.Person, command, stream.HoursAfter, clock.Today));
    }

    [WolverinePost("/api/persons/{id}/entitlement-end", OperationId = "endEntitlement"), Tags("Persons"), EndpointSummary("Record the end of the AsylbLG entitlement (Ende der Leistungsberechtigung)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PersonDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, EndEntitlement command, PersonStream stream, IDocumentSession session, Clock clock)
    {
        var person = stream.Person;
        var decision = PersonDecisions.EndEntitlement(person, command, stream.HoursAfter, clock.Today);
        Streams.Append(session, decision, Streams.Of(stream.Stream));
        var after = decision.Events.Where(e => e.StreamId == person.Id).Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!);
        return Results.Ok(PersonDto.From(after, clock.Today));
    }
}
