namespace AGH.Domain.Common;

/// <summary>
/// The languages (ISO 639-1) the person may be informed in (contract v3b's informationLanguage): hearing invitations now,
/// the assignment's informationLanguage and the notices' annexes with v3b.
/// </summary>
public static class InformationLanguages
{
    public static readonly IReadOnlyList<string> All = ["de", "en", "ar", "fa", "ps", "ku", "ti", "so", "tr", "ru", "uk", "fr"];

    /// <summary>Exact, lower-case codes only: "AR" or " ar" is not a code of the list.</summary>
    public static bool Contains(string code) => All.Contains(code, StringComparer.Ordinal);
}
