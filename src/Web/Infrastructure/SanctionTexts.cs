namespace AGH.Web.Infrastructure;

/// <summary>The periods the due-for-review filters offer (the enum labels are in <see cref="Labels"/>).</summary>
public static class SanctionTexts
{
    /// <summary>Names every way the within select offers, in days.</summary>
    public static readonly IReadOnlyList<(int Days, string Label)> Within =
        [(7, "7 Tagen"), (14, "14 Tagen"), (30, "30 Tagen"), (60, "60 Tagen"), (90, "90 Tagen"), (183, "6 Monaten"), (366, "12 Monaten")];
}
