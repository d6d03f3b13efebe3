using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Offers;

namespace AGH.Tests.Http;

/// <summary>Contract v3c, providers: the role, the offer's provider, and what a provider sees of offers and placements.</summary>
[Collection(HttpCollection.Name)]
public sealed class ProviderTests(AghFactory factory) : HttpTest(factory)
{
    private static string NewProviderId() => "traeger-" + Guid.NewGuid().ToString("N")[..10];

    private object OfferWith(string? providerId, string? accidentInsurer, string municipality = "bad-iburg") => new
    {
        providerType = "nonprofit", providerName = "Tafel e. V.", municipality, title = "Lebensmittelausgabe", activity = "Sortieren und Ausgeben",
        places = 5, hoursPerWeek = 20, startsOn = D(Today.AddYears(-1)), reportTo = "Tafel, Hauptstraße 3", servesPublicBenefit = true,
        providerId, accidentInsurer,
    };

    [Fact]
    public async Task A_coordinator_registers_an_offer_with_provider_and_accident_insurer_stored_on_the_registration_event()
    {
        var provider = NewProviderId();
        var coordinator = await As("coordinator", null, "coord-v3c");
        var id = IdOf(await Ok(await Post(coordinator, "/api/offers", OfferWith(provider, "Unfallkasse Niedersachsen")), HttpStatusCode.Created));

        var offer = await GetOk(coordinator, $"/api/offers/{id}");
        offer["providerId"]!.GetValue<string>().Should().Be(provider);
        offer["accidentInsurer"]!.GetValue<string>().Should().Be("Unfallkasse Niedersachsen");
        var registered = (await Factory.Stream(id)).Single().Data.Should().BeOfType<OfferRegistered>().Subject;
        registered.ProviderId.Should().Be(provider);
        registered.AccidentInsurer.Should().Be("Unfallkasse Niedersachsen");

        // Without them (and for offers recorded before v3c) both read null.
        var plain = await NewOffer(await Caseworker());
        var read = await GetOk(coordinator, $"/api/offers/{plain}");
        read["providerId"].Should().BeNull();
        read["accidentInsurer"].Should().BeNull();
        read.AsObject().ContainsKey("providerId").Should().BeTrue("the answer names every field, null included");
    }

    [Fact]
    public async Task Provider_id_and_accident_insurer_are_checked_and_only_a_coordinator_sets_the_provider()
    {
        var coordinator = await As("coordinator", null, "coord-v3c");
        foreach (var bad in new[] { "Tafel", "-tafel", "t", "tafel_os", "tafel os", new string('a', 64), "tafel\u00e4" })
            (await Rejected(() => Post(coordinator, "/api/offers", OfferWith(bad, null)), 400))["errors"]!["providerId"].Should().NotBeNull(bad);
        (await Rejected(() => Post(coordinator, "/api/offers", OfferWith(null, "")), 400))["errors"]!["accidentInsurer"].Should().NotBeNull();
        (await Rejected(() => Post(coordinator, "/api/offers", OfferWith(null, new string('U', 201))), 400))["errors"]!["accidentInsurer"].Should().NotBeNull();
        (await Ok(await Post(coordinator, "/api/offers", OfferWith(new string('a', 63), new string('U', 200))), HttpStatusCode.Created))["id"].Should().NotBeNull();

        // A caseworker may register offers of its municipality, but never names the provider (contract v3 exact rules: 403).
        var caseworker = await Caseworker();
        await Rejected(() => Post(caseworker, "/api/offers", OfferWith(NewProviderId(), null)), 403);
        (await Ok(await Post(caseworker, "/api/offers", OfferWith(null, "Unfallkasse Niedersachsen")), HttpStatusCode.Created))["id"].Should().NotBeNull();
    }

    [Fact]
    public async Task The_coordinator_changes_the_provider_as_an_event_with_its_legal_basis_and_the_new_provider_sees_the_offer()
    {
        var (first, second) = (NewProviderId(), NewProviderId());
        var offer = await NewOffer(await Caseworker());
        var coordinator = await As("coordinator", null, "coord-v3c");
        var oldProvider = await Provider(first);
        var newProvider = await Provider(second);

        (await Ok(await Post(coordinator, $"/api/offers/{offer}/provider", new { providerId = first })))["providerId"]!.GetValue<string>().Should().Be(first);
        (await oldProvider.GetAsync($"/api/offers/{offer}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var changed = await Ok(await Post(coordinator, $"/api/offers/{offer}/provider", new { providerId = second }));
        changed["providerId"]!.GetValue<string>().Should().Be(second);
        await ShouldBeProblem(await oldProvider.GetAsync($"/api/offers/{offer}"), 404);
        (await newProvider.GetAsync($"/api/offers/{offer}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var events = await Factory.Stream(offer);
        events.Select(e => e.Data).OfType<OfferProviderChanged>().Select(e => e.ProviderId).Should().Equal(first, second);
        var last = events.Last();
        EventHeaders.LegalBasisOf(last).Should().Be("§ 5 Abs. 1 AsylbLG");
        EventHeaders.ActorOf(last)!.Role.Should().Be("coordinator");

        // The same provider again stores nothing; bad input and unknown offers neither.
        var count = (await Factory.Stream(offer)).Count;
        await Ok(await Post(coordinator, $"/api/offers/{offer}/provider", new { providerId = second }));
        (await Factory.Stream(offer)).Count.Should().Be(count);
        await Rejected(() => Post(coordinator, $"/api/offers/{offer}/provider", new { providerId = "Nicht Gültig" }), 400);
        await Rejected(() => Post(coordinator, $"/api/offers/{offer}/provider", new { }), 400);
        await Rejected(() => Post(coordinator, $"/api/offers/{Guid.NewGuid()}/provider", new { providerId = first }), 404);
        var caseworker = await Caseworker();
        await Rejected(() => Post(caseworker, $"/api/offers/{offer}/provider", new { providerId = first }), 403);
        await Rejected(() => Post(newProvider, $"/api/offers/{offer}/provider", new { providerId = first }), 403);
    }

    [Fact]
    public async Task A_provider_token_without_its_organisation_is_issued_but_refused_on_every_api_call()
    {
        var client = Factory.CreateClient();
        var token = await AghFactory.Token(client, "p-without", "provider", null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        foreach (var url in new[] { "/api/offers", "/api/municipalities", $"/api/offers/{Guid.NewGuid()}", "/api/placements" })
            await ShouldBeProblem(await client.GetAsync(url), 403);

        // A malformed organisation id gets no token at all.
        var bad = await Factory.CreateClient().PostAsJsonAsync("/dev/token", new { userId = "p", role = "provider", provider = "Kein Träger" });
        await ShouldBeProblem(bad, 400);
    }

    [Fact]
    public async Task A_provider_lists_and_reads_only_its_own_offers_and_sees_of_their_placements_only_the_names_and_times()
    {
        var (mine, theirs) = (NewProviderId(), NewProviderId());
        var cw = await Caseworker();
        var own = await NewOffer(cw);
        var other = await NewOffer(cw);
        await SetProvider(own, mine);
        await SetProvider(other, theirs);
        // Another municipality's offer run by the same provider: providers are not bound to a municipality.
        var melleCw = await Caseworker("melle");
        var ownInMelle = await NewOffer(melleCw, "melle");
        await SetProvider(ownInMelle, mine);
        var provider = await Provider(mine);

        var listed = (await GetOk(provider, "/api/offers?pageSize=500")).AsArray().Select(o => IdOf(o!)).ToList();
        listed.Should().BeEquivalentTo([own, ownInMelle]);
        (await GetOk(provider, "/api/offers?municipality=melle")).AsArray().Select(o => IdOf(o!)).Should().Equal(ownInMelle);
        (await GetOk(provider, $"/api/offers/{own}"))["providerId"]!.GetValue<string>().Should().Be(mine);
        await ShouldBeProblem(await provider.GetAsync($"/api/offers/{other}"), 404);
        await ShouldBeProblem(await provider.GetAsync($"/api/offers/{Guid.NewGuid()}"), 404);

        var person = await NewPerson(cw);
        var placement = await NewIssuedPlacement(cw, own, person);
        var melle = await NewIssuedPlacement(melleCw, ownInMelle, await NewPerson(melleCw, "melle"));
        var foreign = await NewIssuedPlacement(cw, other, await NewPerson(cw));

        var seen = await GetOk(provider, $"/api/placements/{placement}");
        seen.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["id", "offerId", "person", "startsOn", "until", "schedule", "status"]);
        seen["person"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["givenName", "familyName"]);
        seen["person"]!["familyName"]!.GetValue<string>().Should().Be("Yusuf");
        seen["offerId"]!.GetValue<string>().Should().Be(own.ToString());
        seen["status"]!.GetValue<string>().Should().Be("active");
        seen["schedule"]!.AsArray().Should().NotBeEmpty();
        seen.ToJsonString().Should().NotContainAny("dateOfBirth", "fileReference", "refusals", "hours", "municipality", "personId");

        await ShouldBeProblem(await provider.GetAsync($"/api/placements/{foreign}"), 404);
        await ShouldBeProblem(await provider.GetAsync($"/api/placements/{Guid.NewGuid()}"), 404);

        var list = (await GetOk(provider, "/api/placements?pageSize=500")).AsArray();
        list.Select(p => IdOf(p!)).Should().BeEquivalentTo([placement, melle]);
        list.Should().AllSatisfy(p => p!.AsObject().ContainsKey("personId").Should().BeFalse());
        (await GetOk(provider, $"/api/placements?offerId={other}")).AsArray().Should().BeEmpty();
        (await GetOk(provider, $"/api/placements?personId={person}")).AsArray().Select(p => IdOf(p!)).Should().Equal(placement);

        // The staff view of the same placement is unchanged.
        (await GetOk(cw, $"/api/placements/{placement}"))["personId"]!.GetValue<string>().Should().Be(person.ToString());
    }

    [Fact]
    public async Task A_provider_is_refused_the_staff_routes_and_learns_nothing_of_persons()
    {
        var mine = NewProviderId();
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        await SetProvider(offer, mine);
        var person = await NewPerson(cw);
        var placement = await NewIssuedPlacement(cw, offer, person);
        var provider = await Provider(mine);

        foreach (var url in new[] { "/api/persons", $"/api/persons/{person}", $"/api/persons/{person}/history", $"/api/persons/{person}/export",
                     "/api/quota", "/api/payout-runs", "/api/sanction-proposals", $"/api/placements/{placement}/notice", "/api/expenses" })
            await ShouldBeProblem(await provider.GetAsync(url), 403);
        await Rejected(() => Post(provider, "/api/offers", OfferWith(mine, null)), 403);
        await Rejected(() => Post(provider, $"/api/offers/{offer}/places", new { places = 9 }), 403);
        await Rejected(() => Post(provider, $"/api/placements/{placement}/refusals",
            new { date = D(Today), kind = "no-show", statedReason = "nicht da" }), 403);
    }
}
