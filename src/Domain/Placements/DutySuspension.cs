using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

/// <summary>
/// The suspensive effect of a Widerspruch and a Klage against the Heranziehungsbescheid (§ 86a Abs. 1 SGG). A timely
/// objection suspends the duty back to the notice's notification; it applies again from the notification of an
/// Anordnung der sofortigen Vollziehung, or once the Widerspruchsbescheid's Klage deadline (§ 87 SGG) passed with no
/// lawsuit recorded, or a recorded lawsuit ended. A notice set aside imposed no duty at all. Refusals on suspended days
/// never ground a sanction: proposing and approving ask <see cref="SanctionBar"/>.
/// </summary>
public static class DutySuspension
{
    /// <summary>True when the duty of the placement's Heranziehungsbescheid did not apply on <paramref name="day"/>.</summary>
    public static bool IsDutySuspendedOn(this Person person, Guid placementId, DateOnly day, Policy policy) =>
        person.Placements.TryGetValue(placementId, out var placement) && SuspendedOn(person, placement, day, policy);

    /// <summary>Why a refusal of the placement on <paramref name="day"/> cannot be sanctioned, or null; worded for "A sanction cannot be proposed: …".</summary>
    public static string? SanctionBar(this Person person, Guid placementId, DateOnly day, Policy policy)
    {
        if (!person.Placements.TryGetValue(placementId, out var placement) || placement.Objection is not { } objection) return null;
        if (objection.SetAside) return "the Heranziehungsbescheid was set aside on the objection or lawsuit against it";
        return SuspendedOn(person, placement, day, policy)
            ? $"the duty to work was suspended on {day:yyyy-MM-dd} by the objection against the Heranziehungsbescheid (§ 86a Abs. 1 SGG)"
            : null;
    }

    /// <summary>
    /// A timely objection counts when <c>receivedOn</c> is not after the notice's objection deadline; before notification
    /// there is no deadline yet, and a Widerspruch then is timely.
    /// </summary>
    public static bool IsTimely(Person person, Placement placement, Policy policy) =>
        placement.Objection is { } objection && person.AssignmentNotice(placement.PlacementId) is { } notice
        && (notice.ObjectionDeadline(policy) is not { } deadline || objection.ReceivedOn <= deadline);

#pragma warning disable CS8524 // every named status is listed; a number outside the enum throws
    /// <summary>The objection, or the Klage phase after its dismissal, still runs today: immediate enforcement may be ordered.</summary>
    public static bool ProceedingRunning(Person person, Placement placement, DateOnly today, Policy policy) => placement.Objection switch
    {
        null => false,
        { Status: PlacementObjectionStatus.Pending } => true,
        { Status: PlacementObjectionStatus.Dismissed, Lawsuit: { } lawsuit } => lawsuit.EndedOn is null,
        { Status: PlacementObjectionStatus.Dismissed } o => KlageDeadline(person, o, policy) is not { } deadline || today <= deadline,
        { Status: PlacementObjectionStatus.Upheld } => false,
    };
#pragma warning restore CS8524

    private static bool SuspendedOn(Person person, Placement placement, DateOnly day, Policy policy)
    {
        if (placement.Objection is not { } objection || !IsTimely(person, placement, policy)) return false;
        var notice = person.AssignmentNotice(placement.PlacementId)!;
        if (day < (notice.NotifiedOn ?? notice.IssuedOn)) return false;
        if (objection.SetAside) return true;
        return AppliesAgainFrom(person, objection, policy) is not { } from || day < from;
    }

    // The first day the duty applies again, as far as known; null while nothing has ended the suspension yet.
    private static DateOnly? AppliesAgainFrom(Person person, PlacementObjection objection, Policy policy)
    {
        DateOnly? enforced = objection.EnforcementNoticeId is { } e && person.Notices.TryGetValue(e, out var order) ? order.NotifiedOn : null;
        DateOnly? remedyEnded = objection.Status != PlacementObjectionStatus.Dismissed ? null
            : objection.Lawsuit is { } lawsuit ? lawsuit.EndedOn
            : KlageDeadline(person, objection, policy)?.AddDays(1);
        return enforced is { } a && remedyEnded is { } b ? (a < b ? a : b) : enforced ?? remedyEnded;
    }

    // One month from the Widerspruchsbescheid's notification (§ 87 Abs. 1 and 2 SGG); none before it is notified.
    private static DateOnly? KlageDeadline(Person person, PlacementObjection objection, Policy policy) =>
        objection.DecisionNoticeId is { } id && person.Notices.TryGetValue(id, out var notice) ? notice.RemedyDeadline(policy) : null;
}
