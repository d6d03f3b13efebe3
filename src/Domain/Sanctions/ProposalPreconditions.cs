using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Domain.Sanctions;

/// <summary>
/// What a sanction rests on, checked when it is proposed and again, on the facts of that day, when it is decided
/// (contract v3a: "decided on today's facts").
/// </summary>
public static class ProposalPreconditions
{
    /// <summary>
    /// The notice with Rechtsfolgenbelehrung preceded the refusal, the refusal was assessed without good cause on a day
    /// the person was obliged to work and no pending Widerspruch suspended the duty, and the person was heard (§ 28 VwVfG)
    /// after the refusal or let the invitation's deadline pass.
    /// </summary>
    public static List<string> Missing(Person person, Placement placement, Refusal refusal, Policy policy, DateOnly today)
    {
        var missing = new List<string>();
        // A refusal on or after the notification may ground a proposal: one at the hand-over counts (contract v3a).
        if (!RefusalNotification.Notified(person, placement, refusal.Date)) missing.Add("the notice with Rechtsfolgenbelehrung was not notified by the refusal day");
        if (person.NotObligedReason(refusal.Date) is { } notObliged) missing.Add($"the person had no duty to work on the refusal date ({notObliged}), a good reason by law");
        if (person.SanctionBar(placement.PlacementId, refusal.Date, policy) is { } barred) missing.Add(barred);
        if (refusal.Assessment is null) missing.Add("the refusal has not been assessed");
        else if (refusal.Assessment.GoodCause) missing.Add("a good cause was recognised");
        if (HearingDecisions.StateOf(refusal, today) != HearingState.Satisfied)
            missing.Add(refusal.Hearing is null ? "no hearing was held" : "the hearing lies before the refusal");
        return missing;
    }

    /// <summary>
    /// What has changed since the refusal: the person worked on the placement after it (the duty was fulfilled), the
    /// entitlement ended, or the person is excluded from benefits today. <paramref name="hoursAfterRefusal"/> holds at
    /// least the person's hours after the refusal's day.
    /// </summary>
    public static IEnumerable<string> MissingToday(Person person, Placement placement, Refusal refusal, HourLog hoursAfterRefusal, DateOnly today)
    {
        var worked = hoursAfterRefusal.EffectiveOf(placement.PlacementId).Where(e => e.Minutes > 0 && e.Date > refusal.Date)
            .Select(e => e.Date).Order().FirstOrDefault();
        if (worked != default) yield return $"the person worked on the placement on {worked:yyyy-MM-dd}, after the refusal: the duty was fulfilled";
        if (person.EntitlementEndedOn is { } ended) yield return $"the entitlement ended on {ended:yyyy-MM-dd}";
        if (person.IsExcludedOn(today)) yield return "the person is excluded from benefits under § 1 Abs. 4 AsylbLG";
    }
}
