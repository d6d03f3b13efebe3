using AGH.Api.Payouts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AGH.Api.Notices;

/// <summary>
/// The notice as it would go out, before anyone dispatches it (contract v3d): the same rendering as the PDF route, every
/// page marked "Entwurf", so free text written by staff is read once before it binds. Visible as its person is.
/// </summary>
[CaseReader]
public static class NoticePreviewEndpoint
{
    /// <summary>Der Bescheid als Entwurf (PDF), vor dem Versand</summary>
    /// <remarks>The notice's PDF as GET /api/notices/{id}/pdf renders it, every page marked "Entwurf" (a banner at the top and a
    /// diagonal watermark). Only before dispatch: a notice that went out (dispatch recorded) is 409 already-dispatched, its PDF as
    /// served is GET /api/notices/{id}/pdf; after a receipt not-received or returned it may be previewed again. The 404s and the
    /// 409s of the PDF route (notice-external, notice-not-renderable, not-decided) apply in that order after already-dispatched.
    /// Reading it records nothing.</remarks>
    [WolverineGet("/api/notices/{id}/preview", OperationId = "getNoticePreview"), Tags("Notices")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts) =>
        VisibleRead.Answer(NoticeAccess.Visible, "notice", id, http, session, async found =>
        {
            if (found.Notice.Dispatch is { } dispatch)
                return Problems.Create(409, "already-dispatched", "Conflict",
                    $"The notice was dispatched on {dispatch.On:yyyy-MM-dd}; GET /api/notices/{id}/pdf gives it as served.");
            var answer = await NoticeRendering.AsServed(found.Person, found.Notice, http, session, notices, payouts);
            if (answer is not FileContentHttpResult file) return answer;
            http.Response.Headers.CacheControl = "no-store";
            return NoticeResults.Pdf(http, NoticeDraft.Mark(file.FileContents.ToArray()), $"entwurf-{found.Notice.Version}", found.Notice.NoticeId);
        });
}
