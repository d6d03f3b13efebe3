using AGH.Api.Notices;
using AGH.Api.Payouts;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Projections;
using Marten;

namespace AGH.Api.Placements;

/// <summary>
/// The Heranziehungsbescheid of a placement as PDF, in the wording recorded when it was served (PersonAssigned.NoticeVersion),
/// with the allowance rate in force on the start date. Readers and visibility as for the placement itself.
/// </summary>
public static class AssignmentNoticeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/placements/{id:guid}/notice", Get)
            .WithName("getAssignmentNotice")
            .WithTags("Placements")
            .WithSummary("Der Heranziehungsbescheid des Einsatzes als PDF")
            .WithDescription("The assignment notice (§ 5 Abs. 1 to 5 AsylbLG) with Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 and 3, § 1a Abs. 1, "
                + "§ 14 AsylbLG) and Rechtsbehelfsbelehrung (§ 37 Abs. 6 VwVfG, § 84 SGG), in the wording the placement records as noticeVersion.")
            .Produces(200, typeof(Stream), NoticeResults.ContentType)
            .ProducesProblem(403).ProducesProblem(404);

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts)
    {
        var (actor, denied) = Access.Require(http, PlacementAccess.Readers);
        if (denied is not null) return denied.Answer();
        var index = await session.LoadAsync<PlacementIndex>(id, http.RequestAborted);
        if (index is null || !actor!.MaySee(index.Municipality)) return Problems.NotFound("placement").Answer();
        var person = await session.LoadAsync<Person>(index.PersonId, http.RequestAborted);
        if (person is null || !person.Placements.TryGetValue(id, out var placement)) return Problems.NotFound("placement").Answer();
        var offer = await session.LoadAsync<Offer>(placement.OfferId, http.RequestAborted);
        if (offer is null) return Problems.NotFound("placement").Answer();

        var version = AssignmentNoticeText.VersionFor(placement);
        var data = new AssignmentNoticeData(person, placement, offer, NoticeResults.Office(placement.Municipality),
            payouts.RateTable.CentsOn(placement.StartsOn));
        return NoticeResults.Pdf(http, AssignmentNoticeText.Render(version, data, notices), version, id);
    }
}
