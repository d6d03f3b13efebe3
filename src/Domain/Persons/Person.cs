using System.Collections.Immutable;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Domain.Persons;

public enum PersonStatus
{
    Available,
    Placed,
    Exempt,
    NotEntitled,
    /// <summary>Closed as a record entered twice (contract v3d); it counts nowhere.</summary>
    Duplicate,
}

/// <summary>Why a person may not be assigned (contract v3d <c>ineligibleReason</c>); see <c>PlacementDecisions.Ineligible</c>.</summary>
public enum Ineligibility
{
    UnderAge,
    RetirementAge,
    NotEntitled,
    Excluded,
    Exempt,
    Duplicate,
}

/// <summary>Good reasons (§ 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII). Never a diagnosis.</summary>
public enum ExemptionReason
{
    Illness,
    Disability,
    Childcare,
    CareOfRelative,
    RetirementAge,
    Employment,
    Training,
    Studies,
    Other,
}

public sealed record PersonRegistered(
    Guid PersonId,
    string Municipality,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    DateOnly EntitledSince,
    string? FileReference) : IStartsStream;

public sealed record ExemptionRecorded(
    Guid PersonId,
    Guid ExemptionId,
    // Null only once erased: the reason is health data (Art. 9 DSGVO) and is masked with the rest.
    ExemptionReason? Reason,
    DateOnly From,
    DateOnly? Until,
    string? Note,
    ExemptionEvidence? Evidence = null,
    DateOnly? ReviewOn = null) : IDomainEvent;

public sealed record EntitlementEnded(Guid PersonId, DateOnly Date, string Reason) : IDomainEvent;

/// <summary>A remedy (Widerspruch, Klage) is pending: the person's data must not be erased until the hold is lifted.</summary>
public sealed record LegalHoldPlaced(Guid PersonId, string Reason) : IDomainEvent;

public sealed record LegalHoldLifted(Guid PersonId, string Reason) : IDomainEvent;

/// <summary>The retention period ran out: personal data in the person's events was masked; amounts and dates stay.</summary>
public sealed record PersonDataErased(Guid PersonId, DateOnly ErasedOn, DateOnly ClosedOn, int RetentionYears) : IDomainEvent;

/// <summary>Someone read the person's history: kept on a separate access-log stream, so reading never changes the case.</summary>
public sealed record PersonHistoryRead(Guid PersonId, DateTimeOffset? AsOf, string Purpose = "history") : IDomainEvent
{
    public static Guid StreamFor(Guid personId) => DeterministicId.From("agh:access-log:" + personId);
}

public sealed record Exemption(Guid ExemptionId, ExemptionReason? Reason, DateOnly From, DateOnly? Until, string? Note)
{
    public ExemptionEvidence? Evidence { get; init; }

    public DateOnly? ReviewOn { get; init; }

    /// <summary>Recorded in error: it counts nowhere, though the history keeps it.</summary>
    public bool Withdrawn { get; init; }

    public bool CoversDay(DateOnly day) => !Withdrawn && From <= day && (Until is null || Until >= day);
}

/// <summary>
/// A person's whole case is one stream: registration, exemptions, their placements with hours, refusals, hearings and
/// sanctions. One stream makes per-person rules (one active placement, daily hour cap) consistent under concurrency and
/// gives auditors one ordered history. The folded person holds no hour entries: they grow with the case, so they are
/// kept per ISO week (<see cref="HourLog"/>, loaded after the stream is locked) and only counted in the Revision here.
/// </summary>
public sealed record Person(
    Guid Id,
    string Municipality,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    DateOnly EntitledSince,
    string? FileReference,
    DateOnly? EntitlementEndedOn,
    ImmutableList<Exemption> Exemptions,
    ImmutableDictionary<Guid, Placement> Placements,
    ImmutableDictionary<Guid, SanctionProposal> Proposals)
{
    /// <summary>
    /// Events folded so far, i.e. the stream version when the whole stream is folded. The stored view skips hour events
    /// and keeps the stream version of its last change instead; ETag and expected version are the stream's own version.
    /// (Not named Version: Marten manages such a property itself.)
    /// </summary>
    public long Revision { get; init; }


    public bool LegalHold { get; init; }

    /// <summary>Residence statuses as recorded, in order; <see cref="LegalStatusOn"/> reads them.</summary>
    public ImmutableList<LegalStatusEntry> LegalStatuses { get; init; } = [];

    /// <summary>The days the person declared to be willing to work.</summary>
    public ImmutableList<DateOnly> WillingnessDeclaredOn { get; init; } = [];

    /// <summary>The person's notices by id (contract v3a); documents stored before notices existed read as none.</summary>
    public ImmutableDictionary<Guid, Notice> Notices { get; init; } = ImmutableDictionary<Guid, Notice>.Empty;

    public DateOnly? ErasedOn { get; init; }

    /// <summary>The record kept, once this one was closed as entered twice.</summary>
    public Guid? DuplicateOf { get; init; }

    public bool IsEntitled => EntitlementEndedOn is null;

    /// <summary>Names and file reference folded for search (see <see cref="PersonSearch"/>); stored with the document and indexed.</summary>
    public string SearchKey => PersonSearch.Key(FamilyName, GivenName, FileReference);

    /// <summary>
    /// The day the case closed: only once the entitlement has ended and no placement is active, the later of the
    /// entitlement end and the last placement end. While the entitlement continues the case stays open, however long ago
    /// the last placement ended.
    /// </summary>
    public DateOnly? ClosedOn
    {
        get
        {
            if (ActivePlacement is not null || EntitlementEndedOn is not { } ended) return null;
            var lastEnd = Placements.Values.Max(p => p.EndedOn);
            return lastEnd is { } l && l > ended ? l : ended;
        }
    }

    public Placement? ActivePlacement => Placements.Values.FirstOrDefault(p => p.IsActive);

    public bool IsExemptOn(DateOnly day) => Exemptions.Any(x => x.CoversDay(day));

    /// <summary>The status in force on the day: the latest by <c>Since</c> not after it (of two on one day, the later recorded).</summary>
    public LegalStatusEntry? LegalStatusOn(DateOnly day) => LegalStatuses.Where(s => s.Since <= day).OrderBy(s => s.Since).LastOrDefault();

    public bool IsExcludedOn(DateOnly day) => LegalStatusOn(day)?.Status == LegalStatus.Excluded;

    /// <summary>
    /// Why the person had no duty to work on a day (§ 5 Abs. 3 and 4 AsylbLG), or null when they had: a recorded good
    /// reason covers the day, the statutory retirement age was reached, or the entitlement had not begun or had ended.
    /// </summary>
    public string? NotObligedReason(DateOnly day)
    {
        if (EntitledSince > day) return $"the person was not yet entitled on {day:yyyy-MM-dd}";
        if (EntitlementEndedOn is { } ended && day > ended) return $"the entitlement had ended on {ended:yyyy-MM-dd}";
        if (IsExcludedOn(day)) return $"the person was excluded from benefits under § 1 Abs. 4 AsylbLG on {day:yyyy-MM-dd}";
        if (RetirementAge.IsReachedOn(DateOfBirth, day)) return $"the retirement age was reached on {RetirementAge.ReachedOn(DateOfBirth):yyyy-MM-dd}";
        if (Exemptions.FirstOrDefault(x => x.CoversDay(day)) is { } x) return $"a recorded good reason ({x.Reason}) covers {day:yyyy-MM-dd}";
        return null;
    }

    public PersonStatus StatusOn(DateOnly today) =>
        DuplicateOf is not null ? PersonStatus.Duplicate
        : !IsEntitled ? PersonStatus.NotEntitled
        // A placement past its until (contract v3b) no longer places the person.
        : Placements.Values.Any(p => !p.EndedBy(today)) ? PersonStatus.Placed
        : IsExemptOn(today) ? PersonStatus.Exempt
        : PersonStatus.Available;

    /// <summary>The restriction in force on the given day: the running one, else the next one that is to start.</summary>
    public SanctionProposal? RestrictionInForceOn(DateOnly today) => Proposals.Values
        .Where(p => p.Restriction?.StatusOn(today) == RestrictionStatus.InForce)
        .OrderBy(p => p.Restriction!.StartsOn <= today ? 0 : 1).ThenBy(p => p.Restriction!.StartsOn)
        .FirstOrDefault();

    public static Person Start(PersonRegistered e) => new(
        e.PersonId, e.Municipality, e.GivenName, e.FamilyName, e.DateOfBirth, e.EntitledSince, e.FileReference,
        null, [], ImmutableDictionary<Guid, Placement>.Empty, ImmutableDictionary<Guid, SanctionProposal>.Empty);

    public Person When(ExemptionRecorded e) =>
        this with { Exemptions = Exemptions.Add(new Exemption(e.ExemptionId, e.Reason, e.From, e.Until, e.Note) { Evidence = e.Evidence, ReviewOn = e.ReviewOn }) };

    private Person WithExemption(Guid exemptionId, Func<Exemption, Exemption> change) =>
        Exemptions.FindIndex(x => x.ExemptionId == exemptionId) is var i and >= 0 ? this with { Exemptions = Exemptions.SetItem(i, change(Exemptions[i])) } : this;

    public Person When(EntitlementEnded e) => this with { EntitlementEndedOn = e.Date };

    public Person When(PersonCorrected e) => this with
    {
        GivenName = e.GivenName ?? GivenName, FamilyName = e.FamilyName ?? FamilyName, DateOfBirth = e.DateOfBirth ?? DateOfBirth,
        FileReference = e.FileReference ?? FileReference, EntitledSince = e.EntitledSince ?? EntitledSince,
    };

    public Person When(PersonAssigned e)
    {
        var placement = Placement.Start(e);
        var person = this with { Placements = Placements.Add(e.PlacementId, placement) };
        if (e.NoticeId is not null || e.NoticeServedOn is not { } servedOn) return person;
        // Recorded before notices were resources: the notice served on noticeServedOn, handed over that day (contract v3,
        // "data recorded before v3"); who issued it is in the event's header, not here.
        var served = new NoticeDispatch(DispatchMethod.HandedOver, servedOn, "");
        var notice = new Notice(placement.NoticeId, NoticeKind.Heranziehungsbescheid, e.PlacementId, e.NoticeVersion, servedOn,
            "", "", "", e.Municipality, NoticeOrigin.Service, served, servedOn);
        return person with { Notices = Notices.SetItem(notice.NoticeId, notice) };
    }

    /// <summary>The placement's Heranziehungsbescheid; null only for an unknown placement.</summary>
    public Notice? AssignmentNotice(Guid placementId) =>
        Placements.TryGetValue(placementId, out var p) && Notices.TryGetValue(p.NoticeId, out var n) ? n : null;

    public Person When(SanctionProposed e) =>
        this with { Proposals = Proposals.Add(e.ProposalId, SanctionProposal.Start(e)) };

    public Person When(SanctionDecided e) => WithProposal(e.ProposalId, p => p.When(e, Proposals.Count(x => x.Value.Decision is not null),
        e.NoticeId is { } id && Notices.TryGetValue(id, out var n) ? n.NotifiedOn : null));

    /// <summary>A restriction takes effect with its notice's notification: the restriction follows the notice's (§§ 41, 43 VwVfG).</summary>
    private Person WithNoticeNotified(Guid noticeId)
    {
        if (!Notices.TryGetValue(noticeId, out var notice) || notice.Kind is not (NoticeKind.Einschraenkungsbescheid or NoticeKind.Fortsetzungsbescheid)
            || !Proposals.TryGetValue(notice.SubjectId, out var p) || p.Restriction is not { } r) return this;
        var notified = notice.Kind == NoticeKind.Einschraenkungsbescheid
            ? r.NoticeId == noticeId ? r.Notified(notice.NotifiedOn) : r
            : r.PeriodNotified(noticeId, notice.NotifiedOn);
        return this with { Proposals = Proposals.SetItem(p.ProposalId, p with { Restriction = notified }) };
    }

    private Person WithProposal(Guid proposalId, Func<SanctionProposal, SanctionProposal> change) =>
        Proposals.TryGetValue(proposalId, out var p) ? this with { Proposals = Proposals.SetItem(proposalId, change(p)) } : this;

    public const string Erased = "***";

    private Person WithNotice(Guid noticeId, Func<Notice, Notice> change) =>
        Notices.TryGetValue(noticeId, out var n) ? this with { Notices = Notices.SetItem(noticeId, change(n)) } : this;

    private Person WithPlacement(Guid placementId, Func<Placement, Placement> change) =>
        Placements.TryGetValue(placementId, out var p) ? this with { Placements = Placements.SetItem(placementId, change(p)) } : this;

    public static Person? Evolve(Person? state, object @event)
    {
        var next = Next(state, @event);
        return next is null ? null : next with { Revision = (state?.Revision ?? 0) + 1 };
    }

    private static Person? Next(Person? state, object @event) => (state, @event) switch
    {
        (null, PersonRegistered e) => Start(e),
        (not null, ExemptionRecorded e) => state.When(e),
        (not null, EntitlementEnded e) => state.When(e),
        (not null, PersonCorrected e) => state.When(e),
        (not null, PersonMarkedDuplicate e) => state with { DuplicateOf = e.DuplicateOf },
        (not null, ExemptionEnded e) => state.WithExemption(e.ExemptionId, x => x with { Until = e.Until }),
        (not null, ExemptionWithdrawn e) => state.WithExemption(e.ExemptionId, x => x with { Withdrawn = true }),
        (not null, LegalStatusRecorded e) => state with { LegalStatuses = state.LegalStatuses.Add(new LegalStatusEntry(e.Status, e.Since)) },
        (not null, WillingnessDeclared e) => state with { WillingnessDeclaredOn = state.WillingnessDeclaredOn.Add(e.On) },
        (not null, PersonAssigned e) => state.When(e),
        // Hours live in the hour rows (HourRowsProjection); here they only count towards the Revision.
        (not null, HoursLogged) => state,
        (not null, HoursCorrected) => state,
        (not null, RefusalRecorded e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, RefusalAssessed e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, HearingHeld e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, HearingInvited e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, RefusalReassessed e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, PlacementEnded e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, PlacementObjectionFiled e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, ImmediateEnforcementOrdered e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, PlacementObjectionDecided e) => e.Outcome == PlacementObjectionOutcome.Upheld
            ? PlacementObjectionDecisions.WithdrawRestrictionsOf(state.WithPlacement(e.PlacementId, p => p.When(e)), e.PlacementId)
            : state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, LawsuitFiled e) => state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, LawsuitEnded e) => e.Outcome == LawsuitOutcome.Upheld
            ? PlacementObjectionDecisions.WithdrawRestrictionsOf(state.WithPlacement(e.PlacementId, p => p.When(e)), e.PlacementId)
            : state.WithPlacement(e.PlacementId, p => p.When(e)),
        (not null, SanctionProposed e) => state.When(e),
        (not null, SanctionDecided e) => state.When(e),
        (not null, ObjectionFiled e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, ObjectionDecided e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, RestrictionEndedEarly e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, RestrictionReviewed e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, NoticeIssued e) => state with { Notices = state.Notices.SetItem(e.NoticeId, Notice.Start(e)) },
        (not null, NoticeDispatched e) => state.WithNotice(e.NoticeId, n => n.When(e)).WithNoticeNotified(e.NoticeId),
        (not null, NoticeReceiptRecorded e) => state.WithNotice(e.NoticeId, n => n.When(e)).WithNoticeNotified(e.NoticeId),
        (not null, NoticeAnnexRendered e) => state.WithNotice(e.NoticeId, n => n.When(e)),
        (not null, RestrictionSuspended e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, RestrictionSuspensionEnded e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, ReviewRequestFiled e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, ReviewRequestDecided e) => state.WithProposal(e.ProposalId, p => p.When(e)),
        (not null, LegalHoldPlaced) => state with { LegalHold = true },
        (not null, LegalHoldLifted) => state with { LegalHold = false },
        (not null, PersonDataErased e) => state with { ErasedOn = e.ErasedOn, GivenName = Erased, FamilyName = Erased, FileReference = Erased, DateOfBirth = DateOnly.MinValue },
        (not null, PersonRegistered) => state,
        // Expenses and recoveries live in their own views (ExpenseProjection, RecoveryProjection); here they only count towards the Revision.
        (not null, Payouts.ExpenseRecorded or Payouts.ExpenseDecided or Payouts.RecoveryOpened
            or Payouts.RecoveryHeard or Payouts.RecoveryDecided or Payouts.RecoveryObjectionFiled) => state,
        // Absence reports and accidents too (AbsenceReportProjection, AccidentProjection); the refusal from a report is folded as RefusalRecorded.
        (not null, AbsenceReported or AbsenceReportRecordedAsRefusal or AbsenceReportDismissed
            or AccidentRecorded or AccidentIncapacityRecorded or AccidentReported) => state,
        // Every event of the stream counts towards the Revision; one this fold does not know must not pass silently.
        (not null, _) => throw new ArgumentException($"{@event.GetType().Name} is not an event of a person's stream.", nameof(@event)),
        _ => state,
    };

    public static Person? Fold(IEnumerable<object> events) => events.Aggregate((Person?)null, Evolve);
}

public sealed record RegisterPerson(
    Guid PersonId,
    string Municipality,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    DateOnly EntitledSince,
    string? FileReference,
    bool ConfirmedNotDuplicate = false);

public sealed record RecordExemption(Guid PersonId, Guid ExemptionId, ExemptionReason Reason, DateOnly From, DateOnly? Until, string? Note,
    ExemptionEvidence? Evidence = null, DateOnly? ReviewOn = null);

public sealed record EndEntitlement(Guid PersonId, DateOnly Date, string Reason);

public sealed record PlaceLegalHold(Guid PersonId, string Reason);

public sealed record LiftLegalHold(Guid PersonId, string Reason);

public static class PersonDecisions
{
    public static Decision PlaceLegalHold(Person person, PlaceLegalHold c)
    {
        if (person.ErasedOn is not null) return Rejection.Conflict("person-erased", "The person's data has already been erased.");
        if (person.LegalHold) return Rejection.Conflict("legal-hold-active", "A legal hold is already in place.");
        return Decision.Accept(new StreamEvent(person.Id, new LegalHoldPlaced(person.Id, c.Reason)));
    }

    public static Decision LiftLegalHold(Person person, LiftLegalHold c)
    {
        if (!person.LegalHold) return Rejection.Conflict("no-legal-hold", "No legal hold is in place.");
        return Decision.Accept(new StreamEvent(person.Id, new LegalHoldLifted(person.Id, c.Reason)));
    }

    /// <summary>Erasure after the retention period (Art. 17 DSGVO, § 84 SGB X analogously), never while a remedy is pending.</summary>
    public static Decision Erase(Person person, int retentionYears, DateOnly today)
    {
        if (person.ErasedOn is not null) return Rejection.Conflict("person-erased", "The person's data has already been erased.");
        if (person.LegalHold) return Rejection.Conflict("legal-hold-active", "A legal hold keeps the data.");
        // A court proceeding on a restriction holds the record until it ended (contract v3, "legal corrections").
        if (person.Proposals.Values.Any(p => p.Restriction?.Suspension is { IsCourtOrder: true, EndedOn: null }))
            return Rejection.Conflict("legal-hold-active", "A court order on a restriction is in effect; the record is held until it ended.");
        // An undecided Widerspruch is a pending remedy like any other: the record stays until it is decided.
        if (person.Proposals.Values.Any(p => p.Objections.Any(o => o.Status == ObjectionStatus.Pending)))
            return Rejection.Conflict("objection-pending", "An objection against a restriction is still undecided.");
        if (person.Placements.Values.Any(p => p.Objection?.Status == PlacementObjectionStatus.Pending))
            return Rejection.Conflict("objection-pending", "An objection against a Heranziehungsbescheid is still undecided.");
        if (person.Placements.Values.Any(p => p.Objection?.Lawsuit is { EndedOn: null }))
            return Rejection.Conflict("legal-hold-active", "A lawsuit against a Heranziehungsbescheid is pending.");
        if (person.ClosedOn is not { } closed)
            return Rejection.Conflict("case-open", person.IsEntitled
                ? "The entitlement continues: the case is open and the retention period has not begun."
                : "A placement is still active: the case is open.");
        if (closed.AddYears(retentionYears) > today)
            return Rejection.Conflict("retention-running", $"The data is kept until {closed.AddYears(retentionYears):yyyy-MM-dd}.");
        return Decision.Accept(new StreamEvent(person.Id, new PersonDataErased(person.Id, today, closed, retentionYears)));
    }

    public static Decision Register(RegisterPerson c, IEnumerable<RegisteredPerson> others, DateOnly today)
    {
        if (c.DateOfBirth > today)
            return Rejection.Unprocessable("date-in-future", "dateOfBirth lies in the future.");
        if (c.EntitledSince < c.DateOfBirth)
            return Rejection.Unprocessable("entitlement-before-birth", "entitledSince lies before dateOfBirth.");
        if (PersonDuplicates.Check(others, c.PersonId, c.FamilyName, c.GivenName, c.DateOfBirth, c.FileReference, c.ConfirmedNotDuplicate) is { } duplicate)
            return duplicate;
        return Decision.Accept(new StreamEvent(c.PersonId, new PersonRegistered(
            c.PersonId, c.Municipality, c.GivenName, c.FamilyName, c.DateOfBirth, c.EntitledSince, c.FileReference)));
    }

    public static Decision RecordExemption(Person person, RecordExemption c)
    {
        if (c.Until is { } until && until < c.From)
            return Rejection.Unprocessable("exemption-period-invalid", "until lies before from.");
        return Decision.Accept(new StreamEvent(person.Id,
            new ExemptionRecorded(person.Id, c.ExemptionId, c.Reason, c.From, c.Until, c.Note, c.Evidence, c.ReviewOn)));
    }

    /// <summary>Takes effect at once: an active placement ends with reason entitlement-ended and its place is freed.</summary>
    /// <paramref name="hoursAfter"/> holds at least the person's hours of the weeks after <c>c.Date</c>.
    public static Decision EndEntitlement(Person person, EndEntitlement c, HourLog hoursAfter, DateOnly today)
    {
        if (c.Date > today)
            return Rejection.Unprocessable("date-in-future", "The entitlement end lies in the future; record it when it has taken effect.");
        if (!person.IsEntitled)
            return Rejection.Conflict("entitlement-already-ended", $"The entitlement already ended on {person.EntitlementEndedOn:yyyy-MM-dd}.");
        if (c.Date < person.EntitledSince)
            return Rejection.Unprocessable("date-before-entitlement", "date lies before entitledSince.");
        if (PlacementDecisions.HoursAfter(hoursAfter.Effective, c.Date) is { } hours)
            return hours;
        var events = new List<StreamEvent> { new(person.Id, new EntitlementEnded(person.Id, c.Date, c.Reason)) };
        if (person.ActivePlacement is { } active)
        {
            // The same bounds as ending the placement directly: not before its start once begun, else not before the notice.
            var earliest = active.EarliestEnd(today, person.AssignmentNotice(active.PlacementId)?.IssuedOn ?? active.StartsOn);
            var lastDay = c.Date < earliest ? earliest : c.Date;
            events.Add(new(person.Id, new PlacementEnded(active.PlacementId, person.Id, active.OfferId, lastDay, EndReason.EntitlementEnded, c.Reason)));
            events.Add(new(active.OfferId, new Offers.PlaceReleased(active.OfferId, active.PlacementId)));
        }
        return new Decision(events, null);
    }
}
