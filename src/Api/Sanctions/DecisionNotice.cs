using AGH.Api.Notices;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Sanctions;
using Marten;

namespace AGH.Api.Sanctions;

/// <summary>
/// The notice on a decided sanction proposal as PDF: the Bescheid on the restriction for an approval, a Mitteilung that
/// no restriction is imposed for a rejection; 409 not-decided before the decision. It prints the decision as recorded
/// (its period and wording, SanctionDecided.NoticeVersion), dated the day it was recorded.
/// </summary>
[CaseReader]
public static class DecisionNoticeEndpoint
{
    [WolverineGet("/api/sanction-proposals/{id}/notice", OperationId = "getSanctionDecisionNotice"), Tags("Refusals and sanctions")]
    [EndpointSummary("Der Bescheid über die Entscheidung zur Anspruchseinschränkung als PDF")]
    [EndpointDescription("Approved: the Bescheid on the restriction (§ 5 Abs. 4 S. 2 with § 1a Abs. 1, § 14 Abs. 1 AsylbLG; § 9 Abs. 4 S. 1 "
        + "Nr. 1 AsylbLG with § 48 SGB X) with hearing, reasons (§ 39 VwVfG), no suspensive effect (§ 11 Abs. 4 AsylbLG) and "
        + "Rechtsbehelfsbelehrung. Rejected: a Mitteilung that no restriction is imposed. 409 not-decided while the proposal is pending.")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices)
    {
        if (await SanctionAccess.Visible(session, Access.Actor(http), id, http.RequestAborted) is not ({ } person, { } proposal))
            return Problems.NotFound("sanction proposal").Answer();
        if (proposal.Decision is null)
            return Problems.Create(409, "not-decided", "Conflict", "The proposal has not been decided yet; the notice exists once an official has decided.");
        if (!person.Placements.TryGetValue(proposal.PlacementId, out var placement) || !placement.Refusals.TryGetValue(proposal.RefusalId, out var refusal))
            return Problems.NotFound("sanction proposal").Answer();
        var offer = await session.LoadAsync<Offer>(placement.OfferId, http.RequestAborted);
        // The decision as it was recorded: its period may since have been shortened or continued, the notice stays as served.
        var events = await session.Events.FetchStreamAsync(person.Id, token: http.RequestAborted);
        var decided = events.LastOrDefault(e => e.Data is SanctionDecided d && d.ProposalId == id);
        if (offer is null || decided is null) return Problems.NotFound("sanction proposal").Answer();

        var recorded = (SanctionDecided)decided.Data;
        var version = RestrictionNoticeText.VersionFor(recorded);
        var data = new RestrictionNoticeData(person, placement, offer, refusal, recorded,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(decided.Timestamp, Clock.Berlin).DateTime), NoticeResults.Office(person.Municipality));
        return NoticeResults.Pdf(http, RestrictionNoticeText.Render(version, data, notices), version, id);
    }
}
