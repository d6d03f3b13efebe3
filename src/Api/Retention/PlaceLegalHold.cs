using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Retention;

/// <summary>While a remedy is pending (Widerspruch, Klage), the person's data is held beyond the retention period.</summary>
public static class PlaceLegalHoldEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker, Roles.Official);

    public static (PlaceLegalHold?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new PlaceLegalHold(id, v.Text(body!.Reason, "reason", 2000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<IEventStream<Person>?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, id, http, ct);

    public static ProblemDetails Validate(PlaceLegalHold command, HttpContext http, IEventStream<Person>? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("person");
        if (Steps.IfMatch(http, stream.Aggregate!.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PersonDecisions.PlaceLegalHold(stream.Aggregate, command));
    }

    [WolverinePost("/api/persons/{id}/legal-hold", OperationId = "placeLegalHold"), Tags("Data protection"), EndpointSummary("Hold the person's data while a remedy is pending (no erasure)")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PersonDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public static IResult Handle(Request body, PlaceLegalHold command, IEventStream<Person> stream, IDocumentSession session, Clock clock)
    {
        var person = stream.Aggregate!;
        var decision = PersonDecisions.PlaceLegalHold(person, command);
        Streams.Append(session, decision, Streams.Of(stream));
        return Results.Ok(PersonDto.From(decision.Events.Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), clock.Today));
    }
}
