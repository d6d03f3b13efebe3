using System.ComponentModel.DataAnnotations;
using AGH.Api.Infrastructure;
using AGH.Api.Offers;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace AGH.Api.Placements;

/// <summary>
/// Heranziehung (§ 5 Abs. 4 AsylbLG): the social office assigns an eligible person to a free place after serving the
/// assignment notice with the Rechtsfolgenbelehrung.
/// </summary>
public static class AssignPersonEndpoint
{
    public sealed record Request([property: Required] Guid? PersonId, [property: Required] Guid? OfferId, [property: Required] DateOnly? NoticeServedOn, [property: Required] DateOnly? StartsOn, [property: Required] int? HoursPerWeek);

    /// <summary>The offer and the person, both locked for the transaction; null where not found or not visible.</summary>
    public sealed record Parties(IEventStream<Offer>? Offer, IEventStream<Person>? Person);

    public static ProblemDetails Before(HttpContext http, IDocumentSession session) =>
        Steps.Require(http, session, Roles.Caseworker);

    public static (AssignPerson?, ProblemDetails) Validate(Request? body)
    {
        if (Steps.Body(body) is var missing && missing != Steps.Continue) return (null, missing);
        var v = new Checks();
        var command = new AssignPerson(Guid.CreateVersion7(), v.Id(body!.PersonId, "personId"), v.Id(body.OfferId, "offerId"),
            v.Date(body.NoticeServedOn, "noticeServedOn"), v.Date(body.StartsOn, "startsOn"), v.Range(body.HoursPerWeek, "hoursPerWeek", 1, 168));
        return v.Failed ? (null, v.Details()) : (command, Steps.Continue);
    }

    // Offer before person, as everywhere, so two commands never deadlock on the two rows.
    public static async Task<Parties> LoadAsync(AssignPerson command, IDocumentSession session, HttpContext http, CancellationToken ct) =>
        new(await Streams.Offer(session, command.OfferId, ct), await CommandStreams.Person(session, command.PersonId, http, ct));

    public static ProblemDetails Validate(AssignPerson command, Parties parties, Policy policy, Clock clock)
    {
        // The person is checked first, as before the move to locked streams.
        if (parties.Person is null) return Problems.NotFoundDetails("person");
        if (parties.Offer is null) return Problems.NotFoundDetails("offer");
        return Steps.Check(Decide(command, parties, policy, clock));
    }

    [WolverinePost("/api/placements", OperationId = "assignPerson"), Tags("Placements"), EndpointSummary("Assign a person to an offer after the Heranziehungsbescheid was served")]
    [DeduplicatedWithResponse(DeduplicationScope.User, Required = false)]
    [ProducesResponseType<CreatedId>(201)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(409, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json")]
    public static IResult Handle(Request body, AssignPerson command, Parties parties, IDocumentSession session, Policy policy, Clock clock)
    {
        Streams.Append(session, Decide(command, parties, policy, clock), Streams.Of(parties.Offer!), Streams.Of(parties.Person!));
        return Results.Created($"/api/placements/{command.PlacementId}", new CreatedId(command.PlacementId));
    }

    private static Decision Decide(AssignPerson command, Parties parties, Policy policy, Clock clock) =>
        PlacementDecisions.Assign(parties.Offer!.Aggregate!, parties.Person!.Aggregate!, command, policy, clock.Today);
}
