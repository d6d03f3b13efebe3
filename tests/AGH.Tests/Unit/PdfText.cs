using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AGH.Tests.Unit;

/// <summary>A PDF's text as a reader sees it: every page in reading order, whitespace (line breaks included) collapsed.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf) => Of(pdf, out _);

    public static string Of(byte[] pdf, out int pages)
    {
        using var document = PdfDocument.Open(pdf);
        pages = document.NumberOfPages;
        var text = string.Join(" ", document.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)));
        return Regex.Replace(text, @"\s+", " ");
    }
}
