using System.Net;
using AGH.Domain.Common;

namespace AGH.Tests.Http;

/// <summary>The notices as the person receives them: the PDFs are read back and must name everything the law requires.</summary>
[Collection(HttpCollection.Name)]
public sealed class NoticeTests(AghFactory factory) : HttpTest(factory)
{
    private static string Dd(DateOnly d) => d.ToString("dd.MM.yyyy");

    private static async Task<string> PdfText(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        return Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
    }

    private static readonly string[] Rechtsbehelfsbelehrung =
    [
        "Rechtsbehelfsbelehrung", "§ 37 Abs. 6 VwVfG", "§ 84 Abs. 1 SGG", "Widerspruch", "innerhalb eines Monats nach seiner Bekanntgabe",
        "schriftlich", "§ 36a Abs. 2 SGB I", "zur Niederschrift", "Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück",
    ];

    private async Task<(HttpClient Cw, Guid Person, string FileReference, Guid Placement, Guid Refusal)> Refused(string caseworker)
    {
        var cw = await Caseworker(userId: caseworker);
        var person = await NewPerson(cw);
        var fileReference = (await GetOk(cw, $"/api/persons/{person}"))["fileReference"]!.GetValue<string>();
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "Bus verpasst" }), HttpStatusCode.Created), "refusalId");
        var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "Ein verpasster Bus entschuldigt kein Fernbleiben" }));
        await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Ich hatte keine Fahrkarte" }));
        return (cw, person, fileReference, placement, refusal);
    }

    [Fact]
    public async Task The_Heranziehungsbescheid_names_the_work_the_allowance_the_consequences_and_the_remedy()
    {
        var cw = await Caseworker(userId: "cw-notice-1");
        var person = await NewPerson(cw);
        var fileReference = (await GetOk(cw, $"/api/persons/{person}"))["fileReference"]!.GetValue<string>();
        var startsOn = Today.AddDays(7);
        var placement = await NewIssuedPlacement(cw, personId: person, startsOn: startsOn, hoursPerWeek: 15);

        var response = await cw.GetAsync($"/api/placements/{placement}/notice");
        var text = await PdfText(response);

        response.Content.Headers.ContentDisposition!.ToString().Should().Contain("heranziehungsbescheid-v2");
        text.Should().ContainAll(
            "Heranziehungsbescheid", "Amina Yusuf", fileReference, "Gemeinde Bauhof", "Grünflächenpflege", "Pflege öffentlicher Grünflächen",
            "Melden Sie sich bei: Bauhof, Am Markt 1", $"Beginn: {Dd(startsOn)}", "15 Stunden pro Woche",
            "0,80 EUR", "§ 5 Abs. 2 AsylbLG", "§ 5 Abs. 1 AsylbLG", "§ 5 Abs. 3 AsylbLG", "§ 5 Abs. 5 AsylbLG", "§ 5 Abs. 4 S. 1 AsylbLG",
            "Rechtsfolgenbelehrung (§ 5 Abs. 4 S. 2 und 3 AsylbLG)", "ohne wichtigen Grund", "§ 1a Abs. 1 S. 2 AsylbLG", "§ 1a Abs. 1 S. 3 AsylbLG", "§ 4 AsylbLG",
            "Ernährung und Unterkunft einschließlich Heizung sowie Körper- und Gesundheitspflege",
            "§ 14 Abs. 1 AsylbLG auf sechs Monate befristet", "§ 14 Abs. 2 AsylbLG", "fortgesetzt", "endet mit Ablauf der sechs Monate",
            "vorzeitig", "Textfassung heranziehungsbescheid-v2",
            // The letterhead, from configuration (here its defaults).
            "Telefon 0541 501-0", "info@lkos.de");
        text.Should().ContainAll(Rechtsbehelfsbelehrung);

        (await GetOk(cw, $"/api/placements/{placement}"))["noticeVersion"]!.GetValue<string>().Should().Be(NoticeVersions.AssignmentNoticeV2);
        var history = await GetOk(await As("auditor", userId: "rpa-notice"), $"/api/persons/{person}/history");
        history["entries"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "PersonAssigned")!["summary"]!.GetValue<string>()
            .Should().Contain("heranziehungsbescheid-v2");
    }

    [Fact]
    public async Task The_Heranziehungsbescheid_is_read_as_the_placement_is()
    {
        var cw = await Caseworker(userId: "cw-notice-2");
        var placement = await NewIssuedPlacement(cw);
        var url = $"/api/placements/{placement}/notice";

        await PdfText(await (await As("official", "bad-iburg", "off-notice")).GetAsync(url));
        await PdfText(await (await As("official", null, "off-district")).GetAsync(url));
        await PdfText(await (await As("auditor", userId: "rpa-notice-2")).GetAsync(url));
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync(url), 404, "not-found");
        await ShouldBeProblem(await (await As("payroll", userId: "kasse")).GetAsync(url), 403);
        await ShouldBeProblem(await cw.GetAsync($"/api/placements/{Guid.NewGuid()}/notice"), 404);
    }

    [Fact]
    public async Task The_restriction_notice_exists_once_decided_and_names_period_hearing_reasons_and_no_suspensive_effect()
    {
        var (cw, person, fileReference, placement, refusal) = await Refused("cw-notice-3");
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }), HttpStatusCode.Created));
        var url = $"/api/sanction-proposals/{proposal}/notice";

        await ShouldBeProblem(await cw.GetAsync(url), 409, "not-decided");

        var startsOn = Today.AddDays(3);
        var endsOn = Dates.EndOfMonthsPeriod(startsOn, 6);
        var decided = await Ok(await Post(await As("official", "bad-iburg", "off-notice-3"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "Die Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", startsOn = D(startsOn), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        decided["noticeVersion"]!.GetValue<string>().Should().Be(NoticeVersions.RestrictionNoticeV2);

        var response = await cw.GetAsync(url);
        var text = await PdfText(response);

        response.Content.Headers.ContentDisposition!.ToString().Should().Contain("einschraenkungsbescheid-v2");
        text.Should().ContainAll(
            "Amina Yusuf", fileReference, $"Datum: {Dd(Today)}",
            "Bescheid über die Einschränkung Ihrer Leistungen nach § 5 Abs. 4 S. 2 in Verbindung mit § 1a Abs. 1 AsylbLG",
            $"vom {Dd(startsOn)} bis zum {Dd(endsOn)}", $"Beginn der Einschränkung: {Dd(startsOn)}", $"Ende der Einschränkung: {Dd(endsOn)}",
            "§ 14 Abs. 1 AsylbLG auf sechs Monate befristet", "§ 9 Abs. 4 S. 1 Nr. 1 AsylbLG in Verbindung mit § 48 SGB X",
            "keine aufschiebende Wirkung (§ 11 Abs. 4 AsylbLG)", "Begründung (§ 39 VwVfG)",
            $"Heranziehungsbescheid vom {Dd(Today.AddDays(-20))}", "Grünflächenpflege",
            $"Am {Dd(Today.AddDays(-10))} sind Sie zur Arbeit nicht erschienen", "Bus verpasst",
            "Ein verpasster Bus entschuldigt kein Fernbleiben",
            $"Sie wurden am {Dd(Today.AddDays(-5))} nach § 28 VwVfG", "Ich hatte keine Fahrkarte",
            "Die Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", "Test off-notice-3", "441,00 EUR", "220,50 EUR", "Textfassung einschraenkungsbescheid-v2");
        text.Should().ContainAll(Rechtsbehelfsbelehrung);

        (await GetOk(cw, $"/api/sanction-proposals/{proposal}"))["noticeVersion"]!.GetValue<string>().Should().Be(NoticeVersions.RestrictionNoticeV2);
        await PdfText(await (await As("auditor", userId: "rpa-notice-3")).GetAsync(url));
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync(url), 404, "not-found");
        await ShouldBeProblem(await (await As("official", "melle", "off-melle")).GetAsync(url), 404, "not-found");
        await ShouldBeProblem(await cw.GetAsync($"/api/sanction-proposals/{Guid.NewGuid()}/notice"), 404);
        var history = await GetOk(await As("auditor", userId: "rpa-notice-3"), $"/api/persons/{person}/history");
        history["entries"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "SanctionDecided")!["summary"]!.GetValue<string>()
            .Should().Contain("einschraenkungsbescheid-v2");
    }

    [Fact]
    public async Task A_rejected_proposal_gets_a_Mitteilung_that_no_restriction_is_imposed()
    {
        var (cw, _, fileReference, placement, refusal) = await Refused("cw-notice-4");
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Fernbleiben" }), HttpStatusCode.Created));
        await Ok(await Post(await As("official", "bad-iburg", "off-notice-4"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = false, reasoning = "Die Fahrkarte wurde nachweislich nicht ausgegeben" }));

        var text = await PdfText(await cw.GetAsync($"/api/sanction-proposals/{proposal}/notice"));

        text.Should().ContainAll("Ihre Leistungen werden nicht eingeschränkt", fileReference, "Die Fahrkarte wurde nachweislich nicht ausgegeben",
            $"Sie wurden am {Dd(Today.AddDays(-5))} nach § 28 VwVfG", "Textfassung keine-einschraenkung-v1");
        text.Should().NotContain("Rechtsbehelfsbelehrung").And.NotContain("Beginn der Einschränkung");
        (await GetOk(cw, $"/api/sanction-proposals/{proposal}"))["noticeVersion"]!.GetValue<string>().Should().Be(NoticeVersions.NoRestrictionNotice);
    }
}
