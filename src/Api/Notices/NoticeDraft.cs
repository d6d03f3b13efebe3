using PdfSharp.Drawing;
using PdfSharp.Pdf.IO;

namespace AGH.Api.Notices;

/// <summary>The draft's marks on a notice's PDF: a banner on every page and a diagonal watermark (the preview route).</summary>
public static class NoticeDraft
{
    public const string Marker = "ENTWURF";
    public const string Banner = "Entwurf – noch nicht versandt, nicht rechtsverbindlich";

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
