using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AGH.Api.Notices;
using AGH.Domain.Notices;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace AGH.Tests.Http;

/// <summary>
/// The translated annex of a notice (contract v3b, GET /api/notices/{id}/pdf?annex=): appended pages, read back from the
/// PDF. Arabic and Persian must come back as the translator wrote them: PdfPig gives glyphs in the order they are drawn
/// (visual, left to right), so this test undoes the line's bidirectional order itself and compares, NFKC-normalised
/// (contextual presentation forms fold back to letters), with the source text in logical order.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class NoticeAnnexTests(AghFactory factory) : HttpTest(factory)
{
    private NoticeSettings Settings => Factory.Services.GetRequiredService<NoticeSettings>();

    private async Task<(HttpClient Cw, Guid Person, Guid Notice)> IssuedNotice(string userId)
    {
        var cw = await Caseworker(userId: userId);
        var person = await NewPerson(cw);
        var placement = await NewIssuedPlacement(cw, personId: person);
        var notice = Guid.Parse((await GetOk(cw, $"/api/placements/{placement}"))["noticeId"]!.GetValue<string>());
        return (cw, person, notice);
    }

    private static async Task<byte[]> Pdf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static int Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    private string Source(AnnexTranslation t, NoticeKind kind) =>
        Collapse(string.Join(" ", TranslatedAnnex.Source(t, kind, Settings)!.Select(b => b.Text)));

    private static string Collapse(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormKC), @"\s+", " ").Trim();

    [Theory]
    [InlineData("ar")]
    [InlineData("fa")]
    [InlineData("uk")]
    [InlineData("ru")]
    [InlineData("tr")]
    [InlineData("en")]
    public async Task The_annex_is_appended_marked_not_binding_reads_back_as_its_source_and_is_listed_on_the_notice_once(string language)
    {
        var (cw, person, notice) = await IssuedNotice($"cw-annex-{language}");
        // A notice issued since v3b: heranziehungsbescheid-v2, so the v2 translation of its corrected Rechtsfolgenbelehrung.
        var translation = AnnexTranslations.For(language, AGH.Domain.Common.NoticeVersions.AssignmentNoticeV2)!;
        translation.Version.Should().Be($"rfb-{language}-v2");
        translation.Consequences.Should().HaveCount(AssignmentNoticeText.ConsequencesV2.Length, "paragraph by paragraph as the German text");
        var plain = await Pdf(await cw.GetAsync($"/api/notices/{notice}/pdf"));
        Unit.PdfText.Of(plain).Should().NotContain("Übersetzung").And.NotContain(translation.Version);

        var response = await cw.GetAsync($"/api/notices/{notice}/pdf?annex={language}");
        var pdf = await Pdf(response);
        response.Content.Headers.ContentDisposition!.ToString().Should().Contain(translation.Version);
        Pages(pdf).Should().BeGreaterThan(Pages(plain));
        // The German notice comes first and unchanged in wording; the annex follows it.
        Unit.PdfText.Of(pdf).Should().StartWith(Unit.PdfText.Of(plain)[..200])
            .And.Contain("Übersetzung – nicht rechtsverbindlich").And.Contain($"Fassung {translation.Version}");

        AnnexText(pdf, Pages(plain), translation.RightToLeft).Should().Be(Source(translation, NoticeKind.Heranziehungsbescheid));
        Poppler(pdf, Pages(plain), translation, NoticeKind.Heranziehungsbescheid);

        // Rendered again: the notice lists the annex once, from one event.
        await Pdf(await cw.GetAsync($"/api/notices/{notice}/pdf?annex={language}"));
        var annexes = (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray();
        annexes.Select(a => (a!["language"]!.GetValue<string>(), a["version"]!.GetValue<string>())).Should().Equal((language, translation.Version));
        var listed = (await GetOk(cw, $"/api/notices?personId={person}")).AsArray().Single()!;
        listed["annexes"]!.AsArray().Select(a => a!["version"]!.GetValue<string>()).Should().Equal(translation.Version);
        await using var session = Factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(person)).Select(e => e.Data).OfType<NoticeAnnexRendered>()
            .Should().ContainSingle().Which.Should().Be(new NoticeAnnexRendered(notice, person, language, translation.Version, $"cw-annex-{language}"));
        var history = await GetOk(await As("auditor", userId: "rpa-annex"), $"/api/persons/{person}/history");
        history["entries"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "NoticeAnnexRendered")!["summary"]!.GetValue<string>()
            .Should().Contain(translation.Version).And.Contain("nicht rechtsverbindlich");
    }

    [Fact]
    public async Task The_same_annex_rendered_twice_at_once_succeeds_both_times_and_is_listed_once()
    {
        var (cw, person, notice) = await IssuedNotice("cw-annex-twice");

        var both = await Task.WhenAll(cw.GetAsync($"/api/notices/{notice}/pdf?annex=fa"), cw.GetAsync($"/api/notices/{notice}/pdf?annex=fa"));
        foreach (var response in both) await Pdf(response);
        await Pdf(await cw.GetAsync($"/api/notices/{notice}/pdf?annex=uk"));

        (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray().Select(a => a!["language"]!.GetValue<string>()).Should().Equal("fa", "uk");
        await using var session = Factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(person)).Select(e => e.Data).OfType<NoticeAnnexRendered>().Should().HaveCount(2);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("xx")]
    [InlineData("")]
    [InlineData("AR")]
    [InlineData("ps")]
    [InlineData("ar,fa")]
    public async Task Any_other_annex_is_422_annex_not_available_and_nothing_is_stored(string annex)
    {
        var (cw, person, notice) = await IssuedNotice($"cw-annex-none-{annex.GetHashCode():x}");

        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{notice}/pdf?annex={Uri.EscapeDataString(annex)}"), 422, "annex-not-available");

        (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray().Should().BeEmpty();
        await using var session = Factory.Store.QuerySession();
        (await session.Events.FetchStreamAsync(person)).Select(e => e.Data).OfType<NoticeAnnexRendered>().Should().BeEmpty();
    }

    [Fact]
    public async Task The_annex_answers_after_the_notices_own_403_404_and_409()
    {
        var (cw, _, notice) = await IssuedNotice("cw-annex-order");
        var external = await NewPlacement(cw, notice: Today.AddDays(-3), startsOn: Today);
        var externalNotice = (await GetOk(cw, $"/api/placements/{external}"))["noticeId"]!.GetValue<string>();

        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{externalNotice}/pdf?annex=xx"), 409, "notice-external");
        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{externalNotice}/pdf?annex=ar"), 409, "notice-external");
        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{Guid.NewGuid()}/pdf?annex=xx"), 404);
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/notices/{notice}/pdf?annex=ar"), 404, "not-found");
        await ShouldBeProblem(await (await As("payroll", userId: "kasse-annex")).GetAsync($"/api/notices/{notice}/pdf?annex=xx"), 403);
        await Pdf(await (await As("auditor", userId: "rpa-annex-order")).GetAsync($"/api/notices/{notice}/pdf?annex=tr"));
        (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray().Select(a => a!["language"]!.GetValue<string>()).Should().Equal("tr");
    }

    [Fact]
    public async Task The_restriction_notice_and_the_Mitteilung_get_their_own_parts_translated()
    {
        var (restriction, mitteilung) = await DecidedNotices();
        var cw = await Caseworker(userId: "cw-annex-decided");
        foreach (var (notice, kind, language) in new[] { (restriction, NoticeKind.Einschraenkungsbescheid, "ar"), (mitteilung, NoticeKind.Mitteilung, "ru") })
        {
            var translation = AnnexTranslations.For(language)!;
            var plain = await Pdf(await cw.GetAsync($"/api/notices/{notice}/pdf"));
            var pdf = await Pdf(await cw.GetAsync($"/api/notices/{notice}/pdf?annex={language}"));
            AnnexText(pdf, Pages(plain), translation.RightToLeft).Should().Be(Source(translation, kind));
            (await GetOk(cw, $"/api/notices/{notice}"))["annexes"]!.AsArray().Single()!["version"]!.GetValue<string>().Should().Be(translation.Version);
        }
        Source(ArabicAnnex.V1, NoticeKind.Einschraenkungsbescheid).Should().Contain(Collapse(ArabicAnnex.V1.NoSuspensiveEffect)).And.Contain(Collapse(ArabicAnnex.V1.RemedyHeading));
        Source(RussianAnnex.V1, NoticeKind.Mitteilung).Should().Contain(Collapse(RussianAnnex.V1.DutyContinues)).And.NotContain(Collapse(RussianAnnex.V1.RemedyHeading));
    }

    private async Task<(Guid Restriction, Guid Mitteilung)> DecidedNotices()
    {
        var cw = await Caseworker(userId: "cw-annex-decided");
        var official = await As("official", "bad-iburg", "off-annex");
        var notices = new List<Guid>();
        foreach (var approved in new[] { true, false })
        {
            var person = await NewPerson(cw);
            var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
            var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
                new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "Bus verpasst" }), HttpStatusCode.Created), "refusalId");
            var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";
            await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund" }));
            await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Keine Äußerung" }));
            var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
                new { refusalId = refusal, reasoning = "Fernbleiben trotz Belehrung" }), HttpStatusCode.Created));
            var decided = await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision",
                approved ? new { approved, reasoning = "Die Voraussetzungen liegen vor", startsOn = D(Today.AddDays(3)), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }
                    : (object)new { approved, reasoning = "Im Zweifel keine Einschränkung" }));
            notices.Add(Guid.Parse(decided["noticeId"]!.GetValue<string>()));
        }
        return (notices[0], notices[1]);
    }

    /// <summary>
    /// The annex pages' text in logical order: glyphs grouped into lines by baseline, sorted left to right, then the line's
    /// visual order undone (UAX #9 rule L2 applied backwards, brackets of right-to-left runs mirrored back); the footer
    /// (it names the version) left out.
    /// </summary>
    private static string AnnexText(byte[] pdf, int noticePages, bool rightToLeft)
    {
        using var document = PdfDocument.Open(pdf);
        var lines = new List<string>();
        for (var p = noticePages + 1; p <= document.NumberOfPages; p++)
        {
            var letters = document.GetPage(p).Letters.OrderByDescending(l => l.StartBaseLine.Y).ToList();
            var groups = new List<List<UglyToad.PdfPig.Content.Letter>>();
            foreach (var letter in letters)
            {
                // Arabic cursive attachment may lift a glyph a little off the baseline; lines lie at least 14 pt apart.
                if (groups.Count > 0 && Math.Abs(groups[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) < 5) groups[^1].Add(letter);
                else groups.Add([letter]);
            }
            lines.AddRange(groups.Select(g => Logical(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value).Where(v => v.Length > 0).ToList(), rightToLeft)));
        }
        return Collapse(string.Join(" ", lines.Where(l => !l.Contains("Fassung rfb-"))));
    }

    private static bool Rtl(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFE';

    private static string Logical(List<string> visual, bool rightToLeft)
    {
        var strong = visual.Select(v => Rtl(v[0]) ? 1 : char.IsLetterOrDigit(v[0]) ? 0 : -1).ToArray();
        var paragraph = rightToLeft ? 1 : 0;
        var levels = new int[visual.Count];
        for (var i = 0; i < visual.Count; i++)
        {
            var direction = strong[i];
            if (direction < 0)
            {
                var before = Enumerable.Range(0, i).Reverse().Select(j => strong[j]).FirstOrDefault(s => s >= 0, paragraph);
                var after = Enumerable.Range(i + 1, visual.Count - i - 1).Select(j => strong[j]).FirstOrDefault(s => s >= 0, paragraph);
                direction = before == after ? before : paragraph;
            }
            levels[i] = rightToLeft ? (direction == 1 ? 1 : 2) : direction;
        }
        var units = visual.Select((v, i) => levels[i] % 2 == 1 ? Mirror(v) : v).ToList();
        // Reversing every run at each level from the highest down is its own inverse.
        var order = Enumerable.Range(0, units.Count).ToList();
        for (var level = levels.DefaultIfEmpty(0).Max(); level >= 1; level--)
            for (var i = 0; i < order.Count;)
            {
                if (levels[order[i]] < level) { i++; continue; }
                var end = i;
                while (end < order.Count && levels[order[end]] >= level) end++;
                order.Reverse(i, end - i);
                i = end;
            }
        return string.Concat(order.Select(i => units[i]));
    }

    private static string Mirror(string v) => v switch { "(" => ")", ")" => "(", "[" => "]", "]" => "[", "«" => "»", "»" => "«", _ => v };

    /// <summary>
    /// An independent extractor, Debian's pdftotext (poppler): every paragraph of a left-to-right annex; for a right-to-left
    /// one, the same Arabic-script words as the source, each as often (poppler orders the runs of a line that mixes Arabic
    /// with Latin citations by its own heuristics, so their order is PdfPig's check above).
    /// </summary>
    private void Poppler(byte[] pdf, int noticePages, AnnexTranslation t, NoticeKind kind)
    {
        var tool = new[] { "/usr/bin/pdftotext", "/usr/local/bin/pdftotext" }.FirstOrDefault(File.Exists);
        Guarantees.SkipOrFailIf(tool is null ? "pdftotext (Debian package poppler-utils) is not installed" : null);
        var file = Path.Combine(Path.GetTempPath(), $"annex-{Guid.NewGuid()}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool!, ["-enc", "UTF-8", "-f", (noticePages + 1).ToString(CultureInfo.InvariantCulture), file, "-"])
            {
                RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0);
            var text = Collapse(Regex.Replace(output, "[\u200E\u200F\u202A-\u202E\u2066-\u2069]", ""));
            var blocks = TranslatedAnnex.Source(t, kind, Settings)!.Select(b => Collapse(b.Text)).ToList();
            if (!t.RightToLeft)
            {
                text.Should().ContainAll(blocks);
                return;
            }
            text.Should().Contain("Übersetzung – nicht rechtsverbindlich");
            ArabicWords(text).Should().BeEquivalentTo(ArabicWords(string.Join(" ", blocks)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Runs of Arabic-script letters: poppler may write a Latin citation right against the next Arabic word.
    private static List<string> ArabicWords(string text) =>
        Regex.Split(new string(text.Select(c => char.IsLetter(c) && Rtl(c) ? c : ' ').ToArray()), " +").Where(w => w.Length > 0).ToList();
}
