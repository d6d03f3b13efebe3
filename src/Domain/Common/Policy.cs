namespace AGH.Domain.Common;

/// <summary>Rules that are policy rather than law (domain.md "Invariants"): configurable per deployment. The retirement age is law, not policy: see <see cref="RetirementAge"/>.</summary>
public sealed record Policy
{
    public int MinimumAge { get; init; } = 18;
    public int DailyCapMinutes { get; init; } = 480;
    public int WeeklyCapMinutes { get; init; } = 30 * 60;

    /// <summary>A sanction is decided promptly: an approval later than this many days after the refusal is 422 refusal-too-old.</summary>
    public int MaxDaysRefusalToDecision { get; init; } = 90;

    /// <summary>A restriction may be continued only within this many last days of its period (§ 14 Abs. 2 AsylbLG).</summary>
    public int ContinuationWindowDays { get; init; } = 45;

    /// <summary>A Heranziehungsbescheid's <c>until</c> lies at most this many months (counted by § 188 Abs. 2 BGB) after its start (contract v3b).</summary>
    public int MaxPlacementMonths { get; init; } = 6;

    /// <summary>
    /// Notice wording versions whose Rechtsbehelfsbelehrung is known to be wrong ("Notices:DefectiveVersions"): their
    /// remedy runs a year (§ 66 Abs. 2 SGG) wherever a deadline counts, in the notice and in the suspension it decides.
    /// </summary>
    public IReadOnlyList<string> DefectiveNoticeVersions { get; init; } = [];

    public bool WordingDefective(string? version) => version is not null && DefectiveNoticeVersions.Contains(version, StringComparer.Ordinal);

    public static readonly Policy Default = new();
}
