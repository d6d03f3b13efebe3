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
    long AmountCents) : IDomainEvent
{
    /// <summary>The service's day of the correction: a hearing cannot be held before it. Null on recoveries opened before it was recorded.</summary>
    public DateOnly? OpenedOn { get; init; }
}

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
    public DateOnly? OpenedOn { get; init; }

    public DateOnly? HeardOn { get; init; }

    public string? HeardBy { get; init; }

    public string? DecidedBy { get; init; }

    public DateOnly? ObjectionReceivedOn { get; init; }

    public static Recovery Start(RecoveryOpened e) =>
        new(e.RecoveryId, e.PersonId, e.PlacementId, e.EntryId, e.RunId, e.Municipality, e.Minutes, e.AmountCents, RecoveryStatus.Open, null)
        {
            OpenedOn = e.OpenedOn,
        };

    /// <summary>The recovery after one of its events (others leave it as it is).</summary>
    public Recovery When(object e) => e switch
    {
        RecoveryHeard h when h.RecoveryId == Id => this with { Status = RecoveryStatus.Heard, HeardOn = h.HeldOn, HeardBy = h.HeardBy },
        RecoveryDecided d when d.RecoveryId == Id => this with
        {
            Status = d.Outcome == RecoveryOutcome.Recover ? RecoveryStatus.Decided : RecoveryStatus.Waived, DecidedBy = d.DecidedBy, NoticeId = d.NoticeId,
        },
        RecoveryObjectionFiled o when o.RecoveryId == Id => this with { ObjectionReceivedOn = o.ReceivedOn },
        _ => this,
    };
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
