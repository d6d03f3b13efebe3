using AGH.Web.Api;

namespace AGH.Web.Pages.Notices;

/// <summary>The German words for a notice's remedy and its state, shared by the notice page, the person page and the inbox.</summary>
public static class NoticeTexts
{
    /// <summary>The API's <c>remedy</c> code; an unknown code shows as it is, so a new one is visible rather than mislabelled.</summary>
    public static string Remedy(string? code) => code switch
    {
        "widerspruch" => "Widerspruch (§ 84 SGG)",
        "klage" => "Klage beim Sozialgericht (§ 87 SGG)",
        "antrag-86b" => "Antrag an das Gericht (§ 86b Abs. 1 SGG), ohne Frist",
        "none" => "kein Rechtsbehelf",
        null or "" => "–",
        _ => code,
    };

    /// <summary>Whether the API renders the notice (GET /api/notices/{id}/pdf): a service notice of a kind it renders.</summary>
    public static bool HasPdf(NoticeDto n) => n.Origin == NoticeOrigin.Service
        && n.Kind is NoticeKind.Heranziehungsbescheid or NoticeKind.Einschraenkungsbescheid or NoticeKind.Mitteilung;

    /// <summary>The notices whose Belehrungen the API translates (GET /api/notices/{id}/pdf?annex=): those with a PDF.</summary>
    public static bool HasAnnex(NoticeDto n) => HasPdf(n);

    /// <summary>The languages with a translated annex (the API answers 422 annex-not-available for the others).</summary>
    public static readonly IReadOnlyList<string> AnnexLanguages = ["ar", "fa", "uk", "ru", "tr", "en"];

    public static bool AwaitingDispatch(NoticeDto n) => n.Dispatch is null;

    /// <summary>The state in words (never colour only): waiting for dispatch, dispatched but not notified, or notified on a day.</summary>
    public static string State(NoticeDto n) =>
        n.Dispatch is null ? "wartet auf den Versand"
        : n.NotifiedOn is { } on ? $"bekanntgegeben am {AGH.Web.Infrastructure.Format.Date(on)}"
        : "versandt, Bekanntgabe offen";

    public static string Css(NoticeDto n) => n.Dispatch is null ? "warn" : "ok";
}
