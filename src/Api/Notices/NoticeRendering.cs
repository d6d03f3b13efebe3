using AGH.Api.Payouts;

namespace AGH.Api.Notices;

/// <summary>Which renderer serves which kind of notice: the PDF route, its annexes and the draft preview all start here.</summary>
public static class NoticeRendering
{
    /// <summary>The notice rendered as served (or as it would be served, for the preview); its 404s and 409s otherwise.</summary>
    public static async Task<IResult> AsServed(Person person, Notice notice, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts)
    {
        if (notice.Origin == NoticeOrigin.External) return NoticePdfProblems.External();
        // Every kind named: a new kind fails the build (CS8509) until it has a renderer or is listed as not yet rendered.
#pragma warning disable CS8524
        return notice.Kind switch
        {
            NoticeKind.Heranziehungsbescheid => person.Placements.TryGetValue(notice.SubjectId, out var placement)
                ? await AssignmentNoticePdf.Answer(http, session, person, placement, notices, payouts)
                : Problems.NotFound("notice").Answer(),
            NoticeKind.Einschraenkungsbescheid or NoticeKind.Mitteilung => person.Proposals.TryGetValue(notice.SubjectId, out var proposal)
                ? await DecisionNoticePdf.Answer(http, session, person, proposal, notices, notice.IssuedOn)
                : Problems.NotFound("notice").Answer(),
            NoticeKind.Fortsetzungsbescheid => await RemedyNoticePdf.Continuation(http, session, person, notice, notices.For(notice.Authority)),
            NoticeKind.Abhilfebescheid or NoticeKind.Widerspruchsbescheid => await RemedyNoticePdf.Objection(http, session, person, notice, notices.For(notice.Authority)),
            NoticeKind.Erstattungsbescheid => await RecoveryNoticeText.Answer(http, session, person, notice, notices.For(notice.Authority)),
            NoticeKind.AnordnungSofortigeVollziehung or NoticeKind.Aufhebungsbescheid or NoticeKind.Ablehnung =>
                NoticePdfProblems.NotRenderable(Json.EnumValue(notice.Kind)),
        };
#pragma warning restore CS8524
    }
}
