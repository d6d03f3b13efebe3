using System.Reflection;
using System.Runtime.Serialization;
using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>
/// The German words for one API enum, in the order forms offer them, with the badge style where a page shows one.
/// A value without a row shows its API code, so a value added to the API is visible rather than mislabelled.
/// </summary>
public sealed class LabelTable<T> where T : struct, Enum
{
    private readonly Dictionary<T, (string Text, string Css)> _rows;

    public LabelTable(params (T Value, string Text, string Css)[] rows)
    {
        Rows = rows.Select(r => (r.Value, Wire(r.Value), r.Text)).ToList();
        _rows = rows.ToDictionary(r => r.Value, r => (r.Text, r.Css));
    }

    /// <summary>Every labelled value with its API code and text, for select lists and radio groups.</summary>
    public IReadOnlyList<(T Value, string Code, string Text)> Rows { get; }

    public string Text(T value) => _rows.TryGetValue(value, out var row) ? row.Text : Wire(value);

    public string Text(T? value) => value is { } v ? Text(v) : "–";

    public string Css(T value) => _rows.TryGetValue(value, out var row) ? row.Css : "neutral";

    public (string Text, string Css) Badge(T value) => (Text(value), Css(value));

    /// <summary>The values of <typeparamref name="T"/> that have no row (the label test keeps this empty).</summary>
    public IReadOnlyList<T> Missing => Enum.GetValues<T>().Where(v => !_rows.ContainsKey(v)).ToList();

    /// <summary>The value the API calls <paramref name="code"/>, or null.</summary>
    public T? Parse(string? code) => Enum.GetValues<T>().Where(v => Wire(v) == code).Select(v => (T?)v).FirstOrDefault();

    /// <summary>The API's name of a generated enum member (its EnumMember value, e.g. <c>care-of-relative</c>).</summary>
    public static string Wire(T value) =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? value.ToString();
}

/// <summary>The one German label table per API enum; every page takes its words from here.</summary>
public static class Labels
{
    public static readonly LabelTable<PersonStatus> PersonStatus = new(
        (Api.PersonStatus.Available, "verfügbar", "neutral"),
        (Api.PersonStatus.Placed, "in Arbeitsgelegenheit", "ok"),
        (Api.PersonStatus.Exempt, "befreit", "warn"),
        (Api.PersonStatus.NotEntitled, "kein Leistungsanspruch", "neutral"),
        (Api.PersonStatus.Duplicate, "doppelt erfasst", "neutral"));

    public static readonly LabelTable<ExemptionReason> ExemptionReason = new(
        (Api.ExemptionReason.Illness, "Krankheit (Arbeitsunfähigkeit)", ""),
        (Api.ExemptionReason.Disability, "Behinderung", ""),
        (Api.ExemptionReason.Childcare, "Betreuung eines Kindes", ""),
        (Api.ExemptionReason.CareOfRelative, "Pflege einer angehörigen Person", ""),
        (Api.ExemptionReason.RetirementAge, "Altersgrenze erreicht", ""),
        (Api.ExemptionReason.Employment, "Erwerbstätigkeit", ""),
        (Api.ExemptionReason.Training, "Ausbildung", ""),
        (Api.ExemptionReason.Studies, "Studium oder Schulbesuch", ""),
        (Api.ExemptionReason.Other, "Sonstiger wichtiger Grund", ""));

    public static readonly LabelTable<EndReason> EndReason = new(
        (Api.EndReason.RegularEmployment, "Reguläre Beschäftigung möglich", ""),
        (Api.EndReason.Training, "Ausbildung aufgenommen", ""),
        (Api.EndReason.Studies, "Studium oder Schulbesuch aufgenommen", ""),
        (Api.EndReason.EntitlementEnded, "Leistungsanspruch beendet", ""),
        (Api.EndReason.OfferEnded, "Angebot beendet", ""),
        (Api.EndReason.MovedAway, "Weggezogen", ""),
        (Api.EndReason.Other, "Sonstiger Grund", ""),
        (Api.EndReason.ObjectionUpheld, "Heranziehungsbescheid aufgehoben (Widerspruch oder Klage)", ""),
        (Api.EndReason.PeriodEnded, "Dauer der Heranziehung abgelaufen", ""));

    /// <summary>End reasons the service records itself; a caseworker never chooses them (the API answers 400).</summary>
    public static bool ChosenByService(EndReason reason) => reason is Api.EndReason.ObjectionUpheld or Api.EndReason.PeriodEnded;

    public static readonly LabelTable<Weekday> Weekday = new(
        (Api.Weekday.Monday, "Montag", ""),
        (Api.Weekday.Tuesday, "Dienstag", ""),
        (Api.Weekday.Wednesday, "Mittwoch", ""),
        (Api.Weekday.Thursday, "Donnerstag", ""),
        (Api.Weekday.Friday, "Freitag", ""),
        (Api.Weekday.Saturday, "Samstag", ""),
        (Api.Weekday.Sunday, "Sonntag", ""));

    public static readonly LabelTable<PlacementStatus> PlacementStatus = new(
        (Api.PlacementStatus.Active, "läuft", "ok"),
        (Api.PlacementStatus.Ended, "beendet", "neutral"),
        (Api.PlacementStatus.Upcoming, "beginnt", "warn"));

    /// <summary>"beginnt am 07.12.2026" for a placement not yet begun, else its status word.</summary>
    public static string PlacementStatusText(PlacementStatus status, DateOnly startsOn) =>
        status == Api.PlacementStatus.Upcoming ? $"beginnt am {Format.Date(startsOn)}" : PlacementStatus.Text(status);

    public static readonly LabelTable<Ineligibility> Ineligibility = new(
        (Api.Ineligibility.UnderAge, "minderjährig", "warn"),
        (Api.Ineligibility.RetirementAge, "Regelaltersgrenze erreicht", "warn"),
        (Api.Ineligibility.NotEntitled, "kein Leistungsanspruch", "neutral"),
        (Api.Ineligibility.Excluded, "Leistungsausschluss (§ 1 Abs. 4 AsylbLG)", "neutral"),
        (Api.Ineligibility.Exempt, "befreit", "warn"),
        (Api.Ineligibility.Duplicate, "doppelt erfasst", "neutral"));

    public static readonly LabelTable<RefusalKind> RefusalKind = new(
        (Api.RefusalKind.Explicit, "ausdrückliche Weigerung", ""),
        (Api.RefusalKind.NoShow, "Nichterscheinen", ""),
        (Api.RefusalKind.DroppedOut, "Abbruch", ""));

    public static readonly LabelTable<ProposalStatus> ProposalStatus = new(
        (Api.ProposalStatus.Pending, "wartet auf Entscheidung", "warn"),
        (Api.ProposalStatus.Approved, "bewilligt", "bad"),
        (Api.ProposalStatus.Rejected, "abgelehnt", "neutral"));

    /// <summary>
    /// The proposal's outcome as it stands: an approval that an objection overturned no longer reads "bewilligt"
    /// (the restriction is lifted), neither does one whose restriction was withdrawn otherwise (an upheld objection
    /// against the Heranziehungsbescheid, a review); one changed in part says so.
    /// </summary>
    public static (string Text, string Css) ProposalBadge(SanctionProposalDto p) =>
        p.Status != Api.ProposalStatus.Approved ? ProposalStatus.Badge(p.Status)
        : p.Objections?.Any(o => o.Status == Api.ObjectionStatus.Upheld) == true ? ("aufgehoben (Widerspruch stattgegeben)", "neutral")
        // Withdrawn by another way: the Heranziehungsbescheid fell to an upheld objection, or a review under § 44 SGB X.
        : p.Restriction?.Status == Api.RestrictionStatus.Withdrawn ? ("aufgehoben (Einschränkung zurückgenommen)", "neutral")
        : p.Objections?.Any(o => o.Status == Api.ObjectionStatus.PartlyUpheld) == true ? ("bewilligt, im Widerspruch teilweise geändert", "bad")
        : ProposalStatus.Badge(p.Status);

    public static readonly LabelTable<RestrictionStatus> RestrictionStatus = new(
        (Api.RestrictionStatus.InForce, "in Kraft", "bad"),
        (Api.RestrictionStatus.EndedEarly, "vorzeitig beendet", "neutral"),
        (Api.RestrictionStatus.Withdrawn, "aufgehoben", "neutral"),
        (Api.RestrictionStatus.Expired, "abgelaufen", "neutral"),
        (Api.RestrictionStatus.AwaitingNotification, "wartet auf Bekanntgabe", "warn"),
        (Api.RestrictionStatus.Suspended, "ausgesetzt", "neutral"));

    public static readonly LabelTable<RestrictionEndReason> RestrictionEndReason = new(
        (Api.RestrictionEndReason.DutyFulfilled, "Pflicht wird wieder erfüllt", ""),
        (Api.RestrictionEndReason.WillingNoPlace, "ernsthaft bereit, aber kein Platz frei", ""),
        (Api.RestrictionEndReason.DutyLapsed, "Pflicht entfallen (Arbeit, Ausbildung, Befreiung, Altersgrenze, Leistungsende)", ""),
        (Api.RestrictionEndReason.Other, "anderer Grund", ""));

    public static readonly LabelTable<ObjectionStatus> ObjectionStatus = new(
        (Api.ObjectionStatus.Pending, "offen", "warn"),
        (Api.ObjectionStatus.Upheld, "stattgegeben (Abhilfe)", "ok"),
        (Api.ObjectionStatus.PartlyUpheld, "teilweise stattgegeben", "ok"),
        (Api.ObjectionStatus.Dismissed, "zurückgewiesen", "neutral"));

    public static readonly LabelTable<ProviderType> ProviderType = new(
        (Api.ProviderType.Municipality, "Kommune", ""),
        (Api.ProviderType.District, "Landkreis", ""),
        (Api.ProviderType.Nonprofit, "gemeinnütziger Träger", ""));

    public static readonly LabelTable<OfferStatus> OfferStatus = new(
        (Api.OfferStatus.Open, "offen", "ok"),
        (Api.OfferStatus.Withdrawn, "zurückgezogen", "neutral"),
        (Api.OfferStatus.Ended, "beendet", "neutral"));

    public static readonly LabelTable<PayoutRunStatus> PayoutRunStatus = new(
        (Api.PayoutRunStatus.Prepared, "vorbereitet", "neutral"),
        (Api.PayoutRunStatus.Reviewed, "geprüft", "warn"),
        (Api.PayoutRunStatus.Released, "freigegeben", "ok"),
        (Api.PayoutRunStatus.Rejected, "zurückgewiesen", "bad"));

    public static readonly LabelTable<NoticeKind> NoticeKind = new(
        (Api.NoticeKind.Heranziehungsbescheid, "Heranziehungsbescheid (Heranziehung zur Arbeitsgelegenheit)", ""),
        (Api.NoticeKind.Einschraenkungsbescheid, "Einschränkungsbescheid", ""),
        (Api.NoticeKind.Mitteilung, "Mitteilung (keine Einschränkung)", ""),
        (Api.NoticeKind.Fortsetzungsbescheid, "Fortsetzungsbescheid (§ 14 Abs. 2 AsylbLG)", ""),
        (Api.NoticeKind.Abhilfebescheid, "Abhilfebescheid (§ 85 Abs. 1 SGG)", ""),
        (Api.NoticeKind.Widerspruchsbescheid, "Widerspruchsbescheid (§ 85 Abs. 2 SGG)", ""),
        (Api.NoticeKind.AnordnungSofortigeVollziehung, "Anordnung der sofortigen Vollziehung", ""),
        (Api.NoticeKind.Aufhebungsbescheid, "Aufhebungsbescheid (§ 44 SGB X)", ""),
        (Api.NoticeKind.Ablehnung, "Ablehnung des Überprüfungsantrags", ""),
        (Api.NoticeKind.Erstattungsbescheid, "Erstattungsbescheid (§ 50 SGB X)", ""));

    public static readonly LabelTable<NoticeOrigin> NoticeOrigin = new(
        (Api.NoticeOrigin.Service, "im Dienst erstellt", ""),
        (Api.NoticeOrigin.External, "außerhalb des Dienstes zugestellt", ""));

    public static readonly LabelTable<DispatchMethod> DispatchMethod = new(
        (Api.DispatchMethod.HandedOver, "persönlich ausgehändigt", ""),
        (Api.DispatchMethod.Post, "mit einfacher Post", ""),
        (Api.DispatchMethod.Pzu, "Postzustellungsurkunde (PZU)", ""),
        (Api.DispatchMethod.Electronic, "elektronisch (Zugang eröffnet)", ""));

    public static readonly LabelTable<ReceiptOutcome> ReceiptOutcome = new(
        (Api.ReceiptOutcome.ReceivedLater, "später erhalten", ""),
        (Api.ReceiptOutcome.NotReceived, "nicht erhalten", ""),
        (Api.ReceiptOutcome.Returned, "als unzustellbar zurückgekommen", ""));

    public static readonly LabelTable<EvidenceKind> EvidenceKind = new(
        (Api.EvidenceKind.AuCertificate, "Arbeitsunfähigkeitsbescheinigung", ""),
        (Api.EvidenceKind.DoctorLetter, "ärztliches Schreiben", ""),
        (Api.EvidenceKind.Declaration, "Erklärung der Person", ""),
        (Api.EvidenceKind.None, "kein Nachweis", ""));

    public static readonly LabelTable<LegalStatus> LegalStatus = new(
        (Api.LegalStatus.Applicant, "Asylbewerberin oder Asylbewerber (Aufenthaltsgestattung)", ""),
        (Api.LegalStatus.Tolerated, "geduldet", ""),
        (Api.LegalStatus.DepartureObliged, "vollziehbar ausreisepflichtig", ""),
        (Api.LegalStatus.ResidencePermit, "Aufenthaltserlaubnis", ""),
        (Api.LegalStatus.Excluded, "vom Leistungsbezug ausgeschlossen (§ 1 Abs. 4 AsylbLG)", "bad"));

    public static readonly LabelTable<HearingForm> HearingForm = new(
        (Api.HearingForm.Written, "schriftlich", ""),
        (Api.HearingForm.Oral, "mündlich", ""));

    public static readonly LabelTable<HearingDelivery> HearingDelivery = new(
        (Api.HearingDelivery.HandedOver, "persönlich ausgehändigt", ""),
        (Api.HearingDelivery.Post, "mit der Post", ""));

    public static readonly LabelTable<PlacementObjectionStatus> PlacementObjectionStatus = new(
        (Api.PlacementObjectionStatus.Pending, "offen (aufschiebende Wirkung)", "warn"),
        (Api.PlacementObjectionStatus.Upheld, "stattgegeben", "ok"),
        (Api.PlacementObjectionStatus.Dismissed, "zurückgewiesen", "neutral"));

    public static readonly LabelTable<ObjectionOutcome> ObjectionOutcome = new(
        (Api.ObjectionOutcome.Upheld, "Abhelfen (§ 85 Abs. 1 SGG): die Einschränkung wird von Beginn an aufgehoben", "ok"),
        (Api.ObjectionOutcome.PartlyUpheld, "Teilweise abhelfen: der Zeitraum wird verkürzt (Abhilfe- und Widerspruchsbescheid)", "warn"),
        (Api.ObjectionOutcome.Dismissed, "Zurückweisen (§ 85 Abs. 2 SGG): die Einschränkung bleibt", "neutral"));

    public static readonly LabelTable<RevocationBasis> RevocationBasis = new(
        (Api.RevocationBasis.Section48, "§ 48 SGB X (wesentliche Änderung)", ""),
        (Api.RevocationBasis.Section45, "§ 45 SGB X (Rücknahme, mit Ermessen)", ""));

    public static readonly LabelTable<ExpenseStatus> ExpenseStatus = new(
        (Api.ExpenseStatus.Pending, "zu entscheiden", "warn"),
        (Api.ExpenseStatus.Approved, "anerkannt", "ok"),
        (Api.ExpenseStatus.Rejected, "abgelehnt", "bad"));

    public static readonly LabelTable<RecoveryStatus> RecoveryStatus = new(
        (Api.RecoveryStatus.Open, "offen: Anhörung nötig", "warn"),
        (Api.RecoveryStatus.Heard, "angehört: Entscheidung nötig", "warn"),
        (Api.RecoveryStatus.Decided, "Erstattungsbescheid erlassen, noch nicht bestandskräftig", "neutral"),
        (Api.RecoveryStatus.Final, "bestandskräftig: an die Kreiskasse", "ok"),
        (Api.RecoveryStatus.Waived, "verzichtet", "neutral"));

    public static readonly LabelTable<RecoveryOutcome> RecoveryOutcome = new(
        (Api.RecoveryOutcome.Recover, "zurückfordern (Erstattungsbescheid)", "warn"),
        (Api.RecoveryOutcome.Waive, "auf die Erstattung verzichten", "neutral"));

    public static readonly LabelTable<OpenTaskKind> OpenTaskKind = new(
        (Api.OpenTaskKind.RefusalToAssess, "Weigerung bewerten", "warn"),
        (Api.OpenTaskKind.HearingDue, "Anhörung durchführen", "warn"),
        (Api.OpenTaskKind.ProposalDue, "Einschränkung vorschlagen", "warn"),
        (Api.OpenTaskKind.NoticeToDispatch, "Bescheid versenden", "warn"),
        (Api.OpenTaskKind.ObjectionToDecide, "über den Widerspruch entscheiden", "warn"),
        (Api.OpenTaskKind.ProposalToDecide, "über den Vorschlag entscheiden", "warn"),
        (Api.OpenTaskKind.ReviewDue, "Einschränkung überprüfen", "warn"),
        (Api.OpenTaskKind.ExemptionEnding, "Befreiung endet bald", "neutral"),
        (Api.OpenTaskKind.PlacementStarting, "Einsatz beginnt bald", "neutral"),
        (Api.OpenTaskKind.PlacementEnding, "Einsatz endet bald", "neutral"),
        (Api.OpenTaskKind.HoursMissing, "Stunden der letzten Woche fehlen", "warn"),
        (Api.OpenTaskKind.RunToReview, "Auszahlungslauf prüfen", "warn"),
        (Api.OpenTaskKind.RunToRelease, "Auszahlungslauf freigeben", "warn"));

    public static readonly LabelTable<HourSource> HourSource = new(
        (Api.HourSource.Office, "Sozialamt", ""),
        (Api.HourSource.Provider, "Träger", ""));

    public static readonly LabelTable<AbsenceKind> AbsenceKind = new(
        (Api.AbsenceKind.Explicit, "ausdrücklich verweigert", ""),
        (Api.AbsenceKind.NoShow, "nicht erschienen", ""),
        (Api.AbsenceKind.DroppedOut, "abgebrochen", ""),
        (Api.AbsenceKind.ReportedSick, "krank gemeldet", ""));

    public static readonly LabelTable<AbsenceReportStatus> AbsenceReportStatus = new(
        (Api.AbsenceReportStatus.Open, "offen", "warn"),
        (Api.AbsenceReportStatus.Recorded, "als Weigerung erfasst", "neutral"),
        (Api.AbsenceReportStatus.Dismissed, "erledigt ohne Weigerung", "ok"));

    public static readonly LabelTable<AccidentStatus> AccidentStatus = new(
        (Api.AccidentStatus.Open, "Unfallanzeige fällig", "warn"),
        (Api.AccidentStatus.Reported, "angezeigt", "ok"),
        (Api.AccidentStatus.NotReportable, "nicht anzeigepflichtig", "neutral"));

    public static readonly LabelTable<PlacementObjectionOutcome> PlacementObjectionOutcome = new(
        (Api.PlacementObjectionOutcome.Upheld, "stattgeben (Abhilfe)", ""),
        (Api.PlacementObjectionOutcome.Dismissed, "zurückweisen (Widerspruchsbescheid)", ""));

    public static readonly LabelTable<PlacementObjectionCosts> PlacementObjectionCosts = new(
        (Api.PlacementObjectionCosts.None, "keine Kostenerstattung", ""),
        (Api.PlacementObjectionCosts.Full, "Kosten voll erstattet", ""),
        (Api.PlacementObjectionCosts.Partial, "Kosten teilweise erstattet", ""));

    public static readonly LabelTable<LawsuitOutcome> LawsuitOutcome = new(
        (Api.LawsuitOutcome.Dismissed, "Klage abgewiesen", ""),
        (Api.LawsuitOutcome.Upheld, "Klage stattgegeben", ""),
        (Api.LawsuitOutcome.Withdrawn, "Klage zurückgenommen", ""));

    public static readonly LabelTable<SuspensionKind> SuspensionKind = new(
        (Api.SuspensionKind.CourtOrder, "Anordnung der aufschiebenden Wirkung durch das Gericht", ""),
        (Api.SuspensionKind.InterimOrder, "einstweilige Anordnung des Gerichts", ""),
        (Api.SuspensionKind.Authority, "Aussetzung der Vollziehung durch die Behörde", ""));

    public static readonly LabelTable<SuspensionScope> SuspensionScope = new(
        (Api.SuspensionScope.Full, "vollständig", ""),
        (Api.SuspensionScope.Partial, "teilweise", ""));

    public static readonly LabelTable<SuspensionOutcome> SuspensionOutcome = new(
        (Api.SuspensionOutcome.Reinstated, "wieder in Kraft", ""),
        (Api.SuspensionOutcome.Withdrawn, "aufgehoben", ""));

    public static readonly LabelTable<ReviewRequestOutcome> ReviewRequestOutcome = new(
        (Api.ReviewRequestOutcome.Withdrawn, "Einschränkung aufgehoben (Aufhebungsbescheid)", ""),
        (Api.ReviewRequestOutcome.Refused, "Antrag abgelehnt", ""));

    public static readonly LabelTable<ReviewReason> ReviewReason = new(
        (Api.ReviewReason.ExemptOnRefusalDay, "am Tag der Weigerung befreit", "bad"),
        (Api.ReviewReason.EntitlementEnded, "Leistungsanspruch beendet", "warn"),
        (Api.ReviewReason.Excluded, "vom Leistungsbezug ausgeschlossen", "warn"),
        (Api.ReviewReason.RetirementAge, "Altersgrenze erreicht", "warn"),
        (Api.ReviewReason.PlacementEnded, "Arbeitsgelegenheit beendet", "warn"),
        (Api.ReviewReason.Exempt, "derzeit befreit", "warn"),
        (Api.ReviewReason.DutyFulfilled, "arbeitet wieder", "warn"),
        (Api.ReviewReason.Willing, "Bereitschaft erklärt", "warn"),
        (Api.ReviewReason.PeriodEnding, "Zeitraum endet", "neutral"));
}
