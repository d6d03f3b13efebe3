using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Sanctions;

/// <summary>
/// Which restriction period an objection attacks (contract v3, "exact rules": filing defaults to the latest notified
/// period, deciding to the pending objection) and whether it came in time.
/// </summary>
public static class ObjectionPeriods
{
    /// <summary>The latest period whose notice was notified and which stands; period 1 while nothing is notified.</summary>
    public static int LatestNotified(Restriction restriction) =>
        restriction.Periods.LastOrDefault(p => p.NotifiedOn is not null && !p.Withdrawn)?.N ?? 1;

    /// <summary>The period's objection when one is named; otherwise the latest pending one, else the latest one.</summary>
    public static Objection? ToDecide(SanctionProposal proposal, int? period) => period is { } n
        ? proposal.ObjectionFor(n)
        : proposal.Objections.LastOrDefault(o => o.Status == ObjectionStatus.Pending) ?? proposal.Objection;

    /// <summary>
    /// Received by the period's notice's objection deadline (§ 84 SGG); before notification there is no deadline yet.
    /// Objections recorded before periods existed count as timely.
    /// </summary>
    public static bool IsTimely(Person person, SanctionProposal proposal, Objection objection, Policy policy) =>
        objection.RecordedBeforePeriods
        || proposal.Restriction?.Periods.FirstOrDefault(p => p.N == objection.Period) is not { } period
        || !person.Notices.TryGetValue(period.NoticeId, out var notice)
        || notice.ObjectionDeadline(policy) is not { } deadline
        || objection.ReceivedOn <= deadline;
}
