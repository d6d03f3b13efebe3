using AGH.Api.Payouts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AGH.Api.Notices;

/// <summary>A notice as PDF, in the wording recorded with it; visible as its person is. External notices have none.</summary>
[CaseReader]
public static class NoticePdfEndpoint
{
    /// <summary>Der Bescheid als PDF</summary>
    /// <remarks>Heranziehungsbescheid, Einschränkungsbescheid, Mitteilung, Fortsetzungsbescheid (v2), Abhilfebescheid, Widerspruchsbescheid or Erstattungsbescheid as served, its "Datum" the notice's issuedOn.
    /// 409 notice-external for a notice served outside the service; 409 notice-not-renderable for kinds the service does not render yet.
    /// annex (ar, fa, uk, ru, tr, en) appends a translation of the Rechtsfolgenbelehrung and Rechtsbehelfsbelehrung, marked
    /// "Übersetzung – nicht rechtsverbindlich", and records it on the notice's annexes; any other value, de and an empty one
    /// included, is 422 annex-not-available, after the 404s and 409s of the notice.</remarks>
    [WolverineGet("/api/notices/{id}/pdf", OperationId = "getNoticePdf"), Tags("Notices")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409, 422)]
    public static Task<IResult> Get(Guid id, string? annex, HttpContext http, IQuerySession session, IDocumentStore store, NoticeSettings notices,
        PayoutSettings payouts) =>
        VisibleRead.Answer(NoticeAccess.Visible, "notice", id, http, session, async found =>
        {
            var answer = await NoticeRendering.AsServed(found.Person, found.Notice, http, session, notices, payouts);
            // Without annex the notice as served; with one, the notice's own 404s and 409s answer first (exact rules' order).
            if (!http.Request.Query.ContainsKey("annex") || answer is not FileContentHttpResult file) return answer;
            if (AnnexTranslations.For(annex, found.Notice.Version) is not { } translation) return TranslatedAnnex.NotAvailable(annex);
            var pdf = TranslatedAnnex.Append(file.FileContents.ToArray(), translation, found.Notice.Kind, notices.For(found.Notice.Authority));
            await TranslatedAnnex.Record(store, Access.Actor(http), found.Person.Id, found.Notice.NoticeId, translation, http.RequestAborted);
            return NoticeResults.Pdf(http, pdf, $"{found.Notice.Version}-{translation.Version}", found.Notice.NoticeId);
        });
}
