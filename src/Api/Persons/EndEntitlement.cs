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
[Caseworker]
public static class EndEntitlementEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] string? Reason);

    public static (EndEntitlement?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) =>
        new EndEntitlement(id, v.Date(b.Date, "date"), v.Text(b.Reason, "reason", 1000)));

    // Ending the entitlement frees the active placement's place: its offer is locked too.
    public static Task<IEventStream<Person>?> LoadAsync(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        CommandStreams.Person(session, id, http, ct, writesActiveOffer: true);

    public static Decision Decide(EndEntitlement command, IEventStream<Person> stream, Clock clock) =>
        PersonDecisions.EndEntitlement(stream.Aggregate!, command, clock.Today);

    [WolverinePost("/api/persons/{id}/entitlement-end", OperationId = "endEntitlement"), Tags("Persons"), EndpointSummary("Record the end of the AsylbLG entitlement (Ende der Leistungsberechtigung)")]
    [ProducesResponseType<PersonDto>(200)]
    public static IResult Handle(Request body, IEventStream<Person> stream, Decision decision, Clock clock) =>
        PersonResults.Ok(stream.Aggregate!, decision, clock.Today);
}
