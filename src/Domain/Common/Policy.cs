namespace AGH.Domain.Common;

/// <summary>Rules that are policy rather than law (domain.md "Invariants"): configurable per deployment. The retirement age is law, not policy: see <see cref="RetirementAge"/>.</summary>
public sealed record Policy
{
    public int MinimumAge { get; init; } = 18;
    public int DailyCapMinutes { get; init; } = 480;
    public int WeeklyCapMinutes { get; init; } = 30 * 60;

    public static readonly Policy Default = new();
}
