namespace AGH.Api.Notices;

/// <summary>
/// What an Erstattungsbescheid names, from the events of its recovery: the corrected entry (<paramref name="Correction"/>),
/// the amount owed, the hearing and the official's reasoning.
/// </summary>
public sealed record RecoveryNoticeData(
    Person Person, Notice Notice, RecoveryOpened Opened, HoursCorrected Correction, RecoveryHeard Heard, RecoveryDecided Decided, string Office);

/// <summary>
/// The Erstattungsbescheid (§ 50 Abs. 2 SGB X with §§ 45, 48 SGB X, through § 9 Abs. 4 AsylbLG): the allowance paid for hours
/// later corrected down is set as owed; it ends with the Rechtsbehelfsbelehrung (Widerspruch, which suspends collection).
/// </summary>
public static class RecoveryNoticeText
{
    private static string D(DateOnly d) => NoticeWriter.Date(d);

    /// <summary>Minutes as German hours, e.g. 90 → "1:30 Stunden".</summary>
    public static string Hours(int minutes) => $"{minutes / 60}:{minutes % 60:D2} Stunden";

    public static async Task<IResult> Answer(HttpContext http, IQuerySession session, Person person, Notice notice, NoticeSettings settings)
    {
        if (notice.Version != NoticeVersions.RecoveryNotice) return NoticePdfProblems.NotRenderable(Json.EnumValue(notice.Kind));
        var events = (await session.Events.FetchStreamAsync(person.Id, token: http.RequestAborted)).Select(e => e.Data).ToList();
        var opened = events.OfType<RecoveryOpened>().FirstOrDefault(e => e.RecoveryId == notice.SubjectId);
        var correction = opened is null ? null : events.OfType<HoursCorrected>().FirstOrDefault(e => e.EntryId == opened.CorrectionEntryId);
        var heard = events.OfType<RecoveryHeard>().FirstOrDefault(e => e.RecoveryId == notice.SubjectId);
        var decided = events.OfType<RecoveryDecided>().FirstOrDefault(e => e.NoticeId == notice.NoticeId);
        if (opened is null || correction is null || heard is null || decided is null) return Problems.NotFound("notice").Answer();
        var data = new RecoveryNoticeData(person, notice, opened, correction, heard, decided, NoticeResults.Office(person.Municipality));
        return NoticeResults.Pdf(http, Render(data, settings), notice.Version, notice.NoticeId);
    }

    public static byte[] Render(RecoveryNoticeData data, NoticeSettings settings)
    {
        var (person, notice, opened, correction) = (data.Person, data.Notice, data.Opened, data.Correction);
        var name = $"{person.GivenName} {person.FamilyName}";
        var amount = NoticeWriter.Euro(opened.AmountCents);
        using var w = new NoticeWriter(settings, notice.Version!, "Erstattungsbescheid");
        w.Addressee(name, person, data.Office, notice.IssuedOn);
        w.Title("Erstattungsbescheid (§ 50 Abs. 2 SGB X)");
        w.Paragraph($"Guten Tag {name},");
        w.Paragraph($"Sie werden verpflichtet, {amount} zu erstatten. Der Betrag wurde Ihnen als Aufwandsentschädigung nach § 5 Abs. 2 AsylbLG "
            + "für eine Arbeitsgelegenheit ohne Rechtsgrund ausgezahlt.");
        w.Heading("Sachverhalt");
        w.Paragraph($"Für Ihren Einsatz am {D(correction.Date)} wurde die Aufwandsentschädigung ausgezahlt. Die Stunden dieses Tages wurden danach "
            + $"auf {Hours(correction.Minutes)} berichtigt (Grund der Berichtigung: {correction.Reason}).");
        w.Field("Zu viel gezahlt für:", Hours(opened.Minutes));
        w.Field("Stundensatz:", NoticeWriter.Euro(opened.RateCents) + " je Stunde");
        w.Field("Erstattungsbetrag:", amount);
        w.Heading("Anhörung (§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG)");
        w.Paragraph($"Sie wurden am {D(data.Heard.HeldOn)} angehört. Ihre Äußerung: {data.Heard.Statement}");
        w.Heading("Begründung (§ 39 VwVfG)");
        w.Paragraph(data.Decided.Reasoning);
        w.Paragraph("Rechtsgrundlage: § 50 Abs. 2 SGB X in Verbindung mit §§ 45, 48 SGB X und § 9 Abs. 4 AsylbLG. Soweit Leistungen ohne Verwaltungsakt "
            + "zu Unrecht erbracht worden sind, sind sie zu erstatten; §§ 45 und 48 SGB X gelten entsprechend.");
        w.Paragraph("Ein Widerspruch gegen diesen Bescheid hat aufschiebende Wirkung (§ 86a Abs. 1 SGG): Bis zur Entscheidung über den Widerspruch "
            + "wird der Betrag nicht eingezogen. Über die Zahlungsweise (auch Raten) können Sie mit uns sprechen.");
        Rechtsbehelfsbelehrung.Write(w, settings);
        RestrictionNoticeText.Signature(w, notice.IssuedByName, data.Office);
        return w.Finish();
    }
}
