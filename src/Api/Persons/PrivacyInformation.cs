using AGH.Api.Retention;

namespace AGH.Api.Persons;

/// <summary>Why the data is processed (Art. 15 Abs. 1 lit. a DSGVO), with the basis the authority relies on for it.</summary>
public sealed record ExportPurposeDto(string Key, string Purpose, string LegalBasis);

/// <summary>A legal basis of the processing and what it covers.</summary>
public sealed record ExportLegalBasisDto(string Basis, string Scope);

/// <summary>
/// Who receives or received the data (Art. 15 Abs. 1 lit. c DSGVO): <c>category</c> for the recipients the data is
/// disclosed to in the course of the procedure, <c>disclosure</c> for a recorded transfer (each cash-office file that
/// named the person). Organisations only, never staff.
/// </summary>
public sealed record ExportRecipientDto(string Kind, string Recipient, string Purpose, Guid? RunId = null, string? Month = null, DateTimeOffset? At = null);

/// <summary>How long a class of records is kept, and on which basis (Art. 15 Abs. 1 lit. d DSGVO).</summary>
public sealed record ExportRetentionDto(string RecordClass, string Period, string Basis, int? Years);

/// <summary>A right of the person (Art. 15 Abs. 1 lit. e, f DSGVO) and where it is exercised.</summary>
public sealed record ExportRightDto(string Right, string Basis, string How);

/// <summary>Where the data came from (Art. 15 Abs. 1 lit. g DSGVO): the registering social office, providers that logged or confirmed hours.</summary>
public sealed record ExportSourceDto(string Kind, string? Municipality = null, string? ProviderId = null);

/// <summary>The Art. 15 information that is not the data itself: purposes, bases, recipients, retention, rights, sources.</summary>
public static class PrivacyInformation
{
    public const string Complaints = "Die Landesbeauftragte für den Datenschutz Niedersachsen, Prinzenstraße 5, 30159 Hannover";

    public static readonly IReadOnlyList<ExportPurposeDto> Purposes =
    [
        new("heranziehung", "Heranziehung zu Arbeitsgelegenheiten, Anleitung und Nachweis der Teilnahme (§ 5 Abs. 1 und 4 AsylbLG)",
            "Art. 6 Abs. 1 UAbs. 1 lit. e, Abs. 3 DSGVO i. V. m. § 3 NDSG und § 5 AsylbLG"),
        new("aufwandsentschaedigung", "Berechnung und Auszahlung der Aufwandsentschädigung und notwendiger Mehraufwendungen (§ 5 Abs. 2 AsylbLG)",
            "Art. 6 Abs. 1 UAbs. 1 lit. e, Abs. 3 DSGVO i. V. m. § 5 Abs. 2 AsylbLG"),
        new("wichtiger-grund", "Berücksichtigung wichtiger Gründe, die der Arbeit entgegenstehen, auch gesundheitlicher (nur Art und Zeitraum, keine Diagnose)",
            "Art. 9 Abs. 2 lit. b DSGVO i. V. m. § 5 Abs. 3 AsylbLG"),
        new("anspruchseinschraenkung", "Prüfung einer Anspruchseinschränkung nach Weigerung, Anhörung und Bescheide (§ 5 Abs. 4 i. V. m. § 1a AsylbLG)",
            "Art. 6 Abs. 1 UAbs. 1 lit. e, Abs. 3 DSGVO i. V. m. § 1a und § 5 Abs. 4 AsylbLG, § 28 VwVfG i. V. m. § 1 NVwVfG"),
        new("rechtsbehelfe", "Widerspruchs-, Klage- und Überprüfungsverfahren, Aufhebung und Erstattung",
            "Art. 6 Abs. 1 UAbs. 1 lit. e DSGVO, Art. 9 Abs. 2 lit. f DSGVO i. V. m. § 9 Abs. 4 AsylbLG, §§ 44-50 SGB X, §§ 78 ff. SGG"),
        new("nachvollziehbarkeit", "Nachvollziehbarkeit jeder Entscheidung und jedes Zugriffs (Protokoll), Kassen- und Rechnungsprüfung",
            "Art. 5 Abs. 2, Art. 32 DSGVO; kommunales Haushaltsrecht (NKomVG, KomHKVO)"),
    ];

    public static readonly IReadOnlyList<ExportLegalBasisDto> LegalBases =
    [
        new("Art. 6 Abs. 1 UAbs. 1 lit. e, Abs. 3 DSGVO i. V. m. § 3 NDSG", "Verarbeitung durch das Sozialamt zur Erfüllung ihrer Aufgaben nach dem AsylbLG"),
        new("§ 5 AsylbLG", "Arbeitsgelegenheiten, Aufwandsentschädigung, wichtige Gründe, Pflicht zur Wahrnehmung"),
        new("§ 1a AsylbLG", "Anspruchseinschränkung und ihre Dauer, Härtefälle (§ 1a Abs. 1 S. 3 AsylbLG)"),
        new("Art. 9 Abs. 2 lit. b und f DSGVO", "gesundheitsbezogene Angaben (Art des Grundes, Nachweisart), nur soweit für die Heranziehung und Rechtsbehelfe nötig"),
        new("§ 9 Abs. 3 und 4 AsylbLG i. V. m. §§ 60-67 SGB I, §§ 44-50 SGB X", "Mitwirkung, Überprüfung, Aufhebung und Erstattung"),
        new("§§ 28, 37, 41 VwVfG i. V. m. § 1 NVwVfG", "Anhörung, Bescheide und ihre Bekanntgabe"),
    ];

    public static readonly IReadOnlyList<ExportRightDto> Rights =
    [
        new("auskunft", "Art. 15 DSGVO", "Antrag beim Sozialamt, das den Fall führt; diese Auskunft"),
        new("berichtigung", "Art. 16 DSGVO", "Antrag beim Sozialamt, das den Fall führt"),
        new("loeschung", "Art. 17 DSGVO", "Antrag beim Sozialamt; ohne Antrag nach Ablauf der Aufbewahrungsfrist"),
        new("einschraenkung", "Art. 18 DSGVO", "Antrag beim Sozialamt, das den Fall führt"),
        new("widerspruch", "Art. 21 DSGVO", "Widerspruch beim Sozialamt aus Gründen der besonderen Situation"),
        new("beschwerde", "Art. 77 DSGVO", "Beschwerde bei der Aufsichtsbehörde: " + Complaints),
    ];

    public static IReadOnlyList<ExportRecipientDto> Recipients(Guid personId, IEnumerable<PayoutRun> runs)
    {
        List<ExportRecipientDto> recipients =
        [
            new("category", "Träger der Arbeitsgelegenheit", "Name, Beginn, Ende und Arbeitszeiten zur Anleitung und Aufsicht (§ 5 Abs. 1 AsylbLG)"),
            new("category", "Kreiskasse des Landkreises Osnabrück", "Auszahlung der Aufwandsentschädigung und Einziehung bestandskräftiger Erstattungen"),
            new("category", "Sozialgericht", "nur in einem Klage- oder Eilverfahren: die Verwaltungsakte (§ 104 SGG)"),
        ];
        foreach (var run in runs.Where(r => r.Lines.Any(l => l.PersonId == personId)).OrderBy(r => r.Month).ThenBy(r => r.Id))
            recipients.AddRange(run.Exports.Select(x => new ExportRecipientDto("disclosure", "Kreiskasse",
                "Auszahlungsdatei der Aufwandsentschädigung" + (x.Sequence > 1 ? $" (Duplikat {x.Sequence})" : ""), run.Id, run.Month, x.At)));
        return recipients;
    }

    public static IReadOnlyList<ExportRetentionDto> Retention(RetentionSettings settings) =>
    [
        new("fallakte", $"{settings.PersonYears} Jahre nach Abschluss des Falls (Ende des Leistungsanspruchs und der letzten Arbeitsgelegenheit); "
            + "solange ein Rechtsbehelf anhängig ist, gesperrt statt gelöscht",
            "Art. 5 Abs. 1 lit. e, Art. 17 Abs. 1 lit. a und Abs. 3 lit. e DSGVO; Frist der Aktenordnung (Retention:PersonYears)", settings.PersonYears),
        new("zugriffsprotokoll", "wie die Fallakte", "Art. 5 Abs. 2 DSGVO (Nachweis der Zugriffe)", settings.PersonYears),
        new("auszahlungsbelege", "Beträge, Minuten und Daten bleiben ohne Namen erhalten; Name und Aktenzeichen werden mit der Fallakte gelöscht",
            "Art. 17 Abs. 3 lit. b DSGVO i. V. m. dem kommunalen Haushaltsrecht (KomHKVO)", null),
    ];

    /// <summary>
    /// The registering office, and (contract v3c) each provider that logged or confirmed the person's hours, once each, by
    /// organisation id.
    /// </summary>
    public static IReadOnlyList<ExportSourceDto> Sources(Person person, IEnumerable<string>? providers = null) =>
        [new("office", Municipality: person.Municipality),
            .. (providers ?? []).Distinct().Order(StringComparer.Ordinal).Select(p => new ExportSourceDto("provider", ProviderId: p))];

    /// <summary>The providers that logged hours of the person (the entry's actor) or confirmed a month in which the person had hours on their offer.</summary>
    public static async Task<IReadOnlyList<string>> Providers(Marten.IQuerySession session, Person person, AGH.Domain.Placements.HourLog hours, CancellationToken ct)
    {
        var found = new List<string>();
        foreach (var e in await session.Events.FetchStreamAsync(person.Id, token: ct))
            if (e.Data is AGH.Domain.Placements.HoursLogged { Source: AGH.Domain.Placements.HourSource.Provider }
                && EventHeaders.ActorOf(e)?.Provider is { } provider)
                found.Add(provider);
        foreach (var placement in person.Placements.Values)
        {
            var months = hours.EffectiveOf(placement.PlacementId).Where(h => h.Minutes > 0).Select(h => $"{h.Date.Year:D4}-{h.Date.Month:D2}").ToHashSet();
            if (months.Count == 0) continue;
            foreach (var e in await session.Events.FetchStreamAsync(placement.OfferId, token: ct))
                if (e.Data is AGH.Domain.Offers.TimesheetConfirmed c && months.Contains(c.Month)) found.Add(c.ProviderId);
        }
        return found;
    }
}
