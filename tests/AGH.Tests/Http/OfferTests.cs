using System.Net;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class OfferTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Registered_offer_is_readable_by_every_role_with_free_places()
    {
        var cw = await Caseworker();
        var id = await NewOffer(cw, places: 4, hoursPerWeek: 12, providerType: "nonprofit");

        foreach (var role in new[] { "caseworker", "coordinator", "official", "payroll", "auditor" })
        {
            var client = await As(role, role == "caseworker" ? "melle" : null);
            var offer = await GetOk(client, $"/api/offers/{id}");
            offer["id"]!.GetValue<string>().Should().Be(id.ToString());
            offer["providerType"]!.GetValue<string>().Should().Be("nonprofit");
            offer["places"]!.GetValue<int>().Should().Be(4);
            offer["occupied"]!.GetValue<int>().Should().Be(0);
            offer["free"]!.GetValue<int>().Should().Be(4);
            offer["hoursPerWeek"]!.GetValue<int>().Should().Be(12);
            offer["status"]!.GetValue<string>().Should().Be("open");
            offer["municipality"]!.GetValue<string>().Should().Be("bad-iburg");
            offer["startsOn"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        }
    }

    [Fact]
    public async Task Coordinator_registers_anywhere_and_lists_filter_by_municipality_and_provider_type()
    {
        var coordinator = await As("coordinator");
        var melle = await NewOffer(coordinator, municipality: "melle", providerType: "district");
        var bramsche = await NewOffer(coordinator, municipality: "bramsche", providerType: "nonprofit");

        var list = (await GetOk(coordinator, "/api/offers?municipality=melle&providerType=district")).AsArray();
        list.Select(o => o!["id"]!.GetValue<string>()).Should().Contain(melle.ToString()).And.NotContain(bramsche.ToString());
        list.Should().OnlyContain(o => o!["municipality"]!.GetValue<string>() == "melle" && o["providerType"]!.GetValue<string>() == "district");
    }

    [Theory]
    [InlineData("places", 0)]
    [InlineData("places", 101)]
    [InlineData("hoursPerWeek", 0)]
    [InlineData("hoursPerWeek", 31)]
    public async Task Out_of_range_numbers_are_400_with_the_field_named(string field, int value)
    {
        var cw = await Caseworker();
        var body = await Rejected(() => Post(cw, "/api/offers", field == "places" ? OfferBody(places: value) : OfferBody(hoursPerWeek: value)), 400);
        body["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task Offer_must_serve_the_public_benefit_and_be_well_formed()
    {
        var cw = await Caseworker();
        var body = await Rejected(() => Post(cw, "/api/offers", new
        {
            providerType = "municipality", providerName = "X", municipality = "bad-iburg", title = "T", activity = "A", places = 1,
            hoursPerWeek = 5, startsOn = "2026-01-01", reportTo = "R", servesPublicBenefit = false,
        }), 400);
        body["errors"]!["servesPublicBenefit"].Should().NotBeNull();

        await Rejected(() => Post(cw, "/api/offers", new { providerType = "charity" }), 400);
        await Rejected(() => PostRaw(cw, "/api/offers", "{\"places\": "), 400);
        var missing = await Rejected(() => PostRaw(cw, "/api/offers", "{}"), 400);
        missing["errors"]!["title"].Should().NotBeNull();
        missing["errors"]!["municipality"].Should().NotBeNull();
        await Rejected(() => Post(cw, "/api/offers", OfferBody(municipality: "osnabrueck")), 400);
    }

    [Fact]
    public async Task Only_coordinators_and_caseworkers_of_the_municipality_register_offers()
    {
        foreach (var role in new[] { "official", "payroll", "auditor" })
        {
            var client = await As(role, role == "official" ? "bad-iburg" : null);
            await Rejected(() => Post(client, "/api/offers", OfferBody()), 403);
        }
        var melle = await Caseworker("melle");
        await Rejected(() => Post(melle, "/api/offers", OfferBody(municipality: "bad-iburg")), 403);
    }

    [Fact]
    public async Task Places_change_but_never_below_the_active_placements()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 3);
        await NewPlacement(cw, offer);
        await NewPlacement(cw, offer);

        var changed = await Ok(await Post(cw, $"/api/offers/{offer}/places", new { places = 5 }));
        changed["places"]!.GetValue<int>().Should().Be(5);
        changed["free"]!.GetValue<int>().Should().Be(3);
        (await GetOk(cw, $"/api/offers/{offer}"))["places"]!.GetValue<int>().Should().Be(5);

        await Rejected(() => Post(cw, $"/api/offers/{offer}/places", new { places = 1 }), 409, "places-below-occupied");
        await Rejected(() => Post(cw, $"/api/offers/{offer}/places", new { places = 0 }), 400);
        await Rejected(() => Post(cw, $"/api/offers/{Guid.NewGuid()}/places", new { places = 2 }), 404);
        var melle = await Caseworker("melle");
        await Rejected(() => Post(melle, $"/api/offers/{offer}/places", new { places = 4 }), 403);
        var auditor = await As("auditor");
        await Rejected(() => Post(auditor, $"/api/offers/{offer}/places", new { places = 4 }), 403);
    }

    [Fact]
    public async Task Withdrawal_is_refused_while_placements_are_active_and_then_closes_the_offer()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 2);
        var placement = await NewPlacement(cw, offer);

        await Rejected(() => Post(cw, $"/api/offers/{offer}/withdrawal", new { date = D(Today), reason = "Träger hört auf" }), 409,
            "offer-has-active-placements");

        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "offer-ended" }));
        var withdrawn = await Ok(await Post(cw, $"/api/offers/{offer}/withdrawal", new { date = D(Today), reason = "Träger hört auf" }));
        withdrawn["status"]!.GetValue<string>().Should().Be("withdrawn");
        (await GetOk(cw, $"/api/offers/{offer}"))["status"]!.GetValue<string>().Should().Be("withdrawn");

        await Rejected(() => Post(cw, $"/api/offers/{offer}/withdrawal", new { date = D(Today), reason = "again" }), 409, "offer-not-open");
        await Rejected(() => Post(cw, "/api/placements", AssignBody(Guid.NewGuid(), offer)), 404);
        var person = await NewPerson(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer)), 409, "offer-not-open");
        await Rejected(() => Post(cw, $"/api/offers/{offer}/withdrawal", new { reason = "no date" }), 400);
    }

    [Fact]
    public async Task Unknown_offer_is_404()
    {
        var client = await As("coordinator");
        await ShouldBeProblem(await client.GetAsync($"/api/offers/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task Municipalities_lists_the_21_members()
    {
        var list = (await GetOk(await As("payroll"), "/api/municipalities")).AsArray();
        list.Should().HaveCount(21);
        list.Select(m => m!["id"]!.GetValue<string>()).Should().Contain(["bad-iburg", "dissen", "georgsmarienhuette", "sg-neuenkirchen"]);
        list.Single(m => m!["id"]!.GetValue<string>() == "bad-iburg")!["name"]!.GetValue<string>().Should().Be("Bad Iburg");
    }

    [Fact]
    public async Task Reading_offers_needs_a_token()
    {
        var anonymous = Factory.CreateClient();
        await ShouldBeProblem(await anonymous.GetAsync("/api/offers"), 401);
        await ShouldBeProblem(await anonymous.GetAsync("/api/municipalities"), 401);
        (await anonymous.PostAsync("/api/offers", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
