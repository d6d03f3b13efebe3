using System.ComponentModel;
using AGH.Api.Offers;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>
/// Heranziehung (§ 5 Abs. 4 AsylbLG): the social office assigns an eligible person to a free place after serving the
/// assignment notice with the Rechtsfolgenbelehrung.
/// </summary>
[Caseworker]
public static class AssignPersonEndpoint
{
    public sealed record Request([property: Required] Guid? PersonId, [property: Required] Guid? OfferId, [property: Description("Only for a notice served outside the service; without it the assignment issues the Heranziehungsbescheid today.")] DateOnly? NoticeServedOn, [property: Required] DateOnly? StartsOn, [property: Required] int? HoursPerWeek);

    /// <summary>The answer: the placement and its Heranziehungsbescheid.</summary>
    public sealed record Assigned(Guid Id, Guid NoticeId);

    public static (AssignPerson?, ProblemDetails) Validate(Request? body, HttpContext http) => Parse.Body(body, (b, v) => new AssignPerson(Guid.CreateVersion7(),
        v.Id(b.PersonId, "personId"), v.Id(b.OfferId, "offerId"), v.OptionalDate(b.NoticeServedOn, "noticeServedOn"),
        v.Date(b.StartsOn, "startsOn"), v.Range(b.HoursPerWeek, "hoursPerWeek", 1, 168), Access.Actor(http)));

    public static Decision Decide(AssignPerson command, AssignmentParties parties, Policy policy, Clock clock) =>
        PlacementDecisions.Assign(parties.Offer!.Aggregate!, parties.Person!.Aggregate!, command, policy, clock.Today);

    [WolverinePost("/api/placements", OperationId = "assignPerson"), Tags("Placements"), EndpointSummary("Assign a person to an offer after the Heranziehungsbescheid was served")]
    [ProducesResponseType<Assigned>(201)]
    public static IResult Handle(Request body, AssignPerson command) => Results.Created($"/api/placements/{command.PlacementId}",
        new Assigned(command.PlacementId, AGH.Domain.Notices.NoticeIssuing.IdFor(command.PlacementId, AGH.Domain.Notices.NoticeKind.Heranziehungsbescheid, 0)));
}
