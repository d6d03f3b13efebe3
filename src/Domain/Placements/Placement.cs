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

    /// <summary>The Heranziehungsbescheid was set aside on the objection or lawsuit against it; never sent by a client.</summary>
    ObjectionUpheld,

    /// <summary>
    /// The period the Heranziehungsbescheid names ended (its <c>until</c> passed): read so at once, recorded by the
    /// service's daily job (PlacementDecisions.EndPeriod); never sent by a client.
    /// </summary>
    PeriodEnded,
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
/// <paramref name="NoticeId"/> names the notice recorded with it (contract v3a); null on events stored before notices were
/// resources: the fold then infers that notice, handed over and notified on <paramref name="NoticeServedOn"/>. Null
/// <paramref name="NoticeServedOn"/>: the assignment issued its notice in the service (contract v3a).
/// <paramref name="Until"/>, <paramref name="Schedule"/>, <paramref name="Reasoning"/> and <paramref name="InformationLanguage"/>
/// (contract v3b) are null on events stored before them and may be null for notices served outside the service.
/// </summary>
public sealed record PersonAssigned(
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    DateOnly? NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    bool NoticeOfLegalConsequences,
    string? NoticeVersion = null,
    Guid? NoticeId = null,
    DateOnly? Until = null,
    IReadOnlyList<ScheduleBlock>? Schedule = null,
    string? Reasoning = null,
    string? InformationLanguage = null) : IDomainEvent;

/// <summary>Who logged an hour entry (contract v3c): the provider itself or the office; entries recorded before read office.</summary>
public enum HourSource
{
    Office,
    Provider,
}

/// <remarks>
/// <paramref name="Source"/> is null in entries recorded before v3c (the office's). <paramref name="AfterConfirmation"/> is
/// true when the office logged it in a month the provider had already confirmed (null otherwise).
/// </remarks>
public sealed record HoursLogged(Guid PlacementId, Guid PersonId, Guid EntryId, DateOnly Date, int Minutes,
    HourSource? Source = null, bool? AfterConfirmation = null) : IDomainEvent
{
    public HourSource SourceOrOffice => Source ?? HourSource.Office;
}

/// <summary>A correction is a new entry that replaces the value of an earlier one; the original stays in the history. Only the office corrects.</summary>
public sealed record HoursCorrected(Guid PlacementId, Guid PersonId, Guid EntryId, Guid CorrectsEntryId, DateOnly Date, int Minutes, string Reason,
    bool? AfterConfirmation = null) : IDomainEvent;

/// <summary><paramref name="AbsenceReportId"/> names the absence report it was recorded from (contract v3c); null otherwise and on older events.</summary>
public sealed record RefusalRecorded(Guid PlacementId, Guid PersonId, Guid RefusalId, DateOnly Date, RefusalKind Kind, string StatedReason,
    Guid? AbsenceReportId = null) : IDomainEvent;

public sealed record RefusalAssessed(Guid PlacementId, Guid PersonId, Guid RefusalId, bool GoodCause, ExemptionReason? Reason, string Reasoning) : IDomainEvent;

/// <summary><paramref name="Form"/> and <paramref name="HeldInPerson"/>: how the hearing was held, when stated (contract v3d); null on hearings recorded before.</summary>
public sealed record HearingHeld(Guid PlacementId, Guid PersonId, Guid RefusalId, DateOnly HeldOn, string Statement,
    HearingForm? Form = null, bool? HeldInPerson = null) : IDomainEvent;

public sealed record PlacementEnded(Guid PlacementId, Guid PersonId, Guid OfferId, DateOnly Date, EndReason Reason, string? Note) : IDomainEvent;

/// <summary>
/// One hour entry as it was logged or corrected. <paramref name="Version"/> is the event's version in the person's
/// stream: entries kept in several week documents are put back into the order they were recorded by it.
/// <paramref name="Source"/> and <paramref name="AfterConfirmation"/> as the event says (contract v3c): a correction is
/// always the office's; events recorded before v3c read office and false.
/// </summary>
public sealed record HourEntry(Guid PlacementId, Guid EntryId, DateOnly Date, int Minutes, Guid? CorrectsEntryId, string? Reason, long Version = 0,
    HourSource Source = HourSource.Office, bool AfterConfirmation = false)
{
    public static HourEntry From(HoursLogged e, long version = 0) =>
        new(e.PlacementId, e.EntryId, e.Date, e.Minutes, null, null, version, e.SourceOrOffice, e.AfterConfirmation == true);

    public static HourEntry From(HoursCorrected e, long version = 0) =>
        new(e.PlacementId, e.EntryId, e.Date, e.Minutes, e.CorrectsEntryId, e.Reason, version, HourSource.Office, e.AfterConfirmation == true);
}

/// <summary>
/// Hour entries of one person as a command or a view reads them: only the ISO weeks it needs (the week of a day, the
/// weeks after a day, a placement's period), never the whole case, so the cost of a command does not grow with it.
/// Entries are in the order they were recorded; a correction always lies in the week of the entry it corrects.
/// </summary>
public sealed class HourLog
{
    public static readonly HourLog Empty = new([]);

    public HourLog(IEnumerable<HourEntry> entries) => Entries = entries.ToList();

    public IReadOnlyList<HourEntry> Entries { get; }

    /// <summary>Current value per original entry: the latest correction wins, 0 cancels.</summary>
    public IEnumerable<HourEntry> Effective => Entries.GroupBy(e => e.CorrectsEntryId ?? e.EntryId).Select(g => g.Last());

    public IEnumerable<HourEntry> Of(Guid placementId) => Entries.Where(e => e.PlacementId == placementId);

    public IEnumerable<HourEntry> EffectiveOf(Guid placementId) => Effective.Where(e => e.PlacementId == placementId);

    public int MinutesLogged(Guid placementId) => EffectiveOf(placementId).Sum(e => e.Minutes);

    public HourEntry? Find(Guid placementId, Guid entryId) => Entries.FirstOrDefault(e => e.EntryId == entryId && e.PlacementId == placementId);

    /// <summary>The entries the hour events among <paramref name="events"/> record, in their order (other events are skipped).</summary>
    public static HourLog From(IEnumerable<object> events) => new(events.Select((e, i) => e switch
    {
        HoursLogged l => HourEntry.From(l, i + 1),
        HoursCorrected c => HourEntry.From(c, i + 1),
        _ => null,
    }).OfType<HourEntry>());
}

public sealed record Refusal(
    Guid RefusalId,
    DateOnly Date,
    RefusalKind Kind,
    string StatedReason,
    RefusalAssessed? Assessment,
    HearingHeld? Hearing)
{
    /// <summary>The written or oral invitation to the hearing (contract v3a); null when none was recorded.</summary>
    public HearingInvited? Invitation { get; init; }

    /// <summary>The provider's absence report the refusal was recorded from (contract v3c); null otherwise.</summary>
    public Guid? AbsenceReportId { get; init; }

    /// <summary>The reassessment after the hearing; <see cref="Assessment"/> then already holds its outcome.</summary>
    public RefusalReassessed? Reassessment { get; init; }
}

public sealed partial record Placement(
    Guid PlacementId,
    Guid PersonId,
    Guid OfferId,
    string Municipality,
    DateOnly? NoticeServedOn,
    DateOnly StartsOn,
    int HoursPerWeek,
    DateOnly? EndedOn,
    EndReason? EndReason,
    ImmutableDictionary<Guid, Refusal> Refusals)
{
    public bool IsActive => EndedOn is null;

    /// <summary>The wording of the Heranziehungsbescheid served; null for placements recorded before notices were versioned.</summary>
    public string? NoticeVersion { get; init; }

    /// <summary>The last day of the placement the Heranziehungsbescheid names (contract v3b); null for placements from before it.</summary>
    public DateOnly? Until { get; init; }

    public IReadOnlyList<ScheduleBlock>? Schedule { get; init; }

    public string? Reasoning { get; init; }

    public string? InformationLanguage { get; init; }

    /// <summary>
    /// Ended on <paramref name="today"/>: ended by an event, or its <see cref="Until"/> has passed (then it ended on
    /// <see cref="Until"/>, period-ended). The latter reads so before the daily job records it (PlacementDecisions.EndPeriod), with the same day and reason.
    /// </summary>
    public bool EndedBy(DateOnly today) => EndedOn is not null || Until is { } u && u < today;

    /// <summary>The day it ended as of <paramref name="today"/> (see <see cref="EndedBy"/>), or null.</summary>
    public DateOnly? EndedOnAsOf(DateOnly today) => EndedOn ?? (Until is { } u && u < today ? u : null);

    public EndReason? EndReasonAsOf(DateOnly today) => EndReason ?? (Until is { } u && u < today ? Placements.EndReason.PeriodEnded : null);

    /// <summary>The Heranziehungsbescheid in the person's <see cref="Persons.Person.Notices"/> (see <see cref="Persons.Person.AssignmentNotice"/>).</summary>
    public Guid NoticeId { get; init; }

    /// <summary>The placement's period, startsOn to endedOn: hours count, and are paid, only inside it.</summary>
    public bool Covers(DateOnly day) => day >= StartsOn && (EndedOn is not { } ended || day <= ended) && (Until is not { } until || day <= until);

    /// <summary>The earliest last day of work: the start once it has begun, else the notice day (work taken up before it began).</summary>
    /// <summary>A placement not yet begun may end from the day its Heranziehungsbescheid was issued (contract v3).</summary>
    public DateOnly EarliestEnd(DateOnly today, DateOnly noticeIssuedOn) => StartsOn > today ? noticeIssuedOn : StartsOn;

    public static Placement Start(PersonAssigned e) => new(
        e.PlacementId, e.PersonId, e.OfferId, e.Municipality, e.NoticeServedOn, e.StartsOn, e.HoursPerWeek, null, null,
        ImmutableDictionary<Guid, Refusal>.Empty)
    {
        NoticeVersion = e.NoticeVersion,
        NoticeId = e.NoticeId ?? Notices.NoticeIssuing.IdFor(e.PlacementId, Notices.NoticeKind.Heranziehungsbescheid, 0),
        Until = e.Until,
        Schedule = e.Schedule,
        Reasoning = e.Reasoning,
        InformationLanguage = e.InformationLanguage,
    };

    public Placement When(RefusalRecorded e) =>
        this with { Refusals = Refusals.Add(e.RefusalId, new Refusal(e.RefusalId, e.Date, e.Kind, e.StatedReason, null, null) { AbsenceReportId = e.AbsenceReportId }) };

    public Placement When(RefusalAssessed e) => WithRefusal(e.RefusalId, r => r with { Assessment = e });

    public Placement When(HearingHeld e) => WithRefusal(e.RefusalId, r => r with { Hearing = e });

    public Placement When(HearingInvited e) => WithRefusal(e.RefusalId, r => r with { Invitation = e });

    // The reassessment replaces the assessment, so every later check (proposal, approval) reads the current one.
    public Placement When(RefusalReassessed e) => WithRefusal(e.RefusalId, r => r with
    {
        Assessment = new RefusalAssessed(e.PlacementId, e.PersonId, e.RefusalId, e.GoodCause, e.Reason, e.Reasoning),
        Reassessment = e,
    });

    public Placement When(PlacementEnded e) => this with { EndedOn = e.Date, EndReason = e.Reason };

    private Placement WithRefusal(Guid id, Func<Refusal, Refusal> change) =>
        Refusals.TryGetValue(id, out var r) ? this with { Refusals = Refusals.SetItem(id, change(r)) } : this;
}
