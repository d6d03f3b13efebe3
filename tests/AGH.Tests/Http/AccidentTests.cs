using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>Contract v3c and the legal corrections: accidents at the work and the provider's duty to report them (§ 193 SGB VII).</summary>
[Collection(HttpCollection.Name)]
public sealed class AccidentTests(AghFactory factory) : HttpTest(factory)
{
    private const string Insurer = "Unfallkasse Niedersachsen";

    private static string NewProviderId() => "traeger-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A placement (begun 50 days ago) on an offer with a provider and an accident insurer.</summary>
    private async Task<(HttpClient Cw, HttpClient Provider, Guid Person, Guid Placement, string ProviderId)> ProviderPlacement(string municipality = "bad-iburg")
    {
        var providerId = NewProviderId();
        var coordinator = await As("coordinator", null, "coord-acc");
        var offer = IdOf(await Ok(await Post(coordinator, "/api/offers", new
        {
            providerType = "nonprofit", providerName = "Tafel e. V.", municipality, title = "Lebensmittelausgabe", activity = "Sortieren",
            places = 5, hoursPerWeek = 20, startsOn = D(Today.AddYears(-1)), reportTo = "Tafel, Hauptstraße 3", servesPublicBenefit = true,
            providerId, accidentInsurer = Insurer,
        }), HttpStatusCode.Created));
        var cw = await Caseworker(municipality);
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offer, person);
        return (cw, await Provider(providerId, "p-" + providerId), person, placement, providerId);
    }

    private object Accident(DateOnly on, int? incapacityDays = null, bool? fatal = null, string description = "Schnittwunde an der Hand beim Sortieren") =>
        new { on = D(on), description, incapacityDays, fatal };

    [Fact]
    public async Task A_provider_records_an_accident_with_incapacity_over_three_days_open_and_due_three_days_after_it_learned_of_it()
    {
        var (cw, provider, person, placement, providerId) = await ProviderPlacement();
        var response = await Post(provider, $"/api/placements/{placement}/accidents", Accident(Today.AddDays(-1), incapacityDays: 5));
        var created = await Ok(response, HttpStatusCode.Created);
        var id = IdOf(created);
        response.Headers.Location!.ToString().Should().Be($"/api/accidents/{id}");
        created["status"]!.GetValue<string>().Should().Be("open");
        created["reportDueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)));
        created["accidentInsurer"]!.GetValue<string>().Should().Be(Insurer);
        created["on"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
        created["incapacityDays"]!.GetValue<int>().Should().Be(5);
        created["placementId"]!.GetValue<string>().Should().Be(placement.ToString());

        var stored = (await Factory.Stream(person)).Last();
        var e = stored.Data.Should().BeOfType<AccidentRecorded>().Subject;
        (e.AccidentId, e.On, e.IncapacityDays, e.Fatal, e.RecordedOn, e.ReportDueOn, e.ProviderId, e.AccidentInsurer, e.RecordedByProvider)
            .Should().Be((id, Today.AddDays(-1), (int?)5, false, Today, Today.AddDays(3), providerId, Insurer, providerId));
        EventHeaders.LegalBasisOf(stored).Should().Be("§ 193 Abs. 1 und 4 SGB VII, § 2 Abs. 1 Nr. 1 SGB VII");
        EventHeaders.ActorOf(stored)!.Role.Should().Be("provider");

        foreach (var reader in new[] { cw, await As("coordinator", null, "coord-acc"), await As("auditor", null, "aud-acc"), provider })
        {
            var open = (await GetOk(reader, "/api/accidents?status=open&pageSize=500")).AsArray();
            var item = open.Single(x => IdOf(x!) == id)!;
            item["accidentInsurer"]!.GetValue<string>().Should().Be(Insurer);
            item["reportDueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)));
        }
        (await GetOk(cw, "/api/accidents?status=not-reportable&pageSize=500")).AsArray().Should().NotContain(x => IdOf(x!) == id);
    }

    [Fact]
    public async Task A_fatal_accident_is_due_the_day_it_is_recorded_and_a_minor_one_becomes_reportable_when_the_incapacity_is_recorded_later()
    {
        var (cw, provider, person, placement, _) = await ProviderPlacement();
        var fatal = await Ok(await Post(cw, $"/api/placements/{placement}/accidents", Accident(Today, fatal: true, description: "Sturz von der Leiter")), HttpStatusCode.Created);
        fatal["status"]!.GetValue<string>().Should().Be("open");
        fatal["reportDueOn"]!.GetValue<string>().Should().Be(D(Today));
        fatal["fatal"]!.GetValue<bool>().Should().BeTrue();

        var minor = await Ok(await Post(provider, $"/api/placements/{placement}/accidents", Accident(Today.AddDays(-2))), HttpStatusCode.Created);
        minor["status"]!.GetValue<string>().Should().Be("not-reportable");
        var id = IdOf(minor);
        var three = await Ok(await Post(provider, $"/api/accidents/{id}/incapacity", new { incapacityDays = 3 }));
        three["status"]!.GetValue<string>().Should().Be("not-reportable");
        var four = await Ok(await Post(cw, $"/api/accidents/{id}/incapacity", new { incapacityDays = 4 }));
        four["status"]!.GetValue<string>().Should().Be("open");
        four["reportDueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)));
        var stored = (await Factory.Stream(person)).Last();
        stored.Data.Should().BeOfType<AccidentIncapacityRecorded>().Which.IncapacityDays.Should().Be(4);
        EventHeaders.LegalBasisOf(stored).Should().Be("§ 193 Abs. 1 und 4 SGB VII, § 2 Abs. 1 Nr. 1 SGB VII");

        await Rejected(() => Post(cw, $"/api/accidents/{id}/incapacity", new { incapacityDays = -1 }), 400);
        await Rejected(() => Post(cw, $"/api/accidents/{id}/incapacity", new { }), 400);
        await Rejected(() => Post(cw, $"/api/accidents/{Guid.NewGuid()}/incapacity", new { incapacityDays = 5 }), 404);
    }

    [Fact]
    public async Task The_report_is_dated_from_the_accident_to_today_and_recorded_once()
    {
        var (cw, provider, person, placement, _) = await ProviderPlacement();
        var id = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/accidents", Accident(Today.AddDays(-5), incapacityDays: 10)), HttpStatusCode.Created));

        await Rejected(() => Post(provider, $"/api/accidents/{id}/report", new { reportedOn = D(Today.AddDays(1)) }), 422, "date-in-future");
        await Rejected(() => Post(provider, $"/api/accidents/{id}/report", new { reportedOn = D(Today.AddDays(-6)) }), 422, "report-before-accident");
        await Rejected(() => Post(provider, $"/api/accidents/{id}/report", new { }), 400);

        var reported = await Ok(await Post(provider, $"/api/accidents/{id}/report", new { reportedOn = D(Today.AddDays(-4)) }));
        reported["status"]!.GetValue<string>().Should().Be("reported");
        reported["reportedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-4)));
        var stored = (await Factory.Stream(person)).Last();
        stored.Data.Should().BeOfType<AccidentReported>().Which.ReportedOn.Should().Be(Today.AddDays(-4));
        EventHeaders.LegalBasisOf(stored).Should().Be("§ 193 Abs. 1 und 4 SGB VII");

        await Rejected(() => Post(cw, $"/api/accidents/{id}/report", new { reportedOn = D(Today) }), 409, "already-reported");
        // 409 before 422 (exact rules' order).
        await Rejected(() => Post(cw, $"/api/accidents/{id}/report", new { reportedOn = D(Today.AddDays(2)) }), 409, "already-reported");
        (await GetOk(cw, "/api/accidents?status=reported&pageSize=500")).AsArray().Should().Contain(x => IdOf(x!) == id);
        (await GetOk(cw, "/api/accidents?status=open&pageSize=500")).AsArray().Should().NotContain(x => IdOf(x!) == id);
    }

    [Fact]
    public async Task An_accident_lies_inside_the_placement_and_not_in_the_future()
    {
        var (cw, provider, _, placement, _) = await ProviderPlacement();
        await Rejected(() => Post(provider, $"/api/placements/{placement}/accidents", Accident(Today.AddDays(1))), 422, "date-in-future");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/accidents", Accident(Today.AddDays(-51))), 422, "outside-placement");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/accidents", Accident(Today, description: "")), 400);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/accidents", Accident(Today, incapacityDays: -3)), 400);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/accidents", new { description = "ohne Tag" }), 400);
    }

    [Fact]
    public async Task A_provider_sees_only_its_own_accidents_and_no_health_data_the_office_recorded()
    {
        var (cw, provider, _, placement, _) = await ProviderPlacement();
        var byOffice = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/accidents",
            Accident(Today.AddDays(-1), incapacityDays: 7, description: "Bandscheibenvorfall laut Arztbericht")), HttpStatusCode.Created));

        var seen = await GetOk(provider, $"/api/accidents/{byOffice}");
        seen["status"]!.GetValue<string>().Should().Be("open", "the provider must know the report is due");
        seen["description"].Should().BeNull();
        seen["incapacityDays"].Should().BeNull();
        (await GetOk(provider, "/api/accidents?pageSize=500")).ToJsonString().Should().NotContain("Bandscheibe");
        (await GetOk(cw, $"/api/accidents/{byOffice}"))["description"]!.GetValue<string>().Should().Be("Bandscheibenvorfall laut Arztbericht");
        // The provider may still report it, and sees what it recorded itself.
        await Ok(await Post(provider, $"/api/accidents/{byOffice}/report", new { reportedOn = D(Today) }));
        var own = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/accidents", Accident(Today)), HttpStatusCode.Created));
        (await GetOk(provider, $"/api/accidents/{own}"))["description"]!.GetValue<string>().Should().Be("Schnittwunde an der Hand beim Sortieren");

        var other = await Provider(NewProviderId());
        (await GetOk(other, "/api/accidents")).AsArray().Should().BeEmpty();
        await ShouldBeProblem(await other.GetAsync($"/api/accidents/{own}"), 404);
        await Rejected(() => Post(other, $"/api/accidents/{own}/report", new { reportedOn = D(Today) }), 404);
        await Rejected(() => Post(other, $"/api/accidents/{own}/incapacity", new { incapacityDays = 9 }), 404);
        await Rejected(() => Post(other, $"/api/placements/{placement}/accidents", Accident(Today)), 404);

        var melle = await Caseworker("melle");
        (await GetOk(melle, "/api/accidents?pageSize=500")).AsArray().Should().NotContain(x => IdOf(x!) == own);
        await ShouldBeProblem(await melle.GetAsync($"/api/accidents/{own}"), 404);
        await Rejected(() => Post(melle, $"/api/accidents/{own}/incapacity", new { incapacityDays = 9 }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{placement}/accidents", Accident(Today)), 404);

        foreach (var role in new[] { "payroll", "official" })
        {
            var client = await As(role, "bad-iburg", role + "-acc");
            await ShouldBeProblem(await client.GetAsync("/api/accidents"), 403);
            await Rejected(() => Post(client, $"/api/placements/{placement}/accidents", Accident(Today)), 403);
            await Rejected(() => Post(client, $"/api/accidents/{own}/report", new { reportedOn = D(Today) }), 403);
        }
        var coordinator = await As("coordinator", null, "coord-acc");
        await Rejected(() => Post(coordinator, $"/api/accidents/{own}/report", new { reportedOn = D(Today) }), 403);
        foreach (var bad in new[] { "status=due", "status=open&status=reported", "pageSize=501" })
            await ShouldBeProblem(await cw.GetAsync($"/api/accidents?{bad}"), 400);
    }
}
