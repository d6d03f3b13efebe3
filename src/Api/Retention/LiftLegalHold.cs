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

/// <summary>The remedy is settled: the person's data falls under the retention period again.</summary>
public static class LiftLegalHoldEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker, Roles.Official);

    public static (LiftLegalHold?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new LiftLegalHold(id, v.Text(body!.Reason, "reason", 2000));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<IEventStream<Person>?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, id, http, ct);

    public static ProblemDetails Validate(LiftLegalHold command, HttpContext http, IEventStream<Person>? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("person");
        if (Steps.IfMatch(http, stream.Aggregate!.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PersonDecisions.LiftLegalHold(stream.Aggregate, command));
    }

    [WolverinePost("/api/persons/{id}/legal-hold/release", OperationId = "liftLegalHold"), Tags("Data protection"), EndpointSummary("Lift the legal hold once the remedy is settled")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<PersonDto>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    public static IResult Handle(Request body, LiftLegalHold command, IEventStream<Person> stream, IDocumentSession session, Clock clock)
    {
        var person = stream.Aggregate!;
        var decision = PersonDecisions.LiftLegalHold(person, command);
        Streams.Append(session, decision, Streams.Of(stream));
        return Results.Ok(PersonDto.From(decision.Events.Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), clock.Today));
    }
}
