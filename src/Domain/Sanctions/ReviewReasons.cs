using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Domain.Sanctions;

/// <summary>Why a restriction is due for review; the order is the contract's: the first that applies is the row's reason.</summary>
public enum ReviewReason
{
    ExemptOnRefusalDay,
    EntitlementEnded,
    Excluded,
    RetirementAge,
    PlacementEnded,
    Exempt,
    DutyFulfilled,
    Willing,
    PeriodEnding,
}

/// <summary>The reasons that apply to one restriction, as a set with value equality (a bit per <see cref="ReviewReason"/>).</summary>
public readonly record struct ReviewReasonSet(int Bits)
{
    public static readonly ReviewReasonSet None = new(0);

    public static ReviewReasonSet Of(ReviewReason reason) => new(1 << (int)reason);

    public ReviewReasonSet With(ReviewReason reason, bool applies = true) => applies ? new(Bits | 1 << (int)reason) : this;

    public bool IsEmpty => Bits == 0;

    /// <summary>In the contract's order.</summary>
    public IReadOnlyList<ReviewReason> All
    {
        get
        {
            var bits = Bits;
            return Enum.GetValues<ReviewReason>().Where(r => (bits & 1 << (int)r) != 0).ToList();
        }
    }

    /// <summary>Every reason but the period's end makes the restriction due at once, whatever the window.</summary>
    public bool DueAtOnce => (Bits & ~(1 << (int)ReviewReason.PeriodEnding)) != 0;
}

/// <summary>
/// The grounds (§ 14 Abs. 2 AsylbLG, § 48 SGB X) on which a restriction in force must be looked at again at once, each
/// judged after the refusal it rests on.
/// </summary>
public static class ReviewReasons
{
    /// <param name="hoursAfterRefusal">At least the person's hours dated after the refusal's day.</param>
    public static ReviewReasonSet AtOnce(Person person, SanctionProposal proposal, HourLog hoursAfterRefusal, DateOnly today)
    {
        var placement = person.Placements.GetValueOrDefault(proposal.PlacementId);
        var refusalDate = placement?.Refusals.GetValueOrDefault(proposal.RefusalId)?.Date ?? DateOnly.MinValue;
        // Exclusion ends the entitlement on its first day: that end is the exclusion, not an end of its own.
        var endedByExclusion = person.EntitlementEndedOn is { } ended && person.IsExcludedOn(ended);
        return ReviewReasonSet.None
            .With(ReviewReason.ExemptOnRefusalDay, person.IsExemptOn(refusalDate))
            .With(ReviewReason.EntitlementEnded, !person.IsEntitled && !endedByExclusion)
            .With(ReviewReason.Excluded, endedByExclusion || person.IsExcludedOn(today))
            .With(ReviewReason.RetirementAge, RetirementAge.IsReachedOn(person.DateOfBirth, today))
            .With(ReviewReason.PlacementEnded, placement?.EndedOn is { } end && end >= refusalDate)
            .With(ReviewReason.Exempt, person.IsExemptOn(today))
            .With(ReviewReason.DutyFulfilled, hoursAfterRefusal.Effective.Any(e => e.Minutes > 0 && e.Date > refusalDate))
            .With(ReviewReason.Willing, person.WillingnessDeclaredOn.Any(on => on > refusalDate));
    }
}
