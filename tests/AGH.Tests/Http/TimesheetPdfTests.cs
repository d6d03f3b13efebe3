using System.Net;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>Contract v3c: the printable Arbeitsnachweis and the providers named as sources in the Art. 15 export.</summary>
[Collection(HttpCollection.Name)]
public sealed class TimesheetPdfTests(AghFactory factory) : HttpTest(factory)
{
    private static string NewProviderId() => "pdf-" + Guid.NewGuid().ToString("N")[..10];

    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy");

    [Fact]
    public async Task The_Arbeitsnachweis_lists_each_person_with_every_day_its_planned_times_the_logged_minutes_and_signature_lines()
    {
        var provider = NewProviderId();
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        await SetProvider(offer, provider);
        var placement = await NewIssuedPlacement(cw, offer, await NewPerson(cw), startsOn: Today);
        var client = await Provider(provider);
        await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(Today), minutes = 135 }), HttpStatusCode.Created);
        var month = Month.Of(Today);

        var response = await client.GetAsync($"/api/offers/{offer}/timesheets/{month}/pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.ToString().Should().Contain($"arbeitsnachweis-{month}-{offer}.pdf");
        var text = Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        text.Should().Contain("Arbeitsnachweis").And.Contain("Amina Yusuf").And.Contain("Grünflächenpflege")
            .And.Contain($"Zeitraum: {Date(month.First)} bis {Date(month.Last)}")
            .And.Contain(Date(month.First)).And.Contain(Date(month.Last)).And.Contain(Date(Today))
            .And.Contain("08:00").And.Contain("Unterschrift teilnehmende Person").And.Contain("Unterschrift und Stempel des Trägers")
            .And.Contain("135").And.Contain("Summe Minuten");
        text.Should().NotContain("Geburtsdatum").And.NotContain("AZ-50-");

        // The timesheet's rules: another provider 404, a bad month 400, roles without timesheets 403.
        await ShouldBeProblem(await (await Provider(NewProviderId())).GetAsync($"/api/offers/{offer}/timesheets/{month}/pdf"), 404);
        await ShouldBeProblem(await client.GetAsync($"/api/offers/{offer}/timesheets/2026-00/pdf"), 400);
        await ShouldBeProblem(await (await As("coordinator", null, "coord-pdf")).GetAsync($"/api/offers/{offer}/timesheets/{month}/pdf"), 403);
        // A caseworker of another municipality gets the blank form only, no name of Bad Iburg's persons.
        var melle = Unit.PdfText.Of(await (await (await Caseworker("melle")).GetAsync($"/api/offers/{offer}/timesheets/{month}/pdf")).Content.ReadAsByteArrayAsync());
        melle.Should().Contain("Arbeitsnachweis").And.NotContain("Yusuf");
    }

    [Fact]
    public async Task The_Art_15_export_names_each_provider_that_logged_or_confirmed_the_persons_hours()
    {
        var (logger, confirmer) = (NewProviderId(), NewProviderId());
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        await SetProvider(offer, logger);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        var lastMonth = Month.Of(Today).Previous;
        await Ok(await Post(await Provider(logger), $"/api/placements/{placement}/hours", new { date = D(lastMonth.Last), minutes = 60 }), HttpStatusCode.Created);

        var before = await GetOk(cw, $"/api/persons/{person}/export");
        before["sources"]!.AsArray().Select(s => s!.ToJsonString()).Should().BeEquivalentTo(
            [$$"""{"kind":"office","municipality":"bad-iburg","providerId":null}""", $$"""{"kind":"provider","municipality":null,"providerId":"{{logger}}"}"""]);

        // The offer passes to another provider, which confirms the month: both are sources now.
        await SetProvider(offer, confirmer);
        await Ok(await Post(await Provider(confirmer), $"/api/offers/{offer}/timesheets/{lastMonth}/confirmation", new { }), HttpStatusCode.Created);
        var after = await GetOk(await As("auditor", null, "auditor-art15"), $"/api/persons/{person}/export");
        after["sources"]!.AsArray().Where(s => s!["kind"]!.GetValue<string>() == "provider").Select(s => s!["providerId"]!.GetValue<string>())
            .Should().BeEquivalentTo([logger, confirmer]);

        // A person whose hours only the office logged names no provider.
        var officeOnly = await NewPerson(cw);
        var officePlacement = await NewPlacement(cw, await NewOffer(cw), officeOnly);
        await Ok(await Post(cw, $"/api/placements/{officePlacement}/hours", new { date = D(Today), minutes = 30 }), HttpStatusCode.Created);
        (await GetOk(cw, $"/api/persons/{officeOnly}/export"))["sources"]!.AsArray().Should().ContainSingle();
    }
}
