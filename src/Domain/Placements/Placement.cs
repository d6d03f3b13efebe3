using System.Collections.Immutable;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Placements;

public enum EndReason
{
    RegularEmployment,
    Training,
    Studies,
    EntitlementEnded,
    OfferEnded,
    MovedAway,
    Other,
}

public enum RefusalKind
{
    Explicit,
    NoShow,
    DroppedOut,
}

/// <summary>
/// The assignment notice (Heranziehungsbescheid) was served and the person is placed. <paramref name="NoticeVersion"/>
/// names the wording served (<see cref="Common.NoticeVersions"/>); null on events stored before notices were versioned.
/// </summary>
public sealed record PersonAssigned(
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    DateOnly NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    bool NoticeOfLegalConsequences,
    string? NoticeVersion = null) : IDomainEvent;

public sealed record HoursLogged(Guid PlacementId, Guid PersonId, Guid EntryId, DateOnly Date, int Minutes) : IDomainEvent;

/// <summary>A correction is a new entry that replaces the value of an earlier one; the original stays in the history.</summary>
public sealed record HoursCorrected(Guid PlacementId, Guid PersonId, Guid EntryId, Guid CorrectsEntryId, DateOnly Date, int Minutes, string Reason) : IDomainEvent;

public sealed record RefusalRecorded(Guid PlacementId, Guid PersonId, Guid RefusalId, DateOnly Date, RefusalKind Kind, string StatedReason) : IDomainEvent;

public sealed record RefusalAssessed(Guid PlacementId, Guid PersonId, Guid RefusalId, bool GoodCause, ExemptionReason? Reason, string Reasoning) : IDomainEvent;

public sealed record HearingHeld(Guid PlacementId, Guid PersonId, Guid RefusalId, DateOnly HeldOn, string Statement) : IDomainEvent;

public sealed record PlacementEnded(Guid PlacementId, Guid PersonId, Guid OfferId, DateOnly Date, EndReason Reason, string? Note) : IDomainEvent;

public sealed record HourEntry(Guid EntryId, DateOnly Date, int Minutes, Guid? CorrectsEntryId, string? Reason);

public sealed record Refusal(
    Guid RefusalId,
    DateOnly Date,
    RefusalKind Kind,
    string StatedReason,
    RefusalAssessed? Assessment,
    HearingHeld? Hearing);

public sealed record Placement(
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    DateOnly NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    DateOnly? EndedOn,
    EndReason? EndReason,
    ImmutableList<HourEntry> Entries,
    ImmutableDictionary<Guid, Refusal> Refusals)
{
    public bool IsActive => EndedOn is null;

    /// <summary>The wording of the Heranziehungsbescheid served; null for placements recorded before notices were versioned.</summary>
    public string? NoticeVersion { get; init; }

    /// <summary>Current value per original entry: the latest correction wins, 0 cancels.</summary>
    public IEnumerable<HourEntry> EffectiveEntries =>
        Entries.GroupBy(e => e.CorrectsEntryId ?? e.EntryId).Select(g => g.Last());

    public int MinutesLogged => EffectiveEntries.Sum(e => e.Minutes);

    /// <summary>The placement's period, startsOn to endedOn: hours count, and are paid, only inside it.</summary>
    public bool Covers(DateOnly day) => day >= StartsOn && (EndedOn is not { } ended || day <= ended);

    /// <summary>The earliest last day of work: the start once it has begun, else the notice day (work taken up before it began).</summary>
    public DateOnly EarliestEnd(DateOnly today) => StartsOn > today ? NoticeServedOn : StartsOn;

    public HourEntry? FindEntry(Guid entryId) => Entries.FirstOrDefault(e => e.EntryId == entryId);

    public static Placement Start(PersonAssigned e) => new(
        e.PlacementId, e.PersonId, e.OfferId, e.Municipality, e.NoticeServedOn, e.StartsOn, e.HoursPerWeek, null, null,
        [], ImmutableDictionary<Guid, Refusal>.Empty) { NoticeVersion = e.NoticeVersion };

    public Placement When(HoursLogged e) =>
        this with { Entries = Entries.Add(new HourEntry(e.EntryId, e.Date, e.Minutes, null, null)) };

    public Placement When(HoursCorrected e) =>
        this with { Entries = Entries.Add(new HourEntry(e.EntryId, e.Date, e.Minutes, e.CorrectsEntryId, e.Reason)) };

    public Placement When(RefusalRecorded e) =>
        this with { Refusals = Refusals.Add(e.RefusalId, new Refusal(e.RefusalId, e.Date, e.Kind, e.StatedReason, null, null)) };

    public Placement When(RefusalAssessed e) => WithRefusal(e.RefusalId, r => r with { Assessment = e });

    public Placement When(HearingHeld e) => WithRefusal(e.RefusalId, r => r with { Hearing = e });

    public Placement When(PlacementEnded e) => this with { EndedOn = e.Date, EndReason = e.Reason };

    private Placement WithRefusal(Guid id, Func<Refusal, Refusal> change) =>
        Refusals.TryGetValue(id, out var r) ? this with { Refusals = Refusals.SetItem(id, change(r)) } : this;
}
