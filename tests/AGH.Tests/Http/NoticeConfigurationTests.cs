using System.Net;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>
/// A deployment that marks the Heranziehungsbescheid's first wording defective (its Rechtsbehelfsbelehrung was wrong) and
/// whose municipality Glandorf issues notices in its own name.
/// </summary>
public sealed class NoticeConfigurationFactory : AghFactory
{
    public const string GlandorfName = "Gemeinde Glandorf – Der Bürgermeister, Sozialamt";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Notices:DefectiveVersions:0", NoticeVersions.AssignmentNotice),
        new("Notices:Authorities:glandorf:Name", GlandorfName),
        new("Notices:Authorities:glandorf:Address", GlandorfAddress),
        new("Notices:Authorities:glandorf:ObjectionAddress", GlandorfObjectionAddress),
        new("Notices:Authorities:glandorf:Email", GlandorfEmail),
        // Melle decides in its own name but has no e-mail for qualified electronic submissions.
        new("Notices:Authorities:melle:Name", MelleName),
        new("Notices:Authorities:melle:Address", "Markt 22, 49324 Melle"),
    ];

    public const string GlandorfAddress = "Münsterstraße 10, 49219 Glandorf";
    public const string GlandorfObjectionAddress = "Rathaus Zimmer 12, Münsterstraße 10, 49219 Glandorf";
    public const string GlandorfEmail = "widerspruch@glandorf.example";
    public const string MelleName = "Stadt Melle – Die Bürgermeisterin, Fachdienst Soziales";
}

[CollectionDefinition(Name)]
public sealed class NoticeConfigurationCollection : ICollectionFixture<NoticeConfigurationFactory>
{
    public const string Name = "notice-configuration";
}

/// <summary>Notices:DefectiveVersions and Notices:Authorities:{municipality}:Name through the configured host (contract v3a).</summary>
[Collection(NoticeConfigurationCollection.Name)]
public sealed class NoticeConfigurationTests(NoticeConfigurationFactory factory) : HttpTest(factory)
{
    /// <summary>A placement recorded before v3 whose notice of the defective wording was handed over on <paramref name="served"/>.</summary>
    private async Task<(HttpClient Cw, Guid Placement, Guid Notice)> Served(string municipality, DateOnly served)
    {
        var cw = await Caseworker(municipality, "cw-" + Guid.NewGuid().ToString("N")[..6]);
        var offer = await NewOffer(cw, municipality);
        var person = await NewPerson(cw, municipality);
        var placement = Guid.CreateVersion7();
        await using (var session = Factory.Store.LightweightSession())
        {
            CommandActor.Set(session, new Actor("cw-legacy", "Erika Alt", Roles.Caseworker, municipality));
            session.Events.Append(person, new PersonAssigned(placement, person, offer, municipality, served, served.AddDays(7), 10, true, NoticeVersions.AssignmentNotice));
            await session.SaveChangesAsync();
        }
        return (cw, placement, NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0));
    }

    [Fact]
    public async Task A_notice_of_a_defective_wording_runs_a_year_so_an_objection_after_its_first_month_is_timely_and_suspends_the_duty()
    {
        var served = Today.AddDays(-40);
        var (cw, placement, notice) = await Served("bad-iburg", served);

        var body = await GetOk(cw, $"/api/notices/{notice}");
        body["objectionDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.YearDeadline(served)));
        body["remedyDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.YearDeadline(served)));
        NoticeCalendar.MonthDeadline(served).Should().BeBefore(Today, "with the correct wording this objection would come too late");

        var filed = await Ok(await Post(cw, $"/api/placements/{placement}/objection",
            new { receivedOn = D(Today), statement = "Die Arbeit ist mir nicht zumutbar" }), HttpStatusCode.Created);
        filed["objection"]!["timely"]!.GetValue<bool>().Should().BeTrue();
        (await GetOk(cw, $"/api/placements/{placement}"))["objection"]!["timely"]!.GetValue<bool>().Should().BeTrue();

        // The suspension the timely objection brings reaches the refusal: no duty, so no refusal (§ 86a Abs. 1 SGG).
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today), kind = "explicit", statedReason = "will nicht" }),
            422, "duty-suspended");
    }

    [Fact]
    public async Task A_municipality_that_decides_in_its_own_name_is_the_notices_authority_and_the_others_keep_the_districts_letterhead()
    {
        var (glandorf, _, own) = await Served("glandorf", Today.AddDays(-3));
        var (iburg, _, district) = await Served("bad-iburg", Today.AddDays(-3));

        var ownNotice = await GetOk(glandorf, $"/api/notices/{own}");
        ownNotice["authority"]!["key"]!.GetValue<string>().Should().Be("glandorf");
        ownNotice["authority"]!["name"]!.GetValue<string>().Should().Be(NoticeConfigurationFactory.GlandorfName);

        var districtNotice = await GetOk(iburg, $"/api/notices/{district}");
        districtNotice["authority"]!["key"]!.GetValue<string>().Should().Be("bad-iburg");
        districtNotice["authority"]!["name"]!.GetValue<string>().Should().Be("Landkreis Osnabrück");
    }

    private async Task<string> PdfText(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Every_notice_prints_the_letterhead_of_the_authority_that_issued_it_and_takes_objections_at_its_objection_address()
    {
        var glandorf = await Caseworker("glandorf", "cw-glandorf-letterhead");
        var placement = await NewIssuedPlacement(glandorf, await NewOffer(glandorf, "glandorf"), await NewPerson(glandorf, "glandorf"));
        var notice = (await GetOk(glandorf, $"/api/placements/{placement}"))["noticeId"]!.GetValue<string>();

        var own = await PdfText(glandorf, $"/api/notices/{notice}/pdf");
        own.Should().StartWith(NoticeConfigurationFactory.GlandorfName, "the letterhead comes first")
            .And.Contain(NoticeConfigurationFactory.GlandorfAddress)
            .And.Contain($"bei folgender Stelle einzulegen: {NoticeConfigurationFactory.GlandorfName}, {NoticeConfigurationFactory.GlandorfObjectionAddress}.")
            // (the paragraph may break over a page, so the label and the address are found apart)
            .And.Contain("E-Mail-Adresse der Behörde:").And.Contain($"{NoticeConfigurationFactory.GlandorfEmail}); eine einfache E-Mail genügt nicht")
            .And.NotContain("Landkreis Osnabrück").And.NotContain("Am Schölerberg").And.NotContain("info@lkos.de");
        // The translated annex takes objections at the same office.
        var annexed = await PdfText(glandorf, $"/api/notices/{notice}/pdf?annex=en");
        var annex = annexed[annexed.LastIndexOf("Translation – not legally binding", StringComparison.Ordinal)..];
        annex.Should().Contain("Rathaus Zimmer 12").And.Contain(NoticeConfigurationFactory.GlandorfEmail).And.NotContain("Am Schölerberg");

        // Its restriction notice too (the letterhead part every notice shares).
        var decision = await DecidedRestriction(glandorf, "glandorf");
        (await PdfText(glandorf, $"/api/notices/{decision}/pdf")).Should().StartWith(NoticeConfigurationFactory.GlandorfName)
            .And.Contain($"{NoticeConfigurationFactory.GlandorfName}, {NoticeConfigurationFactory.GlandorfObjectionAddress}")
            .And.NotContain("Am Schölerberg");

        // Without an e-mail configured no address is named for electronic submission; the district's is not borrowed.
        var melle = await Caseworker("melle", "cw-melle-letterhead");
        var mellePlacement = await NewIssuedPlacement(melle, await NewOffer(melle, "melle"), await NewPerson(melle, "melle"));
        var melleText = await PdfText(melle, $"/api/placements/{mellePlacement}/notice");
        melleText.Should().StartWith(NoticeConfigurationFactory.MelleName).And.Contain($"{NoticeConfigurationFactory.MelleName}, Markt 22, 49324 Melle.")
            .And.Contain("sicheren Übermittlungsweg einzureichen; eine einfache E-Mail genügt nicht").And.NotContain("info@lkos.de");

        // A municipality not configured keeps the district's letterhead and objection address.
        var iburg = await Caseworker("bad-iburg", "cw-iburg-letterhead");
        var districtPlacement = await NewIssuedPlacement(iburg);
        var district = await PdfText(iburg, $"/api/placements/{districtPlacement}/notice");
        district.Should().StartWith("Landkreis Osnabrück").And.Contain("Am Schölerberg 1, 49082 Osnabrück")
            .And.Contain("bei folgender Stelle einzulegen: Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück.")
            .And.Contain("E-Mail-Adresse der Behörde: info@lkos.de").And.NotContain("Glandorf");
    }

    /// <summary>An approved restriction of a person of <paramref name="municipality"/>; its Einschränkungsbescheid's id.</summary>
    private async Task<Guid> DecidedRestriction(HttpClient cw, string municipality)
    {
        var official = await As("official", municipality, "off-letterhead-" + municipality);
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, await NewOffer(cw, municipality), person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "Bus verpasst" }), HttpStatusCode.Created), "refusalId");
        var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund" }));
        await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Fernbleiben trotz Belehrung" }), HttpStatusCode.Created));
        var decided = await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision",
            new
            {
                approved = true, reasoning = "Die Voraussetzungen liegen vor", startsOn = D(Today.AddDays(3)),
                amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice,
            }));
        return Guid.Parse(decided["noticeId"]!.GetValue<string>());
    }
}
