using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

/// <summary>
/// What waits for notification (contract v3a, §§ 41, 43 VwVfG i. V. m. § 1 Abs. 1 NVwVfG): the duty to work exists only
/// once the Heranziehungsbescheid is notified, so a refusal before that day, or while the notice has not gone out,
/// refuses nothing. Staying away (no-show, dropped out) needs the work to have begun too; only an explicit refusal may
/// come before the start.
/// </summary>
public static class RefusalNotification
{
    /// <summary>The day the placement's Heranziehungsbescheid was notified; null while it is not dispatched.</summary>
    public static DateOnly? NotifiedOn(Person person, Placement placement) => person.AssignmentNotice(placement.PlacementId)?.NotifiedOn;

    public static bool Notified(Person person, Placement placement, DateOnly day) => NotifiedOn(person, placement) is { } notified && notified <= day;

    public static Rejection? Check(Person person, Placement placement, RefusalKind kind, DateOnly date)
    {
        if (NotifiedOn(person, placement) is not { } notified)
            return Rejection.Unprocessable("refusal-before-notification", "The Heranziehungsbescheid has not been dispatched; nothing can be refused before its notification.");
        if (date < notified)
            return Rejection.Unprocessable("refusal-before-notification", $"The refusal date lies before the Heranziehungsbescheid was notified ({notified:yyyy-MM-dd}).");
        var begins = placement.StartsOn > notified ? placement.StartsOn : notified;
        if (kind is RefusalKind.NoShow or RefusalKind.DroppedOut && date < begins)
            return Rejection.Unprocessable("refusal-before-start", $"The work begins on {begins:yyyy-MM-dd}; only an explicit refusal can come before it.");
        return null;
    }
}
