namespace AGH.Api.Notices;

/// <summary>
/// What the Heranziehungsbescheid names, gathered from the person's and the offer's streams; <paramref name="IssuedOn"/> is
/// the printed "Datum" (the notice's issuedOn; without it the day the notice was served).
/// </summary>
public sealed record AssignmentNoticeData(Person Person, Placement Placement, Offer Offer, string MunicipalityName, int RateCents, DateOnly? IssuedOn = null,
    string? IssuedByName = null);

/// <summary>
/// The Heranziehungsbescheid (§ 5 Abs. 1 to 5 AsylbLG) with its Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 and 3 with
/// § 1a Abs. 1 and § 14 AsylbLG) and Rechtsbehelfsbelehrung. Each wording is a version; a change means a new one.
/// </summary>
public static class AssignmentNoticeText
{
    /// <summary>The wording recorded on the assignment; placements from before versioning get the first one.</summary>
    public static string VersionFor(Placement placement) => placement.NoticeVersion ?? NoticeVersions.AssignmentNotice;

    public static byte[] Render(string version, AssignmentNoticeData data, NoticeSettings settings) => version switch
    {
        NoticeVersions.AssignmentNotice => V1(data, settings),
        NoticeVersions.AssignmentNoticeV2 => V2(data, settings),
        _ => throw new InvalidOperationException($"No wording {version} of the Heranziehungsbescheid is known."),
    };

    private static string D(DateOnly d) => NoticeWriter.Date(d);

    // Every provider type named, no fallback: a new type fails the build (CS8509) instead of printing another's label;
    // a number outside the enum throws (CS8524 is silenced for that only).
#pragma warning disable CS8524
    public static string Provider(ProviderType type) => type switch
    {
        ProviderType.Municipality => "kommunaler Träger",
        ProviderType.District => "Träger: Landkreis",
        ProviderType.Nonprofit => "gemeinnütziger Träger",
    };
#pragma warning restore CS8524

    private static byte[] V1(AssignmentNoticeData data, NoticeSettings settings)
    {
        var (person, placement, offer) = (data.Person, data.Placement, data.Offer);
        var name = $"{person.GivenName} {person.FamilyName}";
        using var w = new NoticeWriter(settings, NoticeVersions.AssignmentNotice, "Heranziehungsbescheid");

        w.Addressee(name, person, data.MunicipalityName, data.IssuedOn ?? person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn);

        w.Title("Heranziehungsbescheid: Heranziehung zu einer Arbeitsgelegenheit nach § 5 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("Sie sind arbeitsfähig, nicht erwerbstätig und nicht mehr im schulpflichtigen Alter. Nach § 5 Abs. 4 S. 1 AsylbLG "
            + "werden Sie deshalb verpflichtet, die folgende Arbeitsgelegenheit wahrzunehmen, die Ihnen hiermit zur Verfügung gestellt wird.");

        w.Heading("1. Die Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG)");
        w.Field("Träger:", $"{offer.ProviderName} ({Provider(offer.ProviderType)})");
        w.Field("Tätigkeit:", $"{offer.Title}: {offer.Activity}");
        w.Field("Melden Sie sich bei:", offer.ReportTo);
        w.Field("Beginn:", D(placement.StartsOn));
        w.Field("Umfang:", $"{placement.HoursPerWeek} Stunden pro Woche");
        w.Field("Dauer:", offer.EndsOn is { } end ? $"bis {D(end)}" : "bis auf Weiteres");
        w.Paragraph("Das Ergebnis der Arbeit dient der Allgemeinheit (§ 5 Abs. 1 AsylbLG). Die Arbeit ist nach Zeit und Ort zumutbar "
            + "und stundenweise ausführbar (§ 5 Abs. 3 AsylbLG).");

        w.Heading("2. Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG)");
        w.Paragraph($"Für jede geleistete Arbeitsstunde erhalten Sie eine Aufwandsentschädigung von {NoticeWriter.Euro(data.RateCents)}, "
            + "soweit Sie nicht im Einzelfall höhere notwendige Aufwendungen nachweisen; dann werden diese erstattet. Sie wird monatlich "
            + "nach den vom Träger bestätigten Stunden ausgezahlt und nicht auf Ihre übrigen Leistungen angerechnet "
            + "(§ 7 Abs. 2 Nr. 5 AsylbLG).");

        w.Heading("3. Wichtige Gründe (§ 5 Abs. 3 AsylbLG)");
        w.Paragraph("Sie müssen die Arbeit nicht aufnehmen, wenn ein wichtiger Grund entgegensteht (§ 5 Abs. 3 AsylbLG in Verbindung mit "
            + "§ 11 Abs. 4 SGB XII), insbesondere wenn Sie wegen Krankheit, Behinderung oder Pflegebedürftigkeit dazu nicht in der Lage sind, "
            + "die Altersgrenze erreicht haben, die geordnete Erziehung eines Kindes gefährdet wäre, Sie einen Angehörigen pflegen oder eine "
            + "reguläre Beschäftigung, eine Ausbildung oder ein Studium aufnehmen. Teilen Sie einen solchen Grund bitte unverzüglich mit und "
            + "belegen Sie ihn, zum Beispiel durch eine ärztliche Bescheinigung über die Arbeitsunfähigkeit.");

        w.Heading("4. Kein Arbeitsverhältnis (§ 5 Abs. 5 AsylbLG)");
        w.Paragraph("Durch die Arbeitsgelegenheit entsteht kein Arbeitsverhältnis im Sinne des Arbeitsrechts und kein Beschäftigungsverhältnis "
            + "im Sinne der gesetzlichen Kranken- und Rentenversicherung. Die Vorschriften über den Arbeitsschutz und die Grundsätze der "
            + "Beschränkung der Arbeitnehmerhaftung gelten entsprechend.");

        w.Heading("Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 und 3 AsylbLG)");
        w.Paragraph("Lehnen Sie diese Arbeitsgelegenheit ohne wichtigen Grund ab – ausdrücklich, indem Sie nicht erscheinen oder indem Sie die "
            + "Arbeit abbrechen –, haben Sie nach § 5 Abs. 4 S. 2 AsylbLG in Verbindung mit § 1a Abs. 1 AsylbLG nur noch Anspruch auf "
            + "Leistungen zur Deckung Ihres Bedarfs an Ernährung und Unterkunft einschließlich Heizung sowie Körper- und Gesundheitspflege. "
            + "Andere Leistungen, insbesondere für den persönlichen Bedarf, erhalten Sie dann nicht.");
        w.Paragraph("Vor einer solchen Entscheidung werden Sie angehört (§ 28 VwVfG). Die Anspruchseinschränkung ist nach § 14 Abs. 1 AsylbLG "
            + "auf sechs Monate befristet. Sie kann nach § 14 Abs. 2 AsylbLG um jeweils weitere sechs Monate fortgesetzt werden, wenn Sie "
            + "Ihre Pflicht weiterhin verletzen; darüber wird nach erneuter Anhörung entschieden. Sie endet mit Ablauf der sechs Monate, "
            + "wenn sie nicht fortgesetzt wird, und vorzeitig, sobald Sie die Arbeit wieder aufnehmen, sich ernsthaft dazu bereit erklären "
            + "oder Ihre Pflicht entfällt (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung mit § 48 SGB X). Ein Widerspruch gegen eine "
            + "Anspruchseinschränkung hat keine aufschiebende Wirkung (§ 11 Abs. 4 AsylbLG).");
        w.Paragraph("Diese Belehrung erhalten Sie nach § 5 Abs. 4 S. 3 AsylbLG, bevor Sie die Arbeit aufnehmen.");

        Rechtsbehelfsbelehrung.Write(w, settings);

        w.Space(10);
        w.Paragraph("Mit freundlichen Grüßen\nIm Auftrag\n" + data.MunicipalityName);
        return w.Finish();
    }

    /// <summary>German weekday names for the schedule (every day named: a new value fails the build).</summary>
#pragma warning disable CS8524
    public static string Weekday(Weekday day) => day switch
    {
        Domain.Placements.Weekday.Monday => "Montag",
        Domain.Placements.Weekday.Tuesday => "Dienstag",
        Domain.Placements.Weekday.Wednesday => "Mittwoch",
        Domain.Placements.Weekday.Thursday => "Donnerstag",
        Domain.Placements.Weekday.Friday => "Freitag",
        Domain.Placements.Weekday.Saturday => "Samstag",
        Domain.Placements.Weekday.Sunday => "Sonntag",
    };
#pragma warning restore CS8524

    /// <summary>"Montag 08:00–12:00 Uhr", one line per block, Monday first.</summary>
    public static IEnumerable<string> ScheduleLines(IEnumerable<ScheduleBlock> blocks) =>
        blocks.OrderBy(b => b.Weekday).ThenBy(b => b.FromMinute).Select(b => $"{Weekday(b.Weekday)} {b.From()}–{b.To()} Uhr");

    /// <summary>
    /// The corrected Rechtsfolgenbelehrung of heranziehungsbescheid-v2 (contract v3b and its legal corrections): what a
    /// restriction leaves (§ 1a Abs. 1 S. 2), that § 4 care continues, that other benefits may be granted in special
    /// circumstances (§ 1a Abs. 1 S. 3), and what the person must do to avoid one. The annex translates exactly these paragraphs.
    /// </summary>
    public static readonly string[] ConsequencesV2 =
    [
        "Lehnen Sie diese Arbeitsgelegenheit ohne wichtigen Grund ab – ausdrücklich, indem Sie nicht erscheinen oder indem Sie "
            + "die Arbeit abbrechen –, haben Sie nach § 5 Abs. 4 S. 2 AsylbLG in Verbindung mit § 1a Abs. 1 S. 2 AsylbLG nur noch "
            + "Anspruch auf Leistungen zur Deckung Ihres Bedarfs an Ernährung und Unterkunft einschließlich Heizung sowie Körper- und "
            + "Gesundheitspflege.",
        "Vor einer solchen Entscheidung werden Sie angehört (§ 28 VwVfG). Die Anspruchseinschränkung "
            + "ist nach § 14 Abs. 1 AsylbLG auf sechs Monate befristet. Sie kann nach § 14 Abs. 2 AsylbLG um jeweils weitere sechs "
            + "Monate fortgesetzt werden, wenn Sie Ihre Pflicht weiterhin verletzen; darüber wird nach erneuter Anhörung entschieden. "
            + "Sie endet mit Ablauf der sechs Monate, wenn sie nicht fortgesetzt wird, und vorzeitig, sobald Sie die Arbeit wieder "
            + "aufnehmen, sich ernsthaft dazu bereit erklären oder Ihre Pflicht entfällt (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung "
            + "mit § 48 SGB X). Ein Widerspruch gegen eine Anspruchseinschränkung hat keine aufschiebende Wirkung (§ 11 Abs. 4 "
            + "AsylbLG).",
        "Leistungen bei Krankheit, Schwangerschaft und Geburt nach § 4 AsylbLG werden durch eine solche Anspruchseinschränkung "
            + "nicht eingeschränkt; Sie erhalten sie weiter. Die Anspruchseinschränkung betrifft nur Sie selbst, nicht Ihre "
            + "Familienangehörigen.",
        "Soweit im Einzelfall besondere Umstände vorliegen, können Ihnen auch andere Leistungen im Sinne von § 3 Abs. 1 S. 1 "
            + "AsylbLG gewährt werden (§ 1a Abs. 1 S. 3 AsylbLG). Teilen Sie uns solche Umstände bitte mit; wir prüfen sie vor jeder "
            + "Entscheidung.",
        "So vermeiden Sie eine Anspruchseinschränkung: Nehmen Sie die Arbeit zu den oben genannten Arbeitszeiten auf und setzen "
            + "Sie sie fort. Können Sie die Arbeit nicht aufnehmen oder an einem Tag nicht arbeiten, teilen Sie uns und dem "
            + "Träger den Grund sofort mit, möglichst vor Arbeitsbeginn, und weisen Sie ihn nach, zum Beispiel durch eine "
            + "ärztliche Bescheinigung über die Arbeitsunfähigkeit. Liegt ein wichtiger Grund vor, wird Ihr Anspruch nicht "
            + "eingeschränkt.",
        "Diese Belehrung erhalten Sie nach § 5 Abs. 4 S. 3 AsylbLG, bevor Sie die Arbeit aufnehmen.",
    ];

    // v2 (contract v3b): when (Arbeitszeiten), how long (until), why (Begründung), who decided, which authority; the
    // Rechtsfolgenbelehrung corrected. Sections 3 to 5 keep v1's wording; in the
    // Rechtsfolgenbelehrung, paragraph 1 is v1's without "Andere Leistungen … erhalten Sie dann nicht", 2 and 6 are v1's.
    private static byte[] V2(AssignmentNoticeData data, NoticeSettings settings)
    {
        var (person, placement, offer) = (data.Person, data.Placement, data.Offer);
        var name = $"{person.GivenName} {person.FamilyName}";
        using var w = new NoticeWriter(settings, NoticeVersions.AssignmentNoticeV2, "Heranziehungsbescheid");

        w.Addressee(name, person, data.MunicipalityName, data.IssuedOn ?? person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn,
            settings.Authority.Name);

        w.Title("Heranziehungsbescheid: Heranziehung zu einer Arbeitsgelegenheit nach § 5 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("Sie sind arbeitsfähig, nicht erwerbstätig und nicht mehr im schulpflichtigen Alter. Nach § 5 Abs. 4 S. 1 AsylbLG "
            + "werden Sie deshalb verpflichtet, die folgende Arbeitsgelegenheit wahrzunehmen, die Ihnen hiermit zur Verfügung gestellt wird.");

        w.Heading("1. Die Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG)");
        w.Field("Träger:", $"{offer.ProviderName} ({Provider(offer.ProviderType)})");
        w.Field("Tätigkeit:", $"{offer.Title}: {offer.Activity}");
        w.Field("Melden Sie sich bei:", offer.ReportTo);
        w.Field("Beginn:", D(placement.StartsOn));
        w.Field("Ende:", placement.Until is { } until ? D(until) : "–");
        w.Field("Umfang:", $"{placement.HoursPerWeek} Stunden pro Woche");
        w.Paragraph("Das Ergebnis der Arbeit dient der Allgemeinheit (§ 5 Abs. 1 AsylbLG). Die Arbeit ist nach Zeit und Ort zumutbar "
            + "und stundenweise ausführbar (§ 5 Abs. 3 AsylbLG).");
        if (placement.Until is { } last)
            w.Paragraph($"Die Heranziehung ist bis zum {D(last)} befristet; mit Ablauf dieses Tages endet sie, ohne dass es eines weiteren Bescheides bedarf.");

        w.Heading("2. Arbeitszeiten");
        w.Paragraph("Sie arbeiten zu folgenden Zeiten:");
        foreach (var line in ScheduleLines(placement.Schedule ?? [])) w.Paragraph(line);

        w.Heading("3. Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG)");
        w.Paragraph($"Für jede geleistete Arbeitsstunde erhalten Sie eine Aufwandsentschädigung von {NoticeWriter.Euro(data.RateCents)}, "
            + "soweit Sie nicht im Einzelfall höhere notwendige Aufwendungen nachweisen; dann werden diese erstattet. Sie wird monatlich "
            + "nach den vom Träger bestätigten Stunden ausgezahlt und nicht auf Ihre übrigen Leistungen angerechnet "
            + "(§ 7 Abs. 2 Nr. 5 AsylbLG).");

        w.Heading("4. Wichtige Gründe (§ 5 Abs. 3 AsylbLG)");
        w.Paragraph("Sie müssen die Arbeit nicht aufnehmen, wenn ein wichtiger Grund entgegensteht (§ 5 Abs. 3 AsylbLG in Verbindung mit "
            + "§ 11 Abs. 4 SGB XII), insbesondere wenn Sie wegen Krankheit, Behinderung oder Pflegebedürftigkeit dazu nicht in der Lage sind, "
            + "die Altersgrenze erreicht haben, die geordnete Erziehung eines Kindes gefährdet wäre, Sie einen Angehörigen pflegen oder eine "
            + "reguläre Beschäftigung, eine Ausbildung oder ein Studium aufnehmen. Teilen Sie einen solchen Grund bitte unverzüglich mit und "
            + "belegen Sie ihn, zum Beispiel durch eine ärztliche Bescheinigung über die Arbeitsunfähigkeit.");

        w.Heading("5. Kein Arbeitsverhältnis (§ 5 Abs. 5 AsylbLG)");
        w.Paragraph("Durch die Arbeitsgelegenheit entsteht kein Arbeitsverhältnis im Sinne des Arbeitsrechts und kein Beschäftigungsverhältnis "
            + "im Sinne der gesetzlichen Kranken- und Rentenversicherung. Die Vorschriften über den Arbeitsschutz und die Grundsätze der "
            + "Beschränkung der Arbeitnehmerhaftung gelten entsprechend.");

        w.Heading("Begründung (§ 39 Abs. 1 VwVfG in Verbindung mit § 1 Abs. 1 NVwVfG)");
        w.Paragraph("Sie sind nach § 5 Abs. 4 S. 1 AsylbLG verpflichtet, eine Ihnen zur Verfügung gestellte Arbeitsgelegenheit wahrzunehmen. "
            + "Für die Auswahl dieser Arbeitsgelegenheit und ihre Zumutbarkeit in Ihrem Fall waren folgende Gründe maßgeblich:");
        w.Paragraph(placement.Reasoning ?? "–");

        w.Heading("Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 und 3 AsylbLG)");
        foreach (var paragraph in ConsequencesV2) w.Paragraph(paragraph);

        Rechtsbehelfsbelehrung.Write(w, settings);

        w.Space(10);
        w.Paragraph("Mit freundlichen Grüßen\nIm Auftrag\n" + (data.IssuedByName ?? "–") + "\n" + settings.Authority.Name);
        return w.Finish();
    }
}
