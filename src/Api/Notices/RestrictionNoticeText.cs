using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Api.Notices;

/// <summary>What the notice on a decided proposal names: the decision as recorded (its period as decided, whatever happened since) and the refusal it rests on.</summary>
public sealed record RestrictionNoticeData(
    Person Person, Placement Placement, Offer Offer, Refusal Refusal, SanctionDecided Decided, DateOnly DecidedOn, string MunicipalityName);

/// <summary>
/// The Bescheid on a decided sanction proposal. An approval: the restriction (§ 5 Abs. 4 S. 2 with § 1a Abs. 1, § 14 Abs. 1
/// AsylbLG), the partial revocation of the running approval (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG with § 48 SGB X), the hearing and
/// the reasons (§ 39 VwVfG), no suspensive effect (§ 11 Abs. 4 AsylbLG) and the Rechtsbehelfsbelehrung. A rejection: a short
/// Mitteilung that the proceeding ends without a restriction (it burdens no one, so no Rechtsbehelfsbelehrung).
/// </summary>
public static class RestrictionNoticeText
{
    /// <summary>The wording recorded on the decision; decisions from before versioning get the first one of their kind.</summary>
    public static string VersionFor(SanctionDecided decided) =>
        decided.NoticeVersion ?? (decided.Approved ? NoticeVersions.RestrictionNotice : NoticeVersions.NoRestrictionNotice);

    public static byte[] Render(string version, RestrictionNoticeData data, NoticeSettings settings) => version switch
    {
        NoticeVersions.RestrictionNotice => RestrictionV1(data, settings),
        NoticeVersions.NoRestrictionNotice => NoRestrictionV1(data, settings),
        _ => throw new InvalidOperationException($"No wording {version} of the notice on a sanction decision is known."),
    };

    private static string D(DateOnly d) => NoticeWriter.Date(d);

    // Every kind named, no fallback: a new kind fails the build (CS8509) instead of being told it refused in another way;
    // a number outside the enum throws (CS8524 is silenced for that only).
#pragma warning disable CS8524
    public static string Refused(RefusalKind kind) => kind switch
    {
        RefusalKind.Explicit => "haben Sie die Arbeit ausdrücklich abgelehnt",
        RefusalKind.NoShow => "sind Sie zur Arbeit nicht erschienen",
        RefusalKind.DroppedOut => "haben Sie die Arbeit abgebrochen",
    };
#pragma warning restore CS8524

    private static void Header(NoticeWriter w, RestrictionNoticeData data, string name)
    {
        w.Field("An:", name);
        w.Field("Geburtsdatum:", D(data.Person.DateOfBirth));
        w.Field("Aktenzeichen:", data.Person.FileReference ?? "–");
        w.Field("Bearbeitende Stelle:", data.MunicipalityName);
        w.Field("Datum:", D(data.DecidedOn));
    }

    private static void Facts(NoticeWriter w, RestrictionNoticeData data)
    {
        var (placement, offer, refusal) = (data.Placement, data.Offer, data.Refusal);
        w.Paragraph($"Mit Heranziehungsbescheid vom {D(data.Person.AssignmentNotice(placement.PlacementId)?.IssuedOn ?? placement.StartsOn)} wurden Sie zur Arbeitsgelegenheit „{offer.Title}“ bei "
            + $"{offer.ProviderName} ab {D(placement.StartsOn)} mit {placement.HoursPerWeek} Stunden pro Woche herangezogen und dabei über "
            + "die Rechtsfolgen einer Ablehnung belehrt (§ 5 Abs. 4 S. 3 AsylbLG).");
        w.Paragraph($"Am {D(refusal.Date)} {Refused(refusal.Kind)}. Als Grund haben Sie angegeben: "
            + (string.IsNullOrWhiteSpace(refusal.StatedReason) ? "keinen." : refusal.StatedReason));
        if (refusal.Assessment is { GoodCause: false } assessment)
            w.Paragraph($"Ein wichtiger Grund im Sinne von § 5 Abs. 3 AsylbLG wurde nicht anerkannt: {assessment.Reasoning}");
        w.Paragraph(refusal.Hearing is { } hearing
            ? $"Anhörung: Sie wurden am {D(hearing.HeldOn)} nach § 28 VwVfG zur beabsichtigten Einschränkung Ihrer Leistungen angehört. "
                + "Ihre Äußerung: " + (string.IsNullOrWhiteSpace(hearing.Statement) ? "Sie haben sich nicht geäußert." : hearing.Statement)
            : "Anhörung: –");
    }

    private static byte[] RestrictionV1(RestrictionNoticeData data, NoticeSettings settings)
    {
        var person = data.Person;
        var name = $"{person.GivenName} {person.FamilyName}";
        var (starts, ends) = (data.Decided.StartsOn!.Value, data.Decided.EndsOn!.Value);
        using var w = new NoticeWriter(settings, NoticeVersions.RestrictionNotice, "Bescheid über die Einschränkung der Leistungen");
        Header(w, data, name);

        w.Title("Bescheid über die Einschränkung Ihrer Leistungen nach § 5 Abs. 4 S. 2 in Verbindung mit § 1a Abs. 1 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("nach Ihrer Anhörung wird Folgendes entschieden:");
        w.Paragraph($"1. Ihre Leistungen nach dem Asylbewerberleistungsgesetz werden vom {D(starts)} bis zum {D(ends)} auf die Leistungen nach "
            + "§ 1a Abs. 1 AsylbLG eingeschränkt (§ 5 Abs. 4 S. 2 AsylbLG in Verbindung mit § 1a Abs. 1 AsylbLG). In dieser Zeit erhalten "
            + "Sie nur Leistungen zur Deckung Ihres Bedarfs an Ernährung und Unterkunft einschließlich Heizung sowie Körper- und Gesundheitspflege.");
        w.Paragraph($"2. Die Einschränkung ist nach § 14 Abs. 1 AsylbLG auf sechs Monate befristet: Sie beginnt am {D(starts)} und endet mit "
            + $"Ablauf des {D(ends)}.");
        w.Paragraph($"3. Der Bescheid über die Bewilligung Ihrer laufenden Leistungen wird mit Wirkung vom {D(starts)} aufgehoben, soweit er "
            + "Leistungen über die nach § 1a Abs. 1 AsylbLG hinaus bewilligt (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung mit § 48 SGB X).");
        w.Paragraph("4. Widerspruch und Klage gegen diesen Bescheid haben keine aufschiebende Wirkung (§ 11 Abs. 4 AsylbLG): "
            + "Die Einschränkung gilt auch, solange über einen Widerspruch nicht entschieden ist.");
        w.Field("Beginn der Einschränkung:", D(starts));
        w.Field("Ende der Einschränkung:", D(ends));

        w.Heading("Begründung (§ 39 VwVfG)");
        Facts(w, data);
        w.Paragraph($"Gründe der Entscheidung: {data.Decided.Reasoning}");
        w.Paragraph("Sie sind arbeitsfähig, nicht erwerbstätig und nicht mehr im schulpflichtigen Alter und damit nach § 5 Abs. 4 S. 1 "
            + "AsylbLG verpflichtet, die Ihnen zur Verfügung gestellte Arbeitsgelegenheit wahrzunehmen. Sie haben sie ohne wichtigen Grund "
            + "abgelehnt, obwohl Sie vorher über die Rechtsfolgen belehrt wurden. Nach § 5 Abs. 4 S. 2 AsylbLG haben Sie deshalb nur "
            + "Anspruch auf Leistungen entsprechend § 1a Abs. 1 AsylbLG. Die Einschränkung ist nach § 14 Abs. 1 AsylbLG auf sechs Monate "
            + "befristet. Sie kann nach § 14 Abs. 2 AsylbLG fortgesetzt werden, wenn die Pflichtverletzung fortbesteht; darüber wird nach "
            + "erneuter Anhörung entschieden. Sie endet vorzeitig, sobald Sie die Arbeit wieder aufnehmen, sich ernsthaft dazu bereit erklären "
            + "oder Ihre Pflicht entfällt. Weil sich die Verhältnisse, die Ihrer laufenden Bewilligung zugrunde lagen, damit wesentlich geändert "
            + "haben, wird diese für die Zeit der Einschränkung nach § 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung mit § 48 SGB X aufgehoben.");

        Rechtsbehelfsbelehrung.Write(w, settings);

        w.Space(10);
        w.Paragraph($"Mit freundlichen Grüßen\nIm Auftrag\n{data.Decided.DecidedBy}, {data.MunicipalityName}");
        return w.Finish();
    }

    private static byte[] NoRestrictionV1(RestrictionNoticeData data, NoticeSettings settings)
    {
        var person = data.Person;
        var name = $"{person.GivenName} {person.FamilyName}";
        using var w = new NoticeWriter(settings, NoticeVersions.NoRestrictionNotice, "Mitteilung: keine Einschränkung der Leistungen");
        Header(w, data, name);

        w.Title("Mitteilung: Ihre Leistungen werden nicht eingeschränkt");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("es wurde geprüft, ob Ihre Leistungen nach § 5 Abs. 4 S. 2 in Verbindung mit § 1a Abs. 1 AsylbLG einzuschränken sind. "
            + "Ihre Leistungen werden nicht eingeschränkt; das Verfahren ist abgeschlossen.");
        w.Heading("Gründe");
        Facts(w, data);
        w.Paragraph($"Gründe der Entscheidung: {data.Decided.Reasoning}");
        w.Paragraph("Ihre Pflicht, die Arbeitsgelegenheit wahrzunehmen, und die Ihnen erteilte Rechtsfolgenbelehrung gelten weiter.");

        w.Space(10);
        w.Paragraph($"Mit freundlichen Grüßen\nIm Auftrag\n{data.Decided.DecidedBy}, {data.MunicipalityName}");
        return w.Finish();
    }
}
