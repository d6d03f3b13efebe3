using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Persons;

/// <summary>A good reason not to work (§ 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII): the reason class and period, never a diagnosis.</summary>
public static class RecordExemptionEndpoint
{
    public sealed record Request([property: Required] ExemptionReason? Reason, [property: Required] DateOnly? From, DateOnly? Until, string? Note);

    public sealed record Created(Guid ExemptionId);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (RecordExemption?, ProblemDetails) Validate(Request? body, Guid id)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new RecordExemption(id, Guid.CreateVersion7(), v.Required(body!.Reason, "reason"), v.Date(body.From, "from"),
            body.Until is null ? null : v.Date(body.Until, "until"), v.OptionalText(body.Note, "note", 500));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    public static Task<IEventStream<Person>?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, id, http, ct);

    public static ProblemDetails Validate(RecordExemption command, HttpContext http, IEventStream<Person>? stream)
    {
        if (stream is null) return Problems.NotFoundDetails("person");
        if (Steps.IfMatch(http, stream.Aggregate!.Revision) is var stale && stale != Steps.Continue) return stale;
        return Steps.Check(PersonDecisions.RecordExemption(stream.Aggregate, command));
    }

    [WolverinePost("/api/persons/{id}/exemptions", OperationId = "recordExemption"), Tags("Persons"), EndpointSummary("Record a good reason not to work (wichtiger Grund); no health details")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<Created>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(412, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, RecordExemption command, IEventStream<Person> stream, IDocumentSession session)
    {
        Streams.Append(session, PersonDecisions.RecordExemption(stream.Aggregate!, command), Streams.Of(stream));
        return Results.Created($"/api/persons/{command.PersonId}", new Created(command.ExemptionId));
    }
}
