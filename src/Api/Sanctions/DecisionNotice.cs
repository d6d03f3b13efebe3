using AGH.Api.Notices;

namespace AGH.Api.Sanctions;

/// <summary>
/// The notice on a decided sanction proposal as PDF: the Bescheid on the restriction for an approval, a Mitteilung that
/// no restriction is imposed for a rejection; 409 not-decided before the decision. It prints the decision as recorded
/// (its period and wording, SanctionDecided.NoticeVersion), dated the day it was recorded.
/// </summary>
[CaseReader]
public static class DecisionNoticeEndpoint
{
    /// <summary>Der Bescheid über die Entscheidung zur Anspruchseinschränkung als PDF</summary>
    /// <remarks>Approved: the Bescheid on the restriction (§ 5 Abs. 4 S. 2 with § 1a Abs. 1, § 14 Abs. 1 AsylbLG; the approval notice
    /// changed under § 9 Abs. 4 S. 1 Nr. 1 AsylbLG with § 48 or § 45 SGB X as the approval recorded) with hearing, reasons (§ 39 VwVfG),
    /// no suspensive effect (§ 11 Abs. 4 AsylbLG) and Rechtsbehelfsbelehrung; einschraenkungsbescheid-v2 also prints the amounts in EUR,
    /// the hardship decision (§ 1a Abs. 1 S. 3 AsylbLG), that § 4 care and family members are not restricted, and the official's name.
    /// Notices decided before render in their recorded wording. Rejected: a Mitteilung that no restriction is imposed.
    /// 409 not-decided while the proposal is pending.</remarks>
    [WolverineGet("/api/sanction-proposals/{id}/notice", OperationId = "getSanctionDecisionNotice"), Tags("Refusals and sanctions")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices) =>
        VisibleRead.Answer(SanctionAccess.Visible, "sanction proposal", id, http, session,
            found => DecisionNoticePdf.Answer(http, session, found.Person, found.Proposal, notices));
}
