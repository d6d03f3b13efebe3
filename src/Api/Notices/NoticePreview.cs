using AGH.Api.Payouts;
using Microsoft.AspNetCore.Http.HttpResults;
using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;

namespace AGH.Api.Notices;

/// <summary>
/// The notice as it would go out, before anyone dispatches it (contract v3d): the same rendering as the PDF route, every
/// page marked "Entwurf", so free text written by staff is read once before it binds. Visible as its person is.
/// </summary>
[CaseReader]
public static class NoticePreviewEndpoint
{
    public const string Marker = "ENTWURF";
    public const string Banner = "Entwurf – noch nicht versandt, nicht rechtsverbindlich";

    [WolverineGet("/api/notices/{id}/preview", OperationId = "getNoticePreview"), Tags("Notices")]
    [EndpointSummary("Der Bescheid als Entwurf (PDF), vor dem Versand")]
    [EndpointDescription("The notice's PDF as GET /api/notices/{id}/pdf renders it, every page marked \"Entwurf\" (a banner at the top and a "
        + "diagonal watermark). Only before dispatch: a notice that went out (dispatch recorded) is 409 already-dispatched, its PDF as "
        + "served is GET /api/notices/{id}/pdf; after a receipt not-received or returned it may be previewed again. The 404s and the "
        + "409s of the PDF route (notice-external, notice-not-renderable, not-decided) apply in that order after already-dispatched. "
        + "Reading it records nothing.")]
    [ProducesResponseType(typeof(Stream), 200, NoticeResults.ContentType), AnswersProblems(403, 404, 409)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, NoticeSettings notices, PayoutSettings payouts) =>
        VisibleRead.Answer(NoticeAccess.Visible, "notice", id, http, session, async found =>
        {
            if (found.Notice.Dispatch is { } dispatch)
                return Problems.Create(409, "already-dispatched", "Conflict",
                    $"The notice was dispatched on {dispatch.On:yyyy-MM-dd}; GET /api/notices/{id}/pdf gives it as served.");
            var answer = await NoticePdfEndpoint.Pdf(found.Person, found.Notice, http, session, notices, payouts);
            if (answer is not FileContentHttpResult file) return answer;
            http.Response.Headers.CacheControl = "no-store";
            return NoticeResults.Pdf(http, Mark(file.FileContents.ToArray()), $"entwurf-{found.Notice.Version}", found.Notice.NoticeId);
        });

    /// <summary>Every page of <paramref name="pdf"/> with the draft banner above the letterhead and a light diagonal watermark.</summary>
    public static byte[] Mark(byte[] pdf)
    {
        NoticeFonts.Register();
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        var banner = new XFont(NoticeFonts.Family, 9, XFontStyleEx.Bold);
        var watermark = new XFont(NoticeFonts.Family, 96, XFontStyleEx.Bold);
        var red = new XSolidBrush(XColor.FromArgb(255, 176, 0, 32));
        var light = new XSolidBrush(XColor.FromArgb(48, 176, 0, 32));
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var (width, height) = (page.Width.Point, page.Height.Point);
            gfx.DrawString(Banner, banner, red, new XPoint(70, 22), XStringFormats.TopLeft);
            var state = gfx.Save();
            gfx.TranslateTransform(width / 2, height / 2);
            gfx.RotateTransform(-50);
            gfx.DrawString(Marker, watermark, light, new XPoint(0, 0), XStringFormats.Center);
            gfx.Restore(state);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
