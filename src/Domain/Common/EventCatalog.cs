using System.Globalization;
using AGH.Domain.Notices;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Domain.Common;

/// <summary>
/// Marks a record the service records as an event. A decision can only emit these (<see cref="StreamEvent"/>), and
/// every one of them needs its entry in <see cref="EventCatalog"/> (EventCatalogTests finds them by this marker).
/// </summary>
public interface IDomainEvent;

/// <summary>The stream an event is written to; <see cref="DerivedForHistory"/> is shown in a history but never stored.</summary>
public enum EventStream
{
    Offer,
    Person,
    PayoutLedger,
    AccessLog,
    DerivedForHistory,
}

/// <summary>Applies what an entry says about its event type with that type known, e.g. to register a typed masking rule.</summary>
public interface IEventEntryVisitor
{
    void Visit<T>(EventEntry<T> entry) where T : class, IDomainEvent;
}

/// <summary>Everything the service needs to know about one event type, beside the record itself and the fold that reads it.</summary>
public abstract class EventEntry(EventStream stream, IReadOnlyList<string> notPersonal)
{
    public abstract Type Type { get; }

    public EventStream Stream { get; } = stream;

    /// <summary>String properties that hold no personal data of the person (offer data, staff user ids, codes); every other string property is masked.</summary>
    public IReadOnlyList<string> NotPersonal { get; } = notPersonal;

    public abstract bool HasMask { get; }

    public abstract string LegalBasisOf(object e);

    /// <summary>The history line, naming staff by their login id (see the overload for names).</summary>
    public string SummaryOf(object e) => SummaryOf(e, id => id);

    /// <summary>The history line; <paramref name="staffName"/> turns a staff login id into the name a reader sees (contract v3d).</summary>
    public abstract string SummaryOf(object e, Func<string, string> staffName);

    public abstract DateOnly? OccurredOn(object e);

    /// <summary>The event with its personal data masked (erasure), or the event itself when it carries none.</summary>
    public abstract object Masked(object e);

    public abstract void Accept(IEventEntryVisitor visitor);
}

public sealed class EventEntry<T>(
    EventStream stream,
    Func<T, string> legalBasis,
    Func<T, Func<string, string>, string> summary,
    Func<T, DateOnly?>? occurredOn,
    Func<T, T>? mask,
    IReadOnlyList<string> notPersonal) : EventEntry(stream, notPersonal) where T : class, IDomainEvent
{
    public override Type Type => typeof(T);

    public Func<T, T>? Mask { get; } = mask;

    public override bool HasMask => Mask is not null;

    public override string LegalBasisOf(object e) => legalBasis((T)e);

    public override string SummaryOf(object e, Func<string, string> staffName) => summary((T)e, staffName);

    public override DateOnly? OccurredOn(object e) => occurredOn?.Invoke((T)e);

    public override object Masked(object e) => Mask is { } m ? m((T)e) : e;

    public override void Accept(IEventEntryVisitor visitor) => visitor.Visit(this);
}

/// <summary>
/// One entry per event type: the stream it is written to, its legal basis (the <c>legalBasis</c> header), the German line
/// of a person's history for a Rechnungsprüfer, the day it happened, and what erasure masks. A new event is its record,
/// its entry here and the fold or decision that uses it; the store registration, the projections' filters, the headers,
/// the history and the masking rules all read this list.
/// </summary>
public static class EventCatalog
{
    private const string X = Person.Erased;

    public static readonly IReadOnlyList<EventEntry> All =
    [
        // Offer stream: offer data, never a beneficiary's; it is not erased with a person.
        Entry<OfferRegistered>(EventStream.Offer, _ => LegalBasis.Offer,
            x => $"Arbeitsgelegenheit erfasst: {x.Title} bei {x.ProviderName}, {x.Places} Plätze",
            notPersonal: [nameof(OfferRegistered.ProviderName), nameof(OfferRegistered.Municipality), nameof(OfferRegistered.Title),
                nameof(OfferRegistered.Activity), nameof(OfferRegistered.ReportTo), nameof(OfferRegistered.ProviderId),
                nameof(OfferRegistered.AccidentInsurer)]),
        Entry<OfferProviderChanged>(EventStream.Offer, _ => LegalBasis.Offer, x => $"Träger der Arbeitsgelegenheit geändert auf {x.ProviderId}",
            notPersonal: [nameof(OfferProviderChanged.ProviderId)]),
        Entry<TimesheetConfirmed>(EventStream.Offer, _ => LegalBasis.Allowance, x => $"Arbeitsnachweis {Mo(x.Month)} vom Träger {x.ProviderId} bestätigt",
            notPersonal: [nameof(TimesheetConfirmed.Month), nameof(TimesheetConfirmed.ProviderId), nameof(TimesheetConfirmed.ConfirmedBy)]),
        Entry<OfferPlacesChanged>(EventStream.Offer, _ => LegalBasis.Offer, x => $"Platzzahl der Arbeitsgelegenheit geändert auf {x.Places}"),
        Entry<OfferWithdrawn>(EventStream.Offer, _ => LegalBasis.Offer, x => $"Arbeitsgelegenheit zurückgezogen zum {D(x.Date)}",
            notPersonal: [nameof(OfferWithdrawn.Reason)]),
        Entry<PlaceOccupied>(EventStream.Offer, _ => LegalBasis.Duty, _ => "Platzbelegung geändert"),
        Entry<PlaceReleased>(EventStream.Offer, _ => LegalBasis.Duty, _ => "Platzbelegung geändert"),

        // Person stream.
        Entry<PersonRegistered>(EventStream.Person, _ => LegalBasis.Registration,
            x => $"Person erfasst: {x.GivenName} {x.FamilyName}, geb. {D(x.DateOfBirth)}, leistungsberechtigt seit {D(x.EntitledSince)}",
            mask: e => e with { GivenName = X, FamilyName = X, FileReference = X, DateOfBirth = DateOnly.MinValue },
            notPersonal: [nameof(PersonRegistered.Municipality)]),
        Entry<PersonCorrected>(EventStream.Person, _ => LegalBasis.Rectification, x => $"Stammdaten berichtigt: {PersonCorrections.Describe(x)}; Grund: {x.Reason}",
            mask: e => e with { GivenName = e.GivenName is null ? null : X, FamilyName = e.FamilyName is null ? null : X,
                FileReference = e.FileReference is null ? null : X, DateOfBirth = e.DateOfBirth is null ? null : DateOnly.MinValue, Reason = X }),
        Entry<PersonMarkedDuplicate>(EventStream.Person, _ => LegalBasis.Rectification,
            x => $"Datensatz als doppelt erfasst geschlossen; weitergeführt wird {x.DuplicateOf}. Grund: {x.Reason}", mask: e => e with { Reason = X }),
        Entry<ExemptionRecorded>(EventStream.Person, _ => LegalBasis.GoodCause,
            x => $"Wichtiger Grund erfasst ({(x.Reason is { } r ? HistoryWording.Of(r) : "Grund gelöscht")}) vom {D(x.From)} bis {(x.Until is { } u ? D(u) : "auf Weiteres")}",
            occurredOn: x => x.From, mask: e => e with { Reason = null, Note = null, Evidence = null }),
        Entry<ExemptionEnded>(EventStream.Person, _ => LegalBasis.GoodCause, x => $"Wichtiger Grund endet mit dem {D(x.Until)}", occurredOn: x => x.Until),
        Entry<ExemptionWithdrawn>(EventStream.Person, _ => LegalBasis.GoodCause, x => $"Erfassung eines wichtigen Grundes als Irrtum zurückgenommen: {x.Reason}",
            mask: e => e with { Reason = X }),
        Entry<LegalStatusRecorded>(EventStream.Person, x => x.Status == LegalStatus.Excluded ? LegalBasis.Exclusion : LegalBasis.Entitlement,
            x => $"Aufenthaltsrechtlicher Status erfasst: {HistoryWording.Of(x.Status)} seit {D(x.Since)}", occurredOn: x => x.Since,
            mask: e => e with { Note = X }),
        Entry<WillingnessDeclared>(EventStream.Person, _ => LegalBasis.RestrictionReview,
            x => $"Ernsthafte Bereitschaft zur Arbeit erklärt am {D(x.On)}", occurredOn: x => x.On, mask: e => e with { Note = X }),
        Entry<EntitlementEnded>(EventStream.Person, _ => LegalBasis.Entitlement,
            x => $"Leistungsberechtigung nach AsylbLG beendet zum {D(x.Date)}: {x.Reason}",
            occurredOn: x => x.Date, mask: e => e with { Reason = X }),
        Entry<LegalHoldPlaced>(EventStream.Person, _ => LegalBasis.Retention, x => $"Löschsperre wegen anhängigen Rechtsbehelfs: {x.Reason}",
            mask: e => e with { Reason = X }),
        Entry<LegalHoldLifted>(EventStream.Person, _ => LegalBasis.Retention, x => $"Löschsperre aufgehoben: {x.Reason}",
            mask: e => e with { Reason = X }),
        Entry<PersonDataErased>(EventStream.Person, _ => LegalBasis.Erasure,
            x => $"Personenbezogene Daten nach Ablauf der Aufbewahrungsfrist ({x.RetentionYears} Jahre ab {D(x.ClosedOn)}) gelöscht"),
        Entry<PersonAssigned>(EventStream.Person, _ => LegalBasis.Assignment,
            x => (x.NoticeServedOn is { } served ? $"Heranziehungsbescheid mit Rechtsfolgenbelehrung zugestellt am {D(served)}" : "Heranziehungsbescheid mit Rechtsfolgenbelehrung erlassen")
                + $"; Einsatz ab {D(x.StartsOn)}" + (x.Until is { } until ? $" bis {D(until)}" : "") + $", {x.HoursPerWeek} Std./Woche{Wording(x.NoticeVersion)}",
            occurredOn: x => x.NoticeServedOn ?? x.StartsOn, notPersonal: [nameof(PersonAssigned.Municipality), nameof(PersonAssigned.NoticeVersion)],
            // The reasoning may name care duties or health (Art. 9 DSGVO), the language hints at origin: erased with the person.
            mask: e => e with { Reasoning = e.Reasoning is null ? null : X, InformationLanguage = e.InformationLanguage is null ? null : X }),
        Entry<HoursLogged>(EventStream.Person, _ => LegalBasis.Allowance,
            x => $"{H(x.Minutes)} am {D(x.Date)} erfasst ({HistoryWording.Of(x.SourceOrOffice)}){(x.AfterConfirmation == true ? ", nach Bestätigung des Monats" : "")}",
            occurredOn: x => x.Date),
        Entry<HoursCorrected>(EventStream.Person, _ => LegalBasis.Allowance,
            x => $"Stunden vom {D(x.Date)} berichtigt auf {H(x.Minutes)}{(x.AfterConfirmation == true ? " nach Bestätigung des Monats" : "")}: {x.Reason}",
            occurredOn: x => x.Date, mask: e => e with { Reason = X }),
        Entry<PlacementEnded>(EventStream.Person, x => x.Reason == EndReason.PeriodEnded ? LegalBasis.PeriodEnded : LegalBasis.Reasonable,
            x => x.Reason == EndReason.PeriodEnded
                ? $"Heranziehung endete mit Ablauf der Befristung am {D(x.Date)} ({HistoryWording.Of(x.Reason)})"
                : $"Einsatz beendet, letzter Arbeitstag {D(x.Date)} ({HistoryWording.Of(x.Reason)})",
            occurredOn: x => x.Date, mask: e => e with { Note = null }),
        Entry<RefusalRecorded>(EventStream.Person, _ => LegalBasis.Duty,
            x => $"{HistoryWording.Of(x.Kind)} am {D(x.Date)}; angegebener Grund: {(string.IsNullOrWhiteSpace(x.StatedReason) ? "keiner" : x.StatedReason)}"
                + (x.AbsenceReportId is null ? "" : " (aus der Abwesenheitsmeldung des Trägers)"),
            occurredOn: x => x.Date, mask: e => e with { StatedReason = X }),
        // Absence reports (contract v3c): the provider's note may say the person is ill (never a diagnosis): erased with the person.
        Entry<AbsenceReported>(EventStream.Person, _ => LegalBasis.AbsenceReport,
            x => $"Fehlzeit vom Träger gemeldet ({HistoryWording.Of(x.Kind)}) für den {D(x.Date)}: {(string.IsNullOrWhiteSpace(x.Note) ? "ohne Bemerkung" : x.Note)}",
            occurredOn: x => x.Date, mask: e => e with { Note = X },
            notPersonal: [nameof(AbsenceReported.Municipality), nameof(AbsenceReported.ProviderId), nameof(AbsenceReported.ReportedBy)]),
        Entry<AbsenceReportRecordedAsRefusal>(EventStream.Person, _ => LegalBasis.Duty,
            (x, n) => $"Abwesenheitsmeldung des Trägers als Weigerung erfasst von {n(x.RecordedBy)}",
            notPersonal: [nameof(AbsenceReportRecordedAsRefusal.RecordedBy)]),
        Entry<AbsenceReportDismissed>(EventStream.Person, _ => LegalBasis.AbsenceReport,
            (x, n) => $"Abwesenheitsmeldung des Trägers ohne Weigerung abgeschlossen von {n(x.DismissedBy)}: {x.Reason}",
            mask: e => e with { Reason = X }, notPersonal: [nameof(AbsenceReportDismissed.DismissedBy)]),
        // Accidents (contract v3c): the description and the incapacity are health data (Art. 9 DSGVO); the description is erased with the person.
        Entry<AccidentRecorded>(EventStream.Person, _ => LegalBasis.Accident,
            x => $"Arbeitsunfall am {D(x.On)} erfasst{(x.Fatal ? " (tödlich)" : "")}"
                + (x.IncapacityDays is { } days ? $", arbeitsunfähig {days} Tage" : "")
                + $"; Unfallanzeige an {x.AccidentInsurer ?? "den Unfallversicherungsträger"} fällig am {D(x.ReportDueOn)}: {x.Description}",
            occurredOn: x => x.On, mask: e => e with { Description = X },
            notPersonal: [nameof(AccidentRecorded.Municipality), nameof(AccidentRecorded.ProviderId), nameof(AccidentRecorded.AccidentInsurer),
                nameof(AccidentRecorded.RecordedBy), nameof(AccidentRecorded.RecordedByProvider)]),
        Entry<AccidentIncapacityRecorded>(EventStream.Person, _ => LegalBasis.Accident,
            x => $"Arbeitsunfähigkeit nach Arbeitsunfall erfasst: {x.IncapacityDays} Tage",
            notPersonal: [nameof(AccidentIncapacityRecorded.RecordedBy), nameof(AccidentIncapacityRecorded.RecordedByProvider)]),
        Entry<AccidentReported>(EventStream.Person, _ => LegalBasis.AccidentReport,
            x => $"Unfallanzeige an den Unfallversicherungsträger erstattet am {D(x.ReportedOn)}", occurredOn: x => x.ReportedOn,
            notPersonal: [nameof(AccidentReported.ReportedBy)]),
        Entry<RefusalAssessed>(EventStream.Person, _ => LegalBasis.GoodCause,
            x => x.GoodCause
                ? $"Wichtiger Grund anerkannt ({(x.Reason is { } r ? HistoryWording.Of(r) : "ohne Angabe")}): {x.Reasoning}"
                : $"Kein wichtiger Grund anerkannt: {x.Reasoning}",
            mask: e => e with { Reason = null, Reasoning = X }),
        Entry<HearingHeld>(EventStream.Person, _ => LegalBasis.Hearing, x => $"Anhörung nach § 28 VwVfG am {D(x.HeldOn)} durchgeführt",
            occurredOn: x => x.HeldOn, mask: e => e with { Statement = X }),
        Entry<HearingInvited>(EventStream.Person, _ => LegalBasis.HearingProcedure,
            x => $"Zur Anhörung nach § 28 VwVfG eingeladen am {D(x.InvitedOn)} ({HistoryWording.Of(x.Form)}, {HistoryWording.Of(x.Delivery)}), Frist bis {D(x.Deadline)}",
            occurredOn: x => x.InvitedOn, mask: e => e with { Language = X }),
        Entry<RefusalReassessed>(EventStream.Person, _ => LegalBasis.GoodCause,
            x => x.GoodCause
                ? $"Nach Anhörung neu bewertet: wichtiger Grund anerkannt ({(x.Reason is { } r ? HistoryWording.Of(r) : "ohne Angabe")}): {x.Reasoning}"
                : $"Nach Anhörung neu bewertet: kein wichtiger Grund anerkannt: {x.Reasoning}",
            mask: e => e with { Reason = null, Reasoning = X }),
        Entry<SanctionProposed>(EventStream.Person, _ => LegalBasis.Restriction,
            (x, n) => $"Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG vorgeschlagen von {n(x.ProposedBy)}: {x.Reasoning}",
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(SanctionProposed.ProposedBy)]),
        Entry<SanctionDecided>(EventStream.Person, _ => LegalBasis.Restriction,
            (x, n) => x.Approved
                ? $"Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG verfügt von {n(x.DecidedBy)}: {D(x.StartsOn!.Value)} bis {D(x.EndsOn!.Value)}{Wording(x.NoticeVersion)}"
                : $"Vorschlag einer Anspruchseinschränkung abgelehnt von {n(x.DecidedBy)}: {x.Reasoning}{Wording(x.NoticeVersion)}",
            mask: e => e with
            {
                Reasoning = X, HardshipReasoning = e.HardshipReasoning is null ? null : X, DiscretionReasoning = e.DiscretionReasoning is null ? null : X,
                HardshipGranted = e.HardshipGranted?.Select(_ => X).ToList(),
            },
            notPersonal: [nameof(SanctionDecided.DecidedBy), nameof(SanctionDecided.NoticeVersion)]),
        Entry<ObjectionFiled>(EventStream.Person, _ => LegalBasis.Objection,
            x => $"Widerspruch gegen die Anspruchseinschränkung eingegangen am {D(x.ReceivedOn)} (keine aufschiebende Wirkung, § 11 Abs. 4 AsylbLG)",
            occurredOn: x => x.ReceivedOn, mask: e => e with { Statement = X }, notPersonal: [nameof(ObjectionFiled.FiledBy)]),
#pragma warning disable CS8524
        Entry<ObjectionDecided>(EventStream.Person, x => x.Decided switch
            {
                ObjectionOutcome.Upheld => LegalBasis.ObjectionUpheld,
                ObjectionOutcome.PartlyUpheld => LegalBasis.ObjectionPartlyUpheld,
                ObjectionOutcome.Dismissed => LegalBasis.ObjectionDismissed,
            },
            (x, n) => x.Decided switch
            {
                ObjectionOutcome.Upheld => $"Dem Widerspruch abgeholfen von {n(x.DecidedBy)} (§ 85 Abs. 1 SGG): Anspruchseinschränkung von Beginn an aufgehoben",
                ObjectionOutcome.PartlyUpheld => $"Dem Widerspruch teilweise abgeholfen von {n(x.DecidedBy)} (§ 85 Abs. 1 und 2 SGG): Zeitraum "
                    + $"{(x.NewStartsOn is { } from ? "ab " + D(from) : "")}{(x.NewStartsOn is not null && x.NewEndsOn is not null ? " " : "")}"
                    + $"{(x.NewEndsOn is { } to ? "bis " + D(to) : "")}, im Übrigen zurückgewiesen: {x.Reasoning}",
                ObjectionOutcome.Dismissed => $"Widerspruch zurückgewiesen von {n(x.DecidedBy)} (§ 85 Abs. 2 SGG): {x.Reasoning}",
            } + (x.Costs is { } costs ? $"; Kostenerstattung: {HistoryWording.Of(costs)}" : ""),
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(ObjectionDecided.DecidedBy)]),
#pragma warning restore CS8524
        Entry<RestrictionEndedEarly>(EventStream.Person, _ => LegalBasis.RestrictionEnd,
            (x, n) => $"Anspruchseinschränkung vorzeitig beendet zum {D(x.LastDay)} ({HistoryWording.Of(x.Reason)}), von {n(x.EndedBy)}",
            occurredOn: x => x.LastDay, mask: e => e with { Reasoning = X }, notPersonal: [nameof(RestrictionEndedEarly.EndedBy)]),
        Entry<RestrictionReviewed>(EventStream.Person, x => x.Continued ? LegalBasis.RestrictionContinued : LegalBasis.RestrictionReview,
            (x, n) => x.Continued
                ? $"Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft und nach Anhörung am {D(x.HearingHeldOn!.Value)} verlängert bis {D(x.NewEndsOn!.Value)}, von {n(x.ReviewedBy)}"
                : $"Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft: endet wie vorgesehen am {D(x.PeriodEndsOn)}, von {n(x.ReviewedBy)}",
            occurredOn: x => x.ReviewedOn,
            mask: e => e with
            {
                Reasoning = X, HardshipReasoning = e.HardshipReasoning is null ? null : X, DiscretionReasoning = e.DiscretionReasoning is null ? null : X,
                HardshipGranted = e.HardshipGranted?.Select(_ => X).ToList(),
            },
            notPersonal: [nameof(RestrictionReviewed.ReviewedBy), nameof(RestrictionReviewed.NoticeVersion)]),
        Entry<PlacementObjectionFiled>(EventStream.Person, _ => LegalBasis.PlacementObjection,
            (x, n) => $"Widerspruch gegen den Heranziehungsbescheid eingegangen am {D(x.ReceivedOn)} (aufschiebende Wirkung, § 86a Abs. 1 SGG), erfasst von {n(x.FiledBy)}",
            occurredOn: x => x.ReceivedOn, mask: e => e with { Statement = X }, notPersonal: [nameof(PlacementObjectionFiled.FiledBy)]),
        Entry<ImmediateEnforcementOrdered>(EventStream.Person, _ => LegalBasis.ImmediateEnforcement,
            (x, n) => $"Sofortige Vollziehung des Heranziehungsbescheids angeordnet von {n(x.OrderedBy)} (§ 86a Abs. 2 Nr. 5 SGG): {x.Reasoning}",
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(ImmediateEnforcementOrdered.OrderedBy)]),
        Entry<PlacementObjectionDecided>(EventStream.Person,
            x => x.Outcome == PlacementObjectionOutcome.Upheld ? LegalBasis.ObjectionUpheld : LegalBasis.ObjectionDismissed,
            (x, n) => $"{HistoryWording.Of(x.Outcome)} am {D(x.DecidedOn)} von {n(x.DecidedBy)}; Kostenerstattung: {HistoryWording.Of(x.Costs)}: {x.Reasoning}",
            occurredOn: x => x.DecidedOn, mask: e => e with { Reasoning = X }, notPersonal: [nameof(PlacementObjectionDecided.DecidedBy)]),
        Entry<LawsuitFiled>(EventStream.Person, _ => LegalBasis.Lawsuit,
            (x, n) => $"Klage gegen den Heranziehungsbescheid erhoben am {D(x.FiledOn)} beim {x.Court} (aufschiebende Wirkung, § 86a Abs. 1 SGG), erfasst von {n(x.RecordedBy)}",
            occurredOn: x => x.FiledOn, mask: e => e with { FileNumber = X },
            notPersonal: [nameof(LawsuitFiled.Court), nameof(LawsuitFiled.RecordedBy)]),
        Entry<LawsuitEnded>(EventStream.Person, _ => LegalBasis.Lawsuit,
            (x, n) => $"Klage gegen den Heranziehungsbescheid beendet am {D(x.On)} ({HistoryWording.Of(x.Outcome)}), erfasst von {n(x.RecordedBy)}",
            occurredOn: x => x.On, notPersonal: [nameof(LawsuitEnded.RecordedBy)]),
        Entry<RestrictionSuspended>(EventStream.Person, x => HistoryWording.BasisOf(x.Kind),
            (x, n) => $"Anspruchseinschränkung ausgesetzt ab {D(x.From)} ({HistoryWording.Of(x.Kind)}{(x.Court is { } c ? $", {c}" : "")}, entschieden am {D(x.DecidedOn)}), erfasst von {n(x.RecordedBy)}",
            occurredOn: x => x.From, mask: e => e with { Note = X, FileNumber = e.FileNumber is null ? null : X },
            notPersonal: [nameof(RestrictionSuspended.Court), nameof(RestrictionSuspended.RecordedBy)]),
        Entry<RestrictionSuspensionEnded>(EventStream.Person, _ => LegalBasis.SuspensionEnded,
            (x, n) => x.Outcome == SuspensionOutcome.Reinstated
                ? $"Aussetzung beendet: Anspruchseinschränkung wieder in Kraft ab {D(x.On)}, erfasst von {n(x.EndedBy)}"
                : $"Aussetzung beendet: Anspruchseinschränkung aufgehoben am {D(x.On)}, erfasst von {n(x.EndedBy)}",
            occurredOn: x => x.On, mask: e => e with { Note = X }, notPersonal: [nameof(RestrictionSuspensionEnded.EndedBy)]),
        Entry<ReviewRequestFiled>(EventStream.Person, _ => LegalBasis.ReviewRequest,
            x => $"Antrag auf Überprüfung nach § 44 SGB X eingegangen am {D(x.ReceivedOn)}",
            occurredOn: x => x.ReceivedOn, mask: e => e with { Statement = X }, notPersonal: [nameof(ReviewRequestFiled.FiledBy)]),
        Entry<ReviewRequestDecided>(EventStream.Person, _ => LegalBasis.ReviewRequest,
            (x, n) => x.Outcome == ReviewRequestOutcome.Withdrawn
                ? $"Überprüfung nach § 44 SGB X: Anspruchseinschränkung aufgehoben von {n(x.DecidedBy)}{(x.BackPaymentFrom is { } f ? $"; Nachzahlung ab {D(f)}" : "")}"
                : $"Überprüfung nach § 44 SGB X: Antrag abgelehnt von {n(x.DecidedBy)}",
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(ReviewRequestDecided.DecidedBy)]),
        Entry<NoticeIssued>(EventStream.Person, _ => LegalBasis.NoticeIssued,
            x => x.Origin == NoticeOrigin.External
                ? $"{HistoryWording.Of(x.Kind)} außerhalb des Dienstes zugestellt am {D(x.IssuedOn)}, erfasst von {x.IssuedByName}"
                : $"{HistoryWording.Of(x.Kind)} erlassen am {D(x.IssuedOn)} von {x.IssuedByName}{Wording(x.Version)}",
            occurredOn: x => x.IssuedOn,
            notPersonal: [nameof(NoticeIssued.Version), nameof(NoticeIssued.IssuedBy), nameof(NoticeIssued.IssuedByName), nameof(NoticeIssued.IssuedByRole),
                nameof(NoticeIssued.Authority)]),
        Entry<NoticeDispatched>(EventStream.Person, _ => LegalBasis.Notification,
            (x, n) => $"Bescheid {HistoryWording.Of(x.Method)} am {D(x.On)}, erfasst von {n(x.RecordedBy)}; gilt als bekanntgegeben am {D(x.NotifiedOn)}",
            occurredOn: x => x.On, notPersonal: [nameof(NoticeDispatched.RecordedBy)]),
        Entry<NoticeReceiptRecorded>(EventStream.Person, _ => LegalBasis.NotificationRebutted,
            (x, n) => x.On is { } on
                ? $"Zugangsvermutung widerlegt ({HistoryWording.Of(x.Outcome)}) am {D(on)}, erfasst von {n(x.RecordedBy)}"
                : $"Zugangsvermutung widerlegt ({HistoryWording.Of(x.Outcome)}), erfasst von {n(x.RecordedBy)}",
            occurredOn: x => x.On, mask: e => e with { Note = X }, notPersonal: [nameof(NoticeReceiptRecorded.RecordedBy)]),
        Entry<NoticeAnnexRendered>(EventStream.Person, _ => LegalBasis.NoticeTranslation,
            (x, n) => $"Übersetzung der Belehrungen ({x.Language}, Fassung {x.Version}, nicht rechtsverbindlich) erstellt für {n(x.RenderedBy)}",
            notPersonal: [nameof(NoticeAnnexRendered.Language), nameof(NoticeAnnexRendered.Version), nameof(NoticeAnnexRendered.RenderedBy)]),

        // Higher necessary expenses (§ 5 Abs. 2 AsylbLG): description, evidence and reasoning may tell about the person.
        Entry<ExpenseRecorded>(EventStream.Person, _ => LegalBasis.Allowance,
            (x, n) => $"Höhere notwendige Aufwendungen für {Mo(x.Month)} erfasst von {n(x.RecordedBy)}: {Eur(x.AmountCents)} ({x.Description})",
            mask: e => e with { Description = X, Evidence = X },
            notPersonal: [nameof(ExpenseRecorded.Municipality), nameof(ExpenseRecorded.Month), nameof(ExpenseRecorded.RecordedBy)]),
        Entry<ExpenseDecided>(EventStream.Person, _ => LegalBasis.Allowance,
            (x, n) => $"Höhere notwendige Aufwendungen {(x.Approved ? "anerkannt" : "abgelehnt")} von {n(x.DecidedBy)}: {x.Reasoning}",
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(ExpenseDecided.DecidedBy)]),

        // A correction below what a released run paid: the person owes the difference (never a negative payment).
        Entry<RecoveryOpened>(EventStream.Person, _ => LegalBasis.Recovery,
            x => $"Erstattungsverfahren eröffnet: {H(x.Minutes)} zu {x.RateCents} ct = {Eur(x.AmountCents)} wurden nach Berichtigung zu viel gezahlt",
            notPersonal: [nameof(RecoveryOpened.Municipality)]),

        Entry<RecoveryHeard>(EventStream.Person, _ => LegalBasis.HearingProcedure,
            (x, n) => $"Anhörung zur Erstattung am {D(x.HeldOn)}, durchgeführt von {n(x.HeardBy)}: {x.Statement}",
            occurredOn: x => x.HeldOn, mask: e => e with { Statement = X }, notPersonal: [nameof(RecoveryHeard.HeardBy)]),
        Entry<RecoveryDecided>(EventStream.Person, _ => LegalBasis.Recovery,
            (x, n) => x.Outcome == RecoveryOutcome.Recover
                ? $"Erstattung festgesetzt (Erstattungsbescheid) von {n(x.DecidedBy)}: {x.Reasoning}"
                : $"Auf die Erstattung verzichtet von {n(x.DecidedBy)}: {x.Reasoning}",
            mask: e => e with { Reasoning = X }, notPersonal: [nameof(RecoveryDecided.DecidedBy)]),
        Entry<RecoveryObjectionFiled>(EventStream.Person, _ => LegalBasis.RecoveryObjection,
            x => $"Widerspruch gegen den Erstattungsbescheid eingegangen am {D(x.ReceivedOn)}; die Vollziehung ist ausgesetzt (§ 86a Abs. 1 SGG)",
            occurredOn: x => x.ReceivedOn, mask: e => e with { Statement = X }, notPersonal: [nameof(RecoveryObjectionFiled.FiledBy)]),

        // Payout ledger: one stream for every run, never masked with a person (the CSV export reads names from the person).
        // Checking and sending back a run are steps of paying the allowance; the four-eyes rule is the district's own.
        Entry<PayoutRunPrepared>(EventStream.PayoutLedger, _ => LegalBasis.Payout, (x, n) => $"Auszahlungslauf {Mo(x.Month)} vorbereitet von {n(x.PreparedBy)}",
            notPersonal: [nameof(PayoutRunPrepared.Month), nameof(PayoutRunPrepared.PreparedBy)]),
        Entry<PayoutRunReleased>(EventStream.PayoutLedger, _ => LegalBasis.Payout, (x, n) => $"Auszahlungslauf {Mo(x.Month)} freigegeben von {n(x.ReleasedBy)}",
            notPersonal: [nameof(PayoutRunReleased.Month), nameof(PayoutRunReleased.ReleasedBy)]),
        Entry<PayoutRunReviewed>(EventStream.PayoutLedger, _ => LegalBasis.Payout, (x, n) => $"Auszahlungslauf {Mo(x.Month)} geprüft von {n(x.ReviewedBy)}",
            notPersonal: [nameof(PayoutRunReviewed.Month), nameof(PayoutRunReviewed.ReviewedBy)]),
        // The reason is payroll's note on a whole run; a person's history leaves it out.
        Entry<PayoutRunRejected>(EventStream.PayoutLedger, _ => LegalBasis.Payout,
            (x, n) => $"Auszahlungslauf {Mo(x.Month)} zurückgewiesen von {n(x.RejectedBy)}; seine Beträge gelten wieder als nicht gezahlt",
            notPersonal: [nameof(PayoutRunRejected.Month), nameof(PayoutRunRejected.RejectedBy), nameof(PayoutRunRejected.Reason)]),
        // The file goes to the Kreiskasse, which pays out (cash-office basis of every payout event); it names no person itself.
        Entry<PayoutRunExported>(EventStream.PayoutLedger, _ => LegalBasis.Payout,
            (x, n) => x.Sequence == 1
                ? $"Auszahlungslauf {Mo(x.Month)} an die Kreiskasse exportiert von {n(x.ExportedBy)} ({x.LineCount} {(x.LineCount == 1 ? "Zeile" : "Zeilen")}, {Eur(x.ControlTotalCents)})"
                : $"Auszahlungslauf {Mo(x.Month)} als Duplikat {x.Sequence} an die Kreiskasse exportiert von {n(x.ExportedBy)} ({x.LineCount} {(x.LineCount == 1 ? "Zeile" : "Zeilen")}, {Eur(x.ControlTotalCents)})",
            notPersonal: [nameof(PayoutRunExported.Month), nameof(PayoutRunExported.ExportedBy), nameof(PayoutRunExported.Sha256)]),

        Entry<PersonHistoryRead>(EventStream.AccessLog, _ => LegalBasis.DataAccess, x => $"Akte eingesehen ({x.Purpose})",
            notPersonal: [nameof(PersonHistoryRead.Purpose)]),

        Entry<AllowanceComputed>(EventStream.DerivedForHistory, _ => LegalBasis.Payout,
            x => $"Aufwandsentschädigung {Mo(x.Month)}{(x.Arrears ? " (Nachberechnung)" : "")} berechnet: {H(x.Minutes)} zu {x.RateCents} ct = {Eur(x.AmountCents)}",
            notPersonal: [nameof(AllowanceComputed.Month)]),
    ];

    private static readonly Dictionary<Type, EventEntry> ByType = All.ToDictionary(e => e.Type);

    public static Type[] TypesOf(EventStream stream) => All.Where(e => e.Stream == stream).Select(e => e.Type).ToArray();

    /// <summary>The entry of an event type; throws for a type without one, so no event is stored or shown without its basis and wording.</summary>
    public static EventEntry For(Type type) =>
        ByType.TryGetValue(type, out var entry) ? entry : throw new ArgumentException($"{type.Name} has no entry in the event catalog.", nameof(type));

    public static EventEntry? Find(Type type) => ByType.GetValueOrDefault(type);

    public static string LegalBasisOf(object e) => For(e.GetType()).LegalBasisOf(e);

    public static string SummaryOf(object e) => For(e.GetType()).SummaryOf(e);

    /// <summary>
    /// The history line with every staff member named through <paramref name="staffName"/> (login id to name); the catalog
    /// stays pure, the caller knows the names.
    /// </summary>
    public static string SummaryOf(object e, Func<string, string> staffName) => For(e.GetType()).SummaryOf(e, staffName);

    public static DateOnly? OccurredOn(object e) => For(e.GetType()).OccurredOn(e);

    private static EventEntry<T> Entry<T>(EventStream stream, Func<T, string> legalBasis, Func<T, string> summary,
        Func<T, DateOnly?>? occurredOn = null, Func<T, T>? mask = null, string[]? notPersonal = null) where T : class, IDomainEvent =>
        new(stream, legalBasis, (x, _) => summary(x), occurredOn, mask, notPersonal ?? []);

    /// <summary>An entry whose line names a staff member: <c>n</c> turns the stored login id into the reader's name for them.</summary>
    private static EventEntry<T> Entry<T>(EventStream stream, Func<T, string> legalBasis, Func<T, Func<string, string>, string> summary,
        Func<T, DateOnly?>? occurredOn = null, Func<T, T>? mask = null, string[]? notPersonal = null) where T : class, IDomainEvent =>
        new(stream, legalBasis, summary, occurredOn, mask, notPersonal ?? []);

    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A month as people read it ("November 2026"), not as stored ("2026-11").</summary>
    private static string Mo(string month) => Month.TryParse(month, out var m) ? m.German : month;
    private static string Mo(Month month) => month.German;

    private static string H(int minutes) => $"{(minutes < 0 ? "-" : "")}{Math.Abs(minutes) / 60}:{Math.Abs(minutes) % 60:D2} Std.";

    private static string Eur(long cents) =>
        (cents < 0 ? "-" : "") + (Math.Abs(cents) / 100).ToString(CultureInfo.InvariantCulture) + "," + (Math.Abs(cents) % 100).ToString("D2", CultureInfo.InvariantCulture) + " EUR";

    // Which wording of the notice the person received; events from before versioning name none.
    private static string Wording(string? noticeVersion) => noticeVersion is null ? "" : $" (Bescheidfassung {noticeVersion})";
}

/// <summary>
/// The German words a person's history uses for the domain's enums. Every named value is listed and there is no
/// fallback: a new value fails the build (CS8509) instead of printing a plausible wrong word, and a number outside the
/// enum throws. CS8524 (unnamed values) is silenced for that reason only.
/// </summary>
public static class HistoryWording
{
#pragma warning disable CS8524
    public static string Of(HourSource source) => source switch
    {
        HourSource.Office => "vom Sozialamt",
        HourSource.Provider => "vom Träger",
    };

    public static string Of(RefusalKind kind) => kind switch
    {
        RefusalKind.Explicit => "Ausdrückliche Ablehnung",
        RefusalKind.NoShow => "Nichterscheinen",
        RefusalKind.DroppedOut => "Abbruch",
    };

    public static string Of(AbsenceKind kind) => kind switch
    {
        AbsenceKind.Explicit => "Ausdrückliche Ablehnung",
        AbsenceKind.NoShow => "Nichterscheinen",
        AbsenceKind.DroppedOut => "Abbruch",
        AbsenceKind.ReportedSick => "krank gemeldet",
    };

    public static string Of(ExemptionReason reason) => reason switch
    {
        ExemptionReason.Illness => "Krankheit",
        ExemptionReason.Disability => "Behinderung",
        ExemptionReason.Childcare => "Kinderbetreuung",
        ExemptionReason.CareOfRelative => "Pflege eines Angehörigen",
        ExemptionReason.RetirementAge => "Regelaltersgrenze",
        ExemptionReason.Employment => "Erwerbstätigkeit",
        ExemptionReason.Training => "Ausbildung",
        ExemptionReason.Studies => "Studium",
        ExemptionReason.Other => "sonstiger wichtiger Grund",
    };

    public static string Of(EndReason reason) => reason switch
    {
        EndReason.RegularEmployment => "reguläre Beschäftigung",
        EndReason.Training => "Ausbildung",
        EndReason.Studies => "Studium",
        EndReason.EntitlementEnded => "Ende der Leistungsberechtigung",
        EndReason.OfferEnded => "Ende der Arbeitsgelegenheit",
        EndReason.MovedAway => "Wegzug",
        EndReason.Other => "sonstiger Grund",
        EndReason.ObjectionUpheld => "Heranziehungsbescheid auf Widerspruch oder Klage aufgehoben",
        EndReason.PeriodEnded => "Ende der im Heranziehungsbescheid bestimmten Dauer",
    };

    public static string BasisOf(SuspensionKind kind) => kind switch
    {
        SuspensionKind.CourtOrder => LegalBasis.CourtOrder,
        SuspensionKind.InterimOrder => LegalBasis.InterimOrder,
        SuspensionKind.Authority => LegalBasis.AuthoritySuspension,
    };

    public static string Of(SuspensionKind kind) => kind switch
    {
        SuspensionKind.CourtOrder => "Anordnung der aufschiebenden Wirkung durch das Gericht",
        SuspensionKind.InterimOrder => "einstweilige Anordnung des Gerichts",
        SuspensionKind.Authority => "Aussetzung der Vollziehung durch die Behörde",
    };

    public static string Of(RestrictionEndReason reason) => reason switch
    {
        RestrictionEndReason.DutyFulfilled => "Pflicht wieder erfüllt",
        RestrictionEndReason.WillingNoPlace => "ernsthafte Bereitschaft erklärt, kein Platz frei",
        RestrictionEndReason.DutyLapsed => "Pflicht entfallen",
        RestrictionEndReason.Other => "sonstiger Grund",
    };

    public static string Of(HearingForm form) => form switch
    {
        HearingForm.Written => "schriftlich",
        HearingForm.Oral => "mündlich",
    };

    public static string Of(HearingDelivery delivery) => delivery switch
    {
        HearingDelivery.HandedOver => "persönlich ausgehändigt",
        HearingDelivery.Post => "mit der Post",
    };

    public static string Of(LegalStatus status) => status switch
    {
        LegalStatus.Applicant => "Asylbewerber (Aufenthaltsgestattung)",
        LegalStatus.Tolerated => "Duldung",
        LegalStatus.DepartureObliged => "vollziehbar ausreisepflichtig",
        LegalStatus.ResidencePermit => "Aufenthaltserlaubnis",
        LegalStatus.Excluded => "Leistungsausschluss nach § 1 Abs. 4 AsylbLG",
    };

    public static string Of(NoticeKind kind) => kind switch
    {
        NoticeKind.Heranziehungsbescheid => "Heranziehungsbescheid",
        NoticeKind.Einschraenkungsbescheid => "Einschränkungsbescheid",
        NoticeKind.Mitteilung => "Mitteilung",
        NoticeKind.Fortsetzungsbescheid => "Fortsetzungsbescheid",
        NoticeKind.Abhilfebescheid => "Abhilfebescheid",
        NoticeKind.Widerspruchsbescheid => "Widerspruchsbescheid",
        NoticeKind.AnordnungSofortigeVollziehung => "Anordnung der sofortigen Vollziehung",
        NoticeKind.Aufhebungsbescheid => "Aufhebungsbescheid",
        NoticeKind.Ablehnung => "Ablehnungsbescheid",
        NoticeKind.Erstattungsbescheid => "Erstattungsbescheid",
    };

    /// <summary>Begins the line of a decided Widerspruch against the Heranziehungsbescheid.</summary>
    public static string Of(PlacementObjectionOutcome outcome) => outcome switch
    {
        PlacementObjectionOutcome.Upheld => "Dem Widerspruch gegen den Heranziehungsbescheid abgeholfen (§ 85 Abs. 1 SGG), Einsatz beendet",
        PlacementObjectionOutcome.Dismissed => "Widerspruch gegen den Heranziehungsbescheid zurückgewiesen (§ 85 Abs. 2 SGG)",
    };

    public static string Of(PlacementObjectionCosts costs) => costs switch
    {
        PlacementObjectionCosts.None => "keine",
        PlacementObjectionCosts.Full => "in voller Höhe",
        PlacementObjectionCosts.Partial => "teilweise",
    };

    public static string Of(LawsuitOutcome outcome) => outcome switch
    {
        LawsuitOutcome.Dismissed => "abgewiesen",
        LawsuitOutcome.Upheld => "stattgegeben, Heranziehungsbescheid aufgehoben",
        LawsuitOutcome.Withdrawn => "zurückgenommen",
    };

    /// <summary>Completes "Bescheid … am <date>".</summary>
    public static string Of(DispatchMethod method) => method switch
    {
        DispatchMethod.HandedOver => "persönlich ausgehändigt",
        DispatchMethod.Post => "zur Post gegeben",
        DispatchMethod.Pzu => "mit Postzustellungsurkunde zugestellt",
        DispatchMethod.Electronic => "elektronisch übermittelt",
    };

    public static string Of(ReceiptOutcome outcome) => outcome switch
    {
        ReceiptOutcome.ReceivedLater => "später zugegangen",
        ReceiptOutcome.NotReceived => "nicht zugegangen",
        ReceiptOutcome.Returned => "als unzustellbar zurückgekommen",
    };
#pragma warning restore CS8524
}
