using System.Net;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class PersonTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Registered_person_is_available_and_visible_to_own_municipality_officials_and_auditors()
    {
        var cw = await Caseworker();
        var id = await NewPerson(cw);

        var person = await GetOk(cw, $"/api/persons/{id}");
        person["municipality"]!.GetValue<string>().Should().Be("bad-iburg");
        person["givenName"]!.GetValue<string>().Should().Be("Amina");
        person["familyName"]!.GetValue<string>().Should().Be("Yusuf");
        person["status"]!.GetValue<string>().Should().Be("available");
        person["activePlacementId"].Should().BeNull();
        person["exemptions"]!.AsArray().Should().BeEmpty();
        person["restriction"].Should().BeNull();
        person["fileReference"]!.GetValue<string>().Should().StartWith("AZ-50-");

        await GetOk(await As("official", "bad-iburg"), $"/api/persons/{id}");
        await GetOk(await As("official"), $"/api/persons/{id}");
        await GetOk(await As("auditor"), $"/api/persons/{id}");
        (await GetOk(cw, "/api/persons?municipality=bad-iburg")).AsArray()
            .Select(p => p!["id"]!.GetValue<string>()).Should().Contain(id.ToString());
    }

    [Fact]
    public async Task Another_municipality_never_learns_that_a_person_exists()
    {
        var id = await NewPerson(await Caseworker());
        var melle = await Caseworker("melle");
        await ShouldBeProblem(await melle.GetAsync($"/api/persons/{id}"), 404);
        await ShouldBeProblem(await (await As("official", "melle")).GetAsync($"/api/persons/{id}"), 404);
        (await GetOk(melle, "/api/persons")).AsArray().Select(p => p!["id"]!.GetValue<string>()).Should().NotContain(id.ToString());
        (await GetOk(melle, "/api/persons?municipality=bad-iburg")).AsArray().Should().BeEmpty();

        await Rejected(() => Post(melle, $"/api/persons/{id}/exemptions", new { reason = "illness", from = D(Today), reviewOn = D(Today.AddDays(14)) }), 404);
        await Rejected(() => Post(melle, $"/api/persons/{id}/entitlement-end", new { date = D(Today), reason = "x" }), 404);
        await Rejected(() => Post(melle, "/api/placements", AssignBody(id, Guid.NewGuid())), 404);
    }

    [Fact]
    public async Task Only_caseworkers_of_the_municipality_register_persons()
    {
        await Rejected(async () => await Post(await As("coordinator"), "/api/persons", PersonBody()), 403);
        await Rejected(async () => await Post(await As("official", "bad-iburg"), "/api/persons", PersonBody()), 403);
        await Rejected(async () => await Post(await As("auditor"), "/api/persons", PersonBody()), 403);
        await Rejected(async () => await Post(await Caseworker("melle"), "/api/persons", PersonBody("bad-iburg")), 403);
        await ShouldBeProblem(await (await As("coordinator")).GetAsync("/api/persons"), 403);
        await ShouldBeProblem(await (await As("payroll")).GetAsync($"/api/persons/{Guid.NewGuid()}"), 403);
    }

    [Fact]
    public async Task Invalid_person_data_is_refused()
    {
        var cw = await Caseworker();
        var body = await Rejected(() => PostRaw(cw, "/api/persons", "{\"municipality\":\"bad-iburg\",\"dateOfBirth\":\"31.12.1990\"}"), 400);
        body["errors"]!["dateOfBirth"].Should().NotBeNull();
        body = await Rejected(() => PostRaw(cw, "/api/persons", "{\"municipality\":\"bad-iburg\"}"), 400);
        body["errors"]!["givenName"].Should().NotBeNull();
        body["errors"]!["dateOfBirth"].Should().NotBeNull();
        await Rejected(() => Post(cw, "/api/persons", PersonBody(dateOfBirth: Today.AddDays(1))), 422, "date-in-future");
        await Rejected(() => PostRaw(cw, "/api/persons", "municipality=bad-iburg", "text/plain"), 415);
    }

    [Fact]
    public async Task Exemption_makes_the_person_exempt_and_not_assignable()
    {
        var cw = await Caseworker();
        var id = await NewPerson(cw);
        var created = await Ok(await Post(cw, $"/api/persons/{id}/exemptions",
            new { reason = "illness", from = D(Today.AddDays(-3)), until = D(Today.AddDays(14)), note = "AU-Bescheinigung liegt vor" }), HttpStatusCode.Created);
        created["exemptionId"].Should().NotBeNull();

        var person = await GetOk(cw, $"/api/persons/{id}");
        person["status"]!.GetValue<string>().Should().Be("exempt");
        var exemption = person["exemptions"]!.AsArray().Single()!;
        exemption["reason"]!.GetValue<string>().Should().Be("illness");
        exemption["until"]!.GetValue<string>().Should().Be(D(Today.AddDays(14)));

        var offer = await NewOffer(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(id, offer, Today.AddDays(-1), Today)), 422, "person-not-eligible");

        await Rejected(() => Post(cw, $"/api/persons/{id}/exemptions", new { reason = "flu", from = D(Today) }), 400);
        await Rejected(() => Post(cw, $"/api/persons/{id}/exemptions", new { reason = "care-of-relative" }), 400);
        await Rejected(() => Post(cw, $"/api/persons/{Guid.NewGuid()}/exemptions", new { reason = "other", from = D(Today) }), 404);
    }

    [Fact]
    public async Task Entitlement_end_ends_the_active_placement_and_frees_the_place_at_once()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 1);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("placed");

        var after = await Ok(await Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today), reason = "Anerkennung, Wechsel ins SGB II" }));
        after["status"]!.GetValue<string>().Should().Be("not-entitled");
        after["activePlacementId"].Should().BeNull();

        var p = await GetOk(cw, $"/api/placements/{placement}");
        p["status"]!.GetValue<string>().Should().Be("ended");
        p["endReason"]!.GetValue<string>().Should().Be("entitlement-ended");
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1);

        await Rejected(() => Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today), reason = "again" }), 409);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer)), 422, "person-not-eligible");
    }
}
