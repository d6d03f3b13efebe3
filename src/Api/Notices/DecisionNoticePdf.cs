namespace AGH.Api.Notices;

/// <summary>
/// The notice on a decided sanction proposal as PDF (GET /api/notices/{id}/pdf and its alias on the proposal): the
/// decision as recorded (its period and wording), dated <c>issuedOn</c> where the notice is a resource, else the day the
/// decision was recorded.
/// </summary>
public static class DecisionNoticePdf
{
    public static async Task<IResult> Answer(HttpContext http, IQuerySession session, Person person, SanctionProposal proposal, NoticeSettings notices,
        DateOnly? issuedOn = null)
    {
        if (proposal.Decision is null)
            return Problems.Create(409, "not-decided", "Conflict", "The proposal has not been decided yet; the notice exists once an official has decided.");
        if (!person.Placements.TryGetValue(proposal.PlacementId, out var placement) || !placement.Refusals.TryGetValue(proposal.RefusalId, out var refusal))
            return Problems.NotFound("sanction proposal").Answer();
        var offer = await session.LoadAsync<Offer>(placement.OfferId, http.RequestAborted);
        // The decision as it was recorded: its period may since have been shortened or continued, the notice stays as served.
        var events = await session.Events.FetchStreamAsync(person.Id, token: http.RequestAborted);
        var decided = events.LastOrDefault(e => e.Data is SanctionDecided d && d.ProposalId == proposal.ProposalId);
        if (offer is null || decided is null) return Problems.NotFound("sanction proposal").Answer();

        var recorded = (SanctionDecided)decided.Data;
        var version = RestrictionNoticeText.VersionFor(recorded);
        // Signed with the name the notice recorded (v2 prints it; v1 keeps its recorded wording).
        var signedBy = recorded.NoticeId is { } noticeId && person.Notices.TryGetValue(noticeId, out var notice) ? notice.IssuedByName : null;
        var data = new RestrictionNoticeData(person, placement, offer, refusal, recorded,
            issuedOn ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(decided.Timestamp, Clock.Berlin).DateTime), NoticeResults.Office(person.Municipality),
            signedBy);
        // The letterhead and objection address of the authority that issued it (contract v3b), else the person's municipality's.
        var authority = person.Notices.Values.FirstOrDefault(n => n.SubjectId == proposal.ProposalId)?.Authority ?? person.Municipality;
        return NoticeResults.Pdf(http, RestrictionNoticeText.Render(version, data, notices.For(authority)), version, proposal.ProposalId);
    }
}
