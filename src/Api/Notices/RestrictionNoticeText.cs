namespace AGH.Api.Notices;

/// <summary>What the notice on a decided proposal names: the decision as recorded (its period as decided, whatever happened since) and the refusal it rests on.</summary>
// SignedBy: the deciding official's name as the notice recorded it (IssuedByName); never a user id.
public sealed record RestrictionNoticeData(
    Person Person, Placement Placement, Offer Offer, Refusal Refusal, SanctionDecided Decided, DateOnly DecidedOn, string MunicipalityName,
    string? SignedBy = null);

/// <summary>What a Fortsetzungsbescheid v2 names: the continuation as recorded, the period it plans and the terms it decides.</summary>
public sealed record ContinuationNoticeData(
    Person Person, Placement Placement, Offer Offer, Refusal Refusal, RestrictionReviewed Reviewed, RestrictionTerms Terms, int Period,
    DateOnly IssuedOn, string MunicipalityName, string SignedBy);

/// <summary>
/// The Bescheid on a decided sanction proposal. An approval: the restriction (§ 5 Abs. 4 S. 2 with § 1a Abs. 1, § 14 Abs. 1
/// AsylbLG), the partial revocation of the running approval (v1: § 48 SGB X always; v2: § 48 or § 45 SGB X as decided), the hearing and
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
        NoticeVersions.RestrictionNoticeV2 => RestrictionV2(data, settings),
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

    private static void Header(NoticeWriter w, RestrictionNoticeData data, string name) =>
        w.Addressee(name, data.Person, data.MunicipalityName, data.DecidedOn);

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

    // Since v2 the notice decides the amounts, the hardship and the basis, and names what is not restricted (contract v3b).
    private static byte[] RestrictionV2(RestrictionNoticeData data, NoticeSettings settings)
    {
        var person = data.Person;
        var name = $"{person.GivenName} {person.FamilyName}";
        var (starts, ends) = (data.Decided.StartsOn!.Value, data.Decided.EndsOn!.Value);
        var terms = data.Decided.Terms ?? throw new InvalidOperationException("An einschraenkungsbescheid-v2 records its terms.");
        using var w = new NoticeWriter(settings, NoticeVersions.RestrictionNoticeV2, "Bescheid über die Einschränkung der Leistungen");
        Header(w, data, name);

        w.Title("Bescheid über die Einschränkung Ihrer Leistungen nach § 5 Abs. 4 S. 2 in Verbindung mit § 1a Abs. 1 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("nach Ihrer Anhörung wird Folgendes entschieden:");
        w.Paragraph($"1. Ihre Leistungen nach dem Asylbewerberleistungsgesetz werden vom {D(starts)} bis zum {D(ends)} auf die Leistungen nach "
            + "§ 1a Abs. 1 AsylbLG eingeschränkt (§ 5 Abs. 4 S. 2 AsylbLG in Verbindung mit § 1a Abs. 1 AsylbLG). Die Einschränkung ist nach "
            + $"§ 14 Abs. 1 AsylbLG auf sechs Monate befristet: Sie beginnt am {D(starts)} und endet mit Ablauf des {D(ends)}.");
        TermsTenor(w, terms, starts, 2);
        w.Paragraph("5. Widerspruch und Klage gegen diesen Bescheid haben keine aufschiebende Wirkung (§ 11 Abs. 4 AsylbLG): "
            + "Die Einschränkung gilt auch, solange über einen Widerspruch nicht entschieden ist.");
        w.Field("Beginn der Einschränkung:", D(starts));
        w.Field("Ende der Einschränkung:", D(ends));
        AmountFields(w, terms);

        w.Heading("Begründung (§ 39 VwVfG)");
        Facts(w, data);
        w.Paragraph($"Gründe der Entscheidung: {data.Decided.Reasoning}");
        w.Paragraph("Sie sind arbeitsfähig, nicht erwerbstätig und nicht mehr im schulpflichtigen Alter und damit nach § 5 Abs. 4 S. 1 "
            + "AsylbLG verpflichtet, die Ihnen zur Verfügung gestellte Arbeitsgelegenheit wahrzunehmen. Sie haben sie ohne wichtigen Grund "
            + "abgelehnt, obwohl Sie vorher über die Rechtsfolgen belehrt wurden. Nach § 5 Abs. 4 S. 2 AsylbLG haben Sie deshalb nur "
            + "Anspruch auf Leistungen entsprechend § 1a Abs. 1 AsylbLG. Sie kann nach § 14 Abs. 2 AsylbLG fortgesetzt werden, wenn die "
            + "Pflichtverletzung fortbesteht; darüber wird nach erneuter Anhörung entschieden. Sie endet vorzeitig, sobald Sie die Arbeit "
            + "wieder aufnehmen, sich ernsthaft dazu bereit erklären oder Ihre Pflicht entfällt.");
        TermsReasons(w, terms);

        Rechtsbehelfsbelehrung.Write(w, settings);
        Signature(w, data.SignedBy ?? throw new InvalidOperationException("A notice is signed with the official's name."), data.MunicipalityName);
        return w.Finish();
    }

    /// <summary>The Fortsetzungsbescheid v2 (§ 14 Abs. 2 AsylbLG): the content of an Einschränkungsbescheid for the continued period.</summary>
    public static byte[] ContinuationV2(ContinuationNoticeData data, NoticeSettings settings)
    {
        var person = data.Person;
        var name = $"{person.GivenName} {person.FamilyName}";
        var from = data.Reviewed.PeriodEndsOn.AddDays(1);
        var to = data.Reviewed.NewEndsOn!.Value;
        using var w = new NoticeWriter(settings, NoticeVersions.ContinuationNoticeV2, "Bescheid über die Fortsetzung der Einschränkung");
        w.Addressee(name, person, data.MunicipalityName, data.IssuedOn);

        w.Title("Bescheid über die Fortsetzung der Einschränkung Ihrer Leistungen nach § 14 Abs. 2 AsylbLG");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph("nach Ihrer erneuten Anhörung wird Folgendes entschieden:");
        w.Paragraph($"1. Die Einschränkung Ihrer Leistungen auf die Leistungen nach § 1a Abs. 1 AsylbLG, die am {D(data.Reviewed.PeriodEndsOn)} "
            + $"endet, wird für weitere sechs Monate fortgesetzt (§ 14 Abs. 2 AsylbLG; Zeitraum {data.Period}). Der Zeitraum beginnt am "
            + $"{D(from)}, frühestens mit der Bekanntgabe dieses Bescheids, und endet sechs Monate später; bei rechtzeitiger Bekanntgabe "
            + $"mit Ablauf des {D(to)}.");
        TermsTenor(w, data.Terms, from, 2);
        w.Paragraph("5. Widerspruch und Klage gegen diesen Bescheid haben keine aufschiebende Wirkung (§ 11 Abs. 4 AsylbLG).");
        w.Field("Beginn der Fortsetzung:", D(from));
        w.Field("Ende der Fortsetzung:", D(to));
        AmountFields(w, data.Terms);

        w.Heading("Begründung (§ 39 VwVfG)");
        w.Paragraph($"Mit Bescheid wurden Ihre Leistungen wegen der Ablehnung der Arbeitsgelegenheit „{data.Offer.Title}“ am {D(data.Refusal.Date)} "
            + "eingeschränkt. Die Pflichtverletzung besteht fort: Sie haben die Arbeit seither nicht aufgenommen.");
        w.Paragraph(data.Reviewed.HearingHeldOn is { } heard
            ? $"Anhörung: Sie wurden am {D(heard)} nach § 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG zur Fortsetzung angehört."
            : "Anhörung: –");
        w.Paragraph($"Gründe der Entscheidung: {data.Reviewed.Reasoning}");
        TermsReasons(w, data.Terms);

        Rechtsbehelfsbelehrung.Write(w, settings);
        Signature(w, data.SignedBy, data.MunicipalityName);
        return w.Finish();
    }

#pragma warning disable CS8524
    public static string Basis(RevocationBasis basis) => basis switch
    {
        RevocationBasis.Section48 => "§ 48 SGB X",
        RevocationBasis.Section45 => "§ 45 SGB X",
    };
#pragma warning restore CS8524

    // Items 2-4 of the Tenor: the amounts, the changed Bewilligungsbescheid, the hardship decision and what is not restricted.
    private static void TermsTenor(NoticeWriter w, RestrictionTerms t, DateOnly from, int first)
    {
        w.Paragraph($"{first}. Ihre monatlichen Leistungen betragen bisher {NoticeWriter.Euro(t.Amounts.MonthlyBeforeCents)}. Während der "
            + $"Einschränkung erhalten Sie monatlich {NoticeWriter.Euro(t.Amounts.MonthlyAfterCents)}.");
        var n = t.ApprovalNotice;
        var changed = n.Basis == RevocationBasis.Section45 ? "zurückgenommen" : "aufgehoben";
        w.Paragraph($"{first + 1}. Der Bescheid vom {D(n.Date)} über die Bewilligung Ihrer laufenden Leistungen wird mit Wirkung vom {D(from)} "
            + $"{changed}, soweit er Leistungen über die nach § 1a Abs. 1 AsylbLG hinaus bewilligt (§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung "
            + $"mit {Basis(n.Basis)}).");
        var s = t.SpecialCircumstances;
        w.Paragraph($"{first + 2}. Besondere Umstände im Einzelfall (§ 1a Abs. 1 S. 3 AsylbLG) wurden geprüft. "
            + (s.Granted.Count == 0
                ? "Nach dieser Prüfung werden keine weiteren Leistungen gewährt."
                : "Zusätzlich gewährt werden: " + string.Join("; ", s.Granted) + ".")
            + " Leistungen bei Krankheit, Schwangerschaft und Geburt nach § 4 AsylbLG werden nicht eingeschränkt. Die Einschränkung betrifft "
            + "nur Sie; die Leistungen Ihrer Familienangehörigen werden nicht eingeschränkt.");
    }

    private static void AmountFields(NoticeWriter w, RestrictionTerms t)
    {
        w.Field("Monatlich bisher:", NoticeWriter.Euro(t.Amounts.MonthlyBeforeCents));
        w.Field("Monatlich künftig:", NoticeWriter.Euro(t.Amounts.MonthlyAfterCents));
        w.Field("Bewilligungsbescheid vom:", $"{D(t.ApprovalNotice.Date)} ({Basis(t.ApprovalNotice.Basis)})");
    }

    private static void TermsReasons(NoticeWriter w, RestrictionTerms t)
    {
        var s = t.SpecialCircumstances;
        w.Paragraph((s.Granted.Count == 0
            ? "Besondere Umstände: Es wurde geprüft, ob besondere Umstände im Einzelfall andere Leistungen rechtfertigen (§ 1a Abs. 1 S. 3 AsylbLG); keine wurden gewährt. "
            : "Besondere Umstände: Wegen besonderer Umstände im Einzelfall werden zusätzlich gewährt (§ 1a Abs. 1 S. 3 AsylbLG): " + string.Join("; ", s.Granted) + ". ")
            + $"Begründung: {s.Reasoning}");
        var n = t.ApprovalNotice;
        w.Paragraph(n.Basis == RevocationBasis.Section45
            ? $"Der Bewilligungsbescheid vom {D(n.Date)} war insoweit von Anfang an rechtswidrig; er wird nach § 9 Abs. 4 S. 1 Nr. 1 AsylbLG in "
                + $"Verbindung mit § 45 SGB X zurückgenommen. Ermessenserwägungen: {n.DiscretionReasoning}"
            : "Weil sich die Verhältnisse, die Ihrer laufenden Bewilligung zugrunde lagen, wesentlich geändert haben, wird der Bewilligungsbescheid "
                + $"vom {D(n.Date)} für die Zeit der Einschränkung nach § 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung mit § 48 SGB X aufgehoben.");
    }

    /// <summary>Signed with the official's name as the notice recorded it (never a user id).</summary>
    public static void Signature(NoticeWriter w, string signedBy, string office)
    {
        w.Space(10);
        w.Paragraph($"Mit freundlichen Grüßen\nIm Auftrag\n{signedBy}\n{office}");
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
