using System.Globalization;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Api.Persons;

/// <summary>One German line per event, for a Rechnungsprüfer reading a person's record.</summary>
public static class HistorySummary
{
    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    private static string H(int minutes) => $"{(minutes < 0 ? "-" : "")}{Math.Abs(minutes) / 60}:{Math.Abs(minutes) % 60:D2} Std.";
    private static string Eur(long cents) => Payouts.PayoutRunQueries.Euro(cents) + " EUR";

    public static DateOnly? OccurredOn(object e) => e switch
    {
        ExemptionRecorded x => x.From,
        EntitlementEnded x => x.Date,
        PersonAssigned x => x.NoticeServedOn,
        HoursLogged x => x.Date,
        HoursCorrected x => x.Date,
        RefusalRecorded x => x.Date,
        HearingHeld x => x.HeldOn,
        PlacementEnded x => x.Date,
        ObjectionFiled x => x.ReceivedOn,
        RestrictionEndedEarly x => x.LastDay,
        RestrictionReviewed x => x.ReviewedOn,
        _ => null,
    };

    public static string Of(object e) => e switch
    {
        PersonRegistered x => $"Person erfasst: {x.GivenName} {x.FamilyName}, geb. {D(x.DateOfBirth)}, leistungsberechtigt seit {D(x.EntitledSince)}",
        ExemptionRecorded x => $"Wichtiger Grund erfasst ({Reason(x.Reason)}) vom {D(x.From)} bis {(x.Until is { } u ? D(u) : "auf Weiteres")}",
        EntitlementEnded x => $"Leistungsberechtigung nach AsylbLG beendet zum {D(x.Date)}: {x.Reason}",
        PersonAssigned x => $"Heranziehungsbescheid mit Rechtsfolgenbelehrung zugestellt am {D(x.NoticeServedOn)}; Einsatz ab {D(x.StartsOn)}, {x.HoursPerWeek} Std./Woche{Wording(x.NoticeVersion)}",
        HoursLogged x => $"{H(x.Minutes)} am {D(x.Date)} erfasst",
        HoursCorrected x => $"Stunden vom {D(x.Date)} berichtigt auf {H(x.Minutes)}: {x.Reason}",
        RefusalRecorded x => $"{Kind(x.Kind)} am {D(x.Date)}; angegebener Grund: {(string.IsNullOrWhiteSpace(x.StatedReason) ? "keiner" : x.StatedReason)}",
        RefusalAssessed { GoodCause: true } x => $"Wichtiger Grund anerkannt ({(x.Reason is { } r ? Reason(r) : "ohne Angabe")}): {x.Reasoning}",
        RefusalAssessed x => $"Kein wichtiger Grund anerkannt: {x.Reasoning}",
        HearingHeld x => $"Anhörung nach § 28 VwVfG am {D(x.HeldOn)} durchgeführt",
        SanctionProposed x => $"Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG vorgeschlagen von {x.ProposedBy}: {x.Reasoning}",
        SanctionDecided { Approved: true } x => $"Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG verfügt von {x.DecidedBy}: {D(x.StartsOn!.Value)} bis {D(x.EndsOn!.Value)}{Wording(x.NoticeVersion)}",
        SanctionDecided x => $"Vorschlag einer Anspruchseinschränkung abgelehnt von {x.DecidedBy}: {x.Reasoning}{Wording(x.NoticeVersion)}",
        ObjectionFiled x => $"Widerspruch gegen die Anspruchseinschränkung eingegangen am {D(x.ReceivedOn)} (keine aufschiebende Wirkung, § 11 Abs. 4 AsylbLG)",
        ObjectionDecided { Upheld: true } x => $"Dem Widerspruch abgeholfen von {x.DecidedBy} (§ 85 Abs. 1 SGG): Anspruchseinschränkung von Beginn an aufgehoben",
        ObjectionDecided x => $"Widerspruch zurückgewiesen von {x.DecidedBy} (§ 85 Abs. 2 SGG): {x.Reasoning}",
        RestrictionEndedEarly x => $"Anspruchseinschränkung vorzeitig beendet zum {D(x.LastDay)} ({EndOfRestriction(x.Reason)}), von {x.EndedBy}",
        RestrictionReviewed { Continued: true } x => $"Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft und nach Anhörung am {D(x.HearingHeldOn!.Value)} verlängert bis {D(x.NewEndsOn!.Value)}, von {x.ReviewedBy}",
        RestrictionReviewed x => $"Anspruchseinschränkung nach § 14 Abs. 2 AsylbLG überprüft: endet wie vorgesehen am {D(x.PeriodEndsOn)}, von {x.ReviewedBy}",
        PlacementEnded x => $"Einsatz beendet, letzter Arbeitstag {D(x.Date)} ({End(x.Reason)})",
        AllowanceComputed x => $"Aufwandsentschädigung {x.Month}{(x.Arrears ? " (Nachberechnung)" : "")} berechnet: {H(x.Minutes)} zu {x.RateCents} ct = {Eur(x.AmountCents)}",
        PayoutRunReleased x => $"Auszahlungslauf {x.Month} freigegeben von {x.ReleasedBy}",
        PayoutRunReviewed x => $"Auszahlungslauf {x.Month} geprüft von {x.ReviewedBy}",
        PayoutRunRejected x => $"Auszahlungslauf {x.Month} zurückgewiesen von {x.RejectedBy}; seine Beträge gelten wieder als nicht gezahlt",
        PlaceOccupied or PlaceReleased => "Platzbelegung geändert",
        OfferRegistered x => $"Arbeitsgelegenheit erfasst: {x.Title} bei {x.ProviderName}, {x.Places} Plätze",
        OfferPlacesChanged x => $"Platzzahl der Arbeitsgelegenheit geändert auf {x.Places}",
        OfferWithdrawn x => $"Arbeitsgelegenheit zurückgezogen zum {D(x.Date)}",
        PayoutRunPrepared x => $"Auszahlungslauf {x.Month} vorbereitet von {x.PreparedBy}",
        PersonHistoryRead x => $"Akte eingesehen ({x.Purpose})",
        LegalHoldPlaced x => $"Löschsperre wegen anhängigen Rechtsbehelfs: {x.Reason}",
        LegalHoldLifted x => $"Löschsperre aufgehoben: {x.Reason}",
        PersonDataErased x => $"Personenbezogene Daten nach Ablauf der Aufbewahrungsfrist ({x.RetentionYears} Jahre ab {D(x.ClosedOn)}) gelöscht",
        _ => e.GetType().Name,
    };

    // Which wording of the notice the person received; events from before versioning name none.
    private static string Wording(string? noticeVersion) => noticeVersion is null ? "" : $" (Bescheidfassung {noticeVersion})";

    private static string EndOfRestriction(RestrictionEndReason r) => r switch
    {
        RestrictionEndReason.DutyFulfilled => "Pflicht wieder erfüllt",
        RestrictionEndReason.WillingNoPlace => "ernsthafte Bereitschaft erklärt, kein Platz frei",
        RestrictionEndReason.DutyLapsed => "Pflicht entfallen",
        _ => "sonstiger Grund",
    };

    private static string Kind(RefusalKind k) => k switch
    {
        RefusalKind.Explicit => "Ausdrückliche Ablehnung",
        RefusalKind.NoShow => "Nichterscheinen",
        _ => "Abbruch",
    };

    private static string Reason(ExemptionReason r) => r switch
    {
        ExemptionReason.Illness => "Krankheit",
        ExemptionReason.Disability => "Behinderung",
        ExemptionReason.Childcare => "Kinderbetreuung",
        ExemptionReason.CareOfRelative => "Pflege eines Angehörigen",
        ExemptionReason.RetirementAge => "Regelaltersgrenze",
        ExemptionReason.Employment => "Erwerbstätigkeit",
        ExemptionReason.Training => "Ausbildung",
        ExemptionReason.Studies => "Studium",
        _ => "sonstiger wichtiger Grund",
    };

    private static string End(EndReason r) => r switch
    {
        EndReason.RegularEmployment => "reguläre Beschäftigung",
        EndReason.Training => "Ausbildung",
        EndReason.Studies => "Studium",
        EndReason.EntitlementEnded => "Ende der Leistungsberechtigung",
        EndReason.OfferEnded => "Ende der Arbeitsgelegenheit",
        EndReason.MovedAway => "Wegzug",
        _ => "sonstiger Grund",
    };
}
