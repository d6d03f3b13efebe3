using AGH.Api.Payouts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AGH.Api.Notices;

/// <summary>A notice as PDF, in the wording recorded with it; visible as its person is. External notices have none.</summary>
[CaseReader]
public static class NoticePdfEndpoint
{
    [WolverineGet("/api/notices/{id}/pdf", OperationId = "getNoticePdf"), Tags("Notices")]
    [EndpointSummary("Der Bescheid als PDF")]
    [EndpointDescription("Heranziehungsbescheid, Einschränkungsbescheid, Mitteilung, Fortsetzungsbescheid (v2), Abhilfebescheid, Widerspruchsbescheid or Erstattungsbescheid as served, its \"Datum\" the notice's issuedOn. "
        + "409 notice-external for a notice served outside the service; 409 notice-not-renderable for kinds the service does not render yet. "
        + "annex (ar, fa, uk, ru, tr, en) appends a translation of the Rechtsfolgenbelehrung and Rechtsbehelfsbelehrung, marked "
        + "\"Übersetzung – nicht rechtsverbindlich\", and records it on the notice's annexes; any other value, de and an empty one "
        + "included, is 422 annex-not-available, after the 404s and 409s of the notice.")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409, 422)]
    public static Task<IResult> Get(Guid id, string? annex, HttpContext http, IQuerySession session, IDocumentStore store, NoticeSettings notices,
        PayoutSettings payouts) =>
        VisibleRead.Answer(NoticeAccess.Visible, "notice", id, http, session, async found =>
        {
            var answer = await Pdf(found.Person, found.Notice, http, session, notices, payouts);
            // Without annex the notice as served; with one, the notice's own 404s and 409s answer first (exact rules' order).
            if (!http.Request.Query.ContainsKey("annex") || answer is not FileContentHttpResult file) return answer;
            if (AnnexTranslations.For(annex, found.Notice.Version) is not { } translation) return TranslatedAnnex.NotAvailable(annex);
            var pdf = TranslatedAnnex.Append(file.FileContents.ToArray(), translation, found.Notice.Kind, notices.For(found.Notice.Authority));
            await TranslatedAnnex.Record(store, Access.Actor(http), found.Person.Id, found.Notice.NoticeId, translation, http.RequestAborted);
            return NoticeResults.Pdf(http, pdf, $"{found.Notice.Version}-{translation.Version}", found.Notice.NoticeId);
        });

    /// <summary>The notice rendered as served (or as it would be served, for the preview); its 404s and 409s otherwise.</summary>
    internal static async Task<IResult> Pdf(Person person, Notice notice, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts)
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
