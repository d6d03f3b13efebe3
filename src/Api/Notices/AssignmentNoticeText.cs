using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Api.Notices;

/// <summary>
/// What the Heranziehungsbescheid names, gathered from the person's and the offer's streams; <paramref name="IssuedOn"/> is
/// the printed "Datum" (the notice's issuedOn; without it the day the notice was served).
/// </summary>
public sealed record AssignmentNoticeData(Person Person, Placement Placement, Offer Offer, string MunicipalityName, int RateCents, DateOnly? IssuedOn = null);

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

        w.Field("An:", name);
        w.Field("Geburtsdatum:", D(person.DateOfBirth));
        w.Field("Aktenzeichen:", person.FileReference ?? "–");
        w.Field("Bearbeitende Stelle:", data.MunicipalityName);
        w.Field("Datum:", D(data.IssuedOn ?? person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn));

        w.Title("Heranziehungsbescheid: Heranziehung zu einer Arbeitsgelegenheit nach § 5 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("Sie sind arbeitsfähig, nicht erwerbstätig und nicht mehr im schulpflichtigen Alter. Nach § 5 Abs. 4 S. 1 AsylbLG "
            + "werden Sie deshalb verpflichtet, die folgende Arbeitsgelegenheit wahrzunehmen, die Ihnen hiermit zur Verfügung gestellt wird.");

        w.Heading("1. Die Arbeitsgelegenheit (§ 5 Abs. 1 AsylbLG)");
        w.Field("Träger/Einsatzstelle:", $"{offer.ProviderName} ({Provider(offer.ProviderType)})");
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
            + "nach den von der Einsatzstelle bestätigten Stunden ausgezahlt und nicht auf Ihre übrigen Leistungen angerechnet "
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
}
