using AGH.Api.Municipalities;

namespace AGH.Api.Notices;

/// <summary>The PDF answer of both notice routes, and what they share.</summary>
public static class NoticeResults
{
    public const string ContentType = "application/pdf";

    /// <summary>Inline, so a browser shows it; the file name carries the wording's version.</summary>
    public static IResult Pdf(HttpContext http, byte[] pdf, string version, Guid id)
    {
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{version}-{id}.pdf\"";
        return Results.File(pdf, ContentType);
    }

    public static string Office(string municipality) =>
        "Sozialamt " + (MunicipalityCatalog.All.FirstOrDefault(m => m.Id == municipality)?.Name ?? municipality);
}
