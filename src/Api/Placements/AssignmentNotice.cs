using AGH.Api.Notices;
using AGH.Api.Payouts;

namespace AGH.Api.Placements;

/// <summary>
/// The Heranziehungsbescheid of a placement as PDF, in the wording recorded when it was served (PersonAssigned.NoticeVersion),
/// with the allowance rate in force on the start date. Readers and visibility as for the placement itself.
/// </summary>
[CaseReader]
public static class AssignmentNoticeEndpoint
{
    /// <summary>Der Heranziehungsbescheid des Einsatzes als PDF</summary>
    /// <remarks>The assignment notice (§ 5 Abs. 1 to 5 AsylbLG) with Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 and 3, § 1a Abs. 1,
    /// § 14 AsylbLG) and Rechtsbehelfsbelehrung (§ 37 Abs. 6 VwVfG, § 84 SGG), in the wording the placement records as noticeVersion;
    /// 409 notice-external for a notice served outside the service (assigned with noticeServedOn).</remarks>
    [WolverineGet("/api/placements/{id}/notice", OperationId = "getAssignmentNotice"), Tags("Placements")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts) =>
        VisibleRead.Answer(PlacementQueries.Visible, "placement", id, http, session,
            found => AssignmentNoticePdf.Answer(http, session, found.Person, found.Placement, notices, payouts));
}
