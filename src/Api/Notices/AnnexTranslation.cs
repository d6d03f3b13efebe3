namespace AGH.Api.Notices;

/// <summary>
/// A translation of the Belehrungen of the notices the service renders, in the wording of their first German versions
/// (heranziehungsbescheid-v1, einschraenkungsbescheid-v1, keine-einschraenkung-v1), with its own
/// <c>Version</c> (<c>rfb-{language}-v1</c>): a change of the German text or of the translation means a new
/// one. The German notice alone is binding; a sworn translator must review every translation before use (README).
/// Marker is "Übersetzung – nicht rechtsverbindlich" in the language, GermanBinding says that only the German notice binds;
/// Consequences is the Heranziehungsbescheid's Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 and 3 AsylbLG), NoSuspensiveEffect
/// the Einschränkungsbescheid's point 4 (§ 11 Abs. 4 AsylbLG), DutyContinues the Mitteilung's closing sentence, Remedy the
/// Rechtsbehelfsbelehrung (§ 37 Abs. 6 VwVfG, § 84 SGG) given the office a Widerspruch goes to and the authority's e-mail.
/// </summary>
public sealed record AnnexTranslation(
    string Language,
    string Version,
    bool RightToLeft,
    string Marker,
    string GermanBinding,
    string ConsequencesHeading,
    string[] Consequences,
    string NoSuspensiveEffectHeading,
    string NoSuspensiveEffect,
    string DutyContinues,
    string RemedyHeading,
    Func<string, string, string[]> Remedy);

/// <summary>The translations there are; any other language (German included) has no annex.</summary>
public static class AnnexTranslations
{
    public const string GermanMarker = "Übersetzung – nicht rechtsverbindlich";

    public static readonly IReadOnlyList<AnnexTranslation> All =
        [ArabicAnnex.V1, PersianAnnex.V1, UkrainianAnnex.V1, RussianAnnex.V1, TurkishAnnex.V1, EnglishAnnex.V1];

    /// <summary>The v2 translations, of heranziehungsbescheid-v2's corrected Rechtsfolgenbelehrung (contract v3b).</summary>
    public static readonly IReadOnlyList<AnnexTranslation> AllV2 =
        [ArabicAnnex.V2, PersianAnnex.V2, UkrainianAnnex.V2, RussianAnnex.V2, TurkishAnnex.V2, EnglishAnnex.V2];

    public static AnnexTranslation? For(string? language) => All.FirstOrDefault(t => t.Language == language);

    /// <summary>The translation of the wording <paramref name="noticeVersion"/> was served in: v2 for heranziehungsbescheid-v2, else v1.
    /// The Erstattungsbescheid has no translation yet (its Belehrungen are not the ones translated): 422 annex-not-available.</summary>
    public static AnnexTranslation? For(string? language, string? noticeVersion) => noticeVersion == Domain.Common.NoticeVersions.RecoveryNotice
        ? null
        : (noticeVersion == Domain.Common.NoticeVersions.AssignmentNoticeV2 ? AllV2 : All).FirstOrDefault(t => t.Language == language);
}
