using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AGH.Api.Notices;

/// <summary>One block of an annex: a heading or a paragraph, in the order the annex prints them.</summary>
public sealed record AnnexBlock(bool Heading, string Text);

/// <summary>
/// The translated annex of a notice (GET /api/notices/{id}/pdf?annex=): the parts of the German text the person must
/// understand to act on it, pages appended to the notice, headed "Übersetzung – nicht rechtsverbindlich".
/// </summary>
public static class TranslatedAnnex
{
    public static IResult NotAvailable(string? language) => Problems.Create(422, "annex-not-available", "Unprocessable Entity",
        $"There is no translated annex in '{language}'; annexes exist in {string.Join(", ", AnnexTranslations.All.Select(t => t.Language))}.");

    /// <summary>
    /// What the annex says for a notice of <paramref name="kind"/>, in the order printed: the marker, that only the German
    /// notice binds, then the notice's Belehrungen. Null for kinds the service does not render.
    /// </summary>
    public static IReadOnlyList<AnnexBlock>? Source(AnnexTranslation t, NoticeKind kind, NoticeSettings settings)
    {
        var remedy = t.Remedy(settings.Authority.ObjectionTo, settings.Authority.Email);
#pragma warning disable CS8524
        IEnumerable<AnnexBlock>? parts = kind switch
        {
            NoticeKind.Heranziehungsbescheid => [Heading(t.ConsequencesHeading), .. t.Consequences.Select(Paragraph),
                Heading(t.RemedyHeading), .. remedy.Select(Paragraph)],
            NoticeKind.Einschraenkungsbescheid => [Heading(t.NoSuspensiveEffectHeading), Paragraph(t.NoSuspensiveEffect),
                Heading(t.RemedyHeading), .. remedy.Select(Paragraph)],
            // A Mitteilung burdens no one: no Rechtsbehelfsbelehrung, only that the duty and its Belehrung still apply.
            NoticeKind.Mitteilung => [Paragraph(t.DutyContinues)],
            NoticeKind.Fortsetzungsbescheid or NoticeKind.Abhilfebescheid or NoticeKind.Widerspruchsbescheid or NoticeKind.AnordnungSofortigeVollziehung
                or NoticeKind.Aufhebungsbescheid or NoticeKind.Ablehnung or NoticeKind.Erstattungsbescheid => null,
        };
#pragma warning restore CS8524
        return parts is null ? null : [Heading(AnnexTranslations.GermanMarker), Heading(t.Marker), Paragraph(t.GermanBinding), .. parts];
    }

    /// <summary>The notice's PDF with the annex's pages appended, one document.</summary>
    public static byte[] Append(byte[] notice, AnnexTranslation t, NoticeKind kind, NoticeSettings settings)
    {
        var blocks = Source(t, kind, settings) ?? throw new InvalidOperationException($"No annex for {kind} notices.");
        var writer = new AnnexWriter(t.Language, t.RightToLeft);
        writer.Marker(blocks[0].Text, blocks[1].Text);
        foreach (var block in blocks.Skip(2))
        {
            if (block.Heading) writer.Heading(block.Text);
            else writer.Paragraph(block.Text);
        }
        var annex = writer.Finish($"{AnnexTranslations.GermanMarker} ({t.Language})", settings.Authority.Name,
            $"{settings.Authority.Name} · {AnnexTranslations.GermanMarker} · Fassung {t.Version}");

        using var document = PdfReader.Open(new MemoryStream(notice), PdfDocumentOpenMode.Modify);
        using var pages = PdfReader.Open(new MemoryStream(annex), PdfDocumentOpenMode.Import);
        foreach (var page in pages.Pages) document.AddPage(page);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// Lists the annex on the notice, once: under the person's lock, a language and version already listed appends nothing,
    /// so rendering it again, or twice at once, neither fails nor adds a second entry.
    /// </summary>
    public static async Task Record(IDocumentStore store, Actor actor, Guid personId, Guid noticeId, AnnexTranslation t, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        CommandActor.Set(session, actor);
        if (await Streams.Person(session, personId, ct) is not { } stream || !stream.Aggregate!.Notices.TryGetValue(noticeId, out var notice)
            || (notice.Annexes ?? []).Contains(new NoticeAnnex(t.Language, t.Version)))
            return;
        stream.AppendOne(new NoticeAnnexRendered(noticeId, personId, t.Language, t.Version, actor.UserId));
        await session.SaveChangesAsync(ct);
    }

    private static AnnexBlock Heading(string text) => new(true, text);

    private static AnnexBlock Paragraph(string text) => new(false, text);
}
