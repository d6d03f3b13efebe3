using AGH.Domain.Common;

namespace AGH.Domain.Payouts;

/// <summary>
/// A correction lowered hours a released run had paid: the person owes the difference. Never netted against a later
/// payment (no negative line); recovering it needs a hearing and an Erstattungsbescheid (§ 50 Abs. 2 SGB X through
/// § 9 Abs. 4 AsylbLG). Written to the person's stream in the same append as the correction, so one never exists
/// without the other. <paramref name="EntryId"/> is the original entry (the chain the runs paid).
/// </summary>
public sealed record RecoveryOpened(
    Guid PersonId,
    Guid RecoveryId,
    Guid PlacementId,
    Guid EntryId,
    Guid CorrectionEntryId,
    Guid RunId,
    string Municipality,
    int Minutes,
    int RateCents,
    long AmountCents) : IDomainEvent;

public enum RecoveryStatus
{
    Open,
    Heard,
    Decided,
    Final,
    Waived,
}

/// <summary>One recovery as the list shows it; <see cref="Minutes"/> are the paid minutes it takes back.</summary>
public sealed record Recovery(
    Guid Id,
    Guid PersonId,
    Guid PlacementId,
    Guid EntryId,
    Guid RunId,
    string Municipality,
    int Minutes,
    long AmountCents,
    RecoveryStatus Status,
    Guid? NoticeId)
{
    public static Recovery Start(RecoveryOpened e) =>
        new(e.RecoveryId, e.PersonId, e.PlacementId, e.EntryId, e.RunId, e.Municipality, e.Minutes, e.AmountCents, RecoveryStatus.Open, null);
}

/// <summary>What released runs paid for one entry chain: the minutes, and the latest such run.</summary>
public sealed record ReleasedPayment(int Minutes, Guid RunId);

public static class RecoveryDecisions
{
    /// <summary>
    /// A correction to <paramref name="newMinutes"/> of an entry released runs paid <paramref name="paid"/> for, of which
    /// <paramref name="recoveredMinutes"/> are already being recovered: the paid minutes above the new value are owed back.
    /// No recovery when nothing released was paid or the correction does not go below what stays paid.
    /// </summary>
    public static IReadOnlyList<StreamEvent> OnCorrection(Guid personId, string municipality, Guid placementId, Guid entryId, Guid correctionEntryId,
        int newMinutes, ReleasedPayment? paid, int recoveredMinutes, int rateCents)
    {
        if (paid is null) return [];
        var owed = paid.Minutes - recoveredMinutes - newMinutes;
        if (owed <= 0) return [];
        return [new StreamEvent(personId, new RecoveryOpened(personId, DeterministicId.From("agh:recovery:" + correctionEntryId), placementId, entryId,
            correctionEntryId, paid.RunId, municipality, owed, rateCents, RateTable.Amount(owed, rateCents)))];
    }
}
