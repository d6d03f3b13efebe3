namespace AGH.Domain.Common;

/// <summary>Rules that are policy rather than law (domain.md "Invariants"): configurable per deployment.</summary>
public sealed record Policy
{
    public int MinimumAge { get; init; } = 18;
    public int RetirementAge { get; init; } = 67;
    public int DailyCapMinutes { get; init; } = 480;
    public int WeeklyCapMinutes { get; init; } = 30 * 60;

    public static readonly Policy Default = new();
}
