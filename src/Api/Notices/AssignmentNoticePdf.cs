using AGH.Api.Payouts;

namespace AGH.Api.Notices;

/// <summary>
/// The Heranziehungsbescheid of a placement as PDF, in the wording recorded with it, dated with its notice's issuedOn and
/// with the allowance rate in force on the start date (GET /api/notices/{id}/pdf and its alias on the placement).
/// </summary>
public static class AssignmentNoticePdf
{
    public static async Task<IResult> Answer(HttpContext http, IQuerySession session, Person person, Placement placement, NoticeSettings notices,
        PayoutSettings payouts)
    {
        var offer = await session.LoadAsync<Offer>(placement.OfferId, http.RequestAborted);
        if (offer is null || person.AssignmentNotice(placement.PlacementId) is not { } notice) return Problems.NotFound("placement").Answer();
        if (notice.Origin == Domain.Notices.NoticeOrigin.External) return NoticePdfProblems.External();
        var version = AssignmentNoticeText.VersionFor(placement);
        var data = new AssignmentNoticeData(person, placement, offer, NoticeResults.Office(placement.Municipality),
            payouts.RateTable.CentsOn(placement.StartsOn), notice.IssuedOn, notice.IssuedByName);
        return NoticeResults.Pdf(http, AssignmentNoticeText.Render(version, data, notices.For(notice.Authority)), version, placement.PlacementId);
    }
}

/// <summary>The 409s of a notice that has no PDF from the service.</summary>
public static class NoticePdfProblems
{
    public static IResult External() => Problems.Create(409, "notice-external", "Conflict",
        "The notice was served outside the service; only its service date is recorded, there is no PDF.");

    public static IResult NotRenderable(string kind) => Problems.Create(409, "notice-not-renderable", "Conflict",
        $"The service does not render {kind} notices yet.");
}
