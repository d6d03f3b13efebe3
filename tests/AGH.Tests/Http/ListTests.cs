using System.Net;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

/// <summary>A database of its own, so totals count only what these tests registered; one configured front-end origin.</summary>
public sealed class ListFactory : AghFactory
{
    public const string FrontEnd = "https://sozialamt.example.org";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Cors:Origins:0", FrontEnd)];
}

[CollectionDefinition(Name)]
public sealed class ListCollection : ICollectionFixture<ListFactory>
{
    public const string Name = "lists";
}

[Collection(ListCollection.Name)]
public sealed class ListTests(ListFactory factory) : HttpTest(factory)
{
    private async Task<Guid> Register(HttpClient client, string municipality, string givenName, string familyName, string? fileReference = null)
    {
        var response = await Post(client, "/api/persons", new
        {
            municipality,
            givenName,
            familyName,
            dateOfBirth = D(Today.AddYears(-30)),
            confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)),
            fileReference = fileReference ?? "AZ-" + Guid.NewGuid().ToString("N")[..8],
        });
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }

    private static async Task<(JsonArray Items, int Total, HttpResponseMessage Response)> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var items = (await Ok(response)).AsArray();
        response.Headers.TryGetValues("X-Total-Count", out var total).Should().BeTrue("every list answers with its total");
        return (items, int.Parse(total!.Single()), response);
    }

    private static IEnumerable<string> Ids(JsonArray items) => items.Select(i => i!["id"]!.GetValue<string>());

    [Fact]
    public async Task Persons_come_in_pages_of_50_by_default_with_the_total_and_the_pages_cover_everything_once()
    {
        var cw = await Caseworker("glandorf");
        var registered = new List<Guid>();
        for (var i = 0; i < 57; i++) registered.Add(await Register(cw, "glandorf", "Given", $"Family{i:D2}"));

        var first = await Page(cw, "/api/persons");
        first.Items.Count.Should().Be(50);
        first.Total.Should().Be(57);
        first.Response.Headers.GetValues("Link").Single().Should().Contain("rel=\"next\"").And.Contain("page=2");

        var second = await Page(cw, "/api/persons?page=2");
        second.Items.Count.Should().Be(7);
        second.Total.Should().Be(57);
        second.Response.Headers.GetValues("Link").Single().Should().Contain("rel=\"prev\"").And.NotContain("rel=\"next\"");
        Ids(first.Items).Intersect(Ids(second.Items)).Should().BeEmpty();
        Ids(first.Items).Concat(Ids(second.Items)).Should().BeEquivalentTo(registered.Select(id => id.ToString()));

        // Small pages in the list's order (family name), none overlapping, together the whole list.
        var seen = new List<string>();
        for (var page = 1; page <= 6; page++)
        {
            var p = await Page(cw, $"/api/persons?pageSize=10&page={page}");
            p.Total.Should().Be(57);
            p.Items.Count.Should().Be(page < 6 ? 10 : 7);
            seen.AddRange(p.Items.Select(x => x!["familyName"]!.GetValue<string>()));
        }
        seen.Should().Equal(Enumerable.Range(0, 57).Select(i => $"Family{i:D2}"));

        var all = await Page(cw, "/api/persons?pageSize=500");
        all.Items.Count.Should().Be(57);
        var beyond = await Page(cw, "/api/persons?page=9");
        beyond.Items.Should().BeEmpty();
        beyond.Total.Should().Be(57);
    }

    [Theory]
    [InlineData("/api/persons?pageSize=501", "pageSize")]
    [InlineData("/api/persons?pageSize=0", "pageSize")]
    [InlineData("/api/persons?page=0", "page")]
    [InlineData("/api/persons?page=-1", "page")]
    [InlineData("/api/persons?page=abc", "page")]
    [InlineData("/api/offers?pageSize=501", "pageSize")]
    [InlineData("/api/offers?page=0", "page")]
    [InlineData("/api/placements?pageSize=1000", "pageSize")]
    [InlineData("/api/placements?page=0", "page")]
    [InlineData("/api/payout-runs?pageSize=501", "pageSize")]
    [InlineData("/api/payout-runs?page=0", "page")]
    public async Task A_page_or_page_size_out_of_range_is_a_400_naming_the_parameter(string url, string field)
    {
        var role = url.StartsWith("/api/payout-runs") ? await As("payroll") : await As("auditor");
        var problem = await ShouldBeProblem(await role.GetAsync(url), 400);
        problem["errors"]![field].Should().NotBeNull();
    }

    [Fact]
    public async Task Offers_placements_and_payout_runs_are_paged_the_same_way()
    {
        var cw = await Caseworker("hilter");
        var offers = new List<Guid>();
        for (var i = 0; i < 3; i++) offers.Add(await NewOffer(cw, "hilter", places: 5));
        var placements = new List<Guid>();
        for (var i = 0; i < 3; i++)
            placements.Add(await NewPlacement(cw, offers[0], personId: await Register(cw, "hilter", "Given", "Placed" + i), startsOn: Today.AddDays(-50 + i)));

        var o1 = await Page(cw, "/api/offers?municipality=hilter&pageSize=2");
        var o2 = await Page(cw, "/api/offers?municipality=hilter&pageSize=2&page=2");
        (o1.Total, o2.Total, o1.Items.Count, o2.Items.Count).Should().Be((3, 3, 2, 1));
        Ids(o1.Items).Concat(Ids(o2.Items)).Should().BeEquivalentTo(offers.Select(id => id.ToString()));

        var p1 = await Page(cw, $"/api/placements?offerId={offers[0]}&pageSize=2");
        var p2 = await Page(cw, $"/api/placements?offerId={offers[0]}&pageSize=2&page=2");
        (p1.Total, p2.Total, p1.Items.Count, p2.Items.Count).Should().Be((3, 3, 2, 1));
        Ids(p1.Items).Concat(Ids(p2.Items)).Should().Equal(placements.Select(id => id.ToString()), "placements are ordered by start date");

        var runs = await Page(await As("payroll"), "/api/payout-runs");
        runs.Total.Should().Be(runs.Items.Count);
    }

    [Fact]
    public async Task Search_finds_names_whatever_the_case_and_umlaut_spelling_and_by_file_reference_within_the_municipality()
    {
        var cw = await Caseworker("bissendorf");
        var juergen = await Register(cw, "bissendorf", "Jürgen", "Müller");
        var anna = await Register(cw, "bissendorf", "Anna", "Mueller");
        var hans = await Register(cw, "bissendorf", "Hans", "MÜLLER");
        var grete = await Register(cw, "bissendorf", "Grete", "Strauß", "AZ 50.4/2024-0815");
        await Register(cw, "bissendorf", "Ömer", "Yilmaz");
        var melle = await Caseworker("melle");
        var elsewhere = await Register(melle, "melle", "Paul", "Müller");

        async Task<string[]> Find(HttpClient client, string query) =>
            Ids((await Page(client, "/api/persons?q=" + Uri.EscapeDataString(query))).Items).ToArray();
        var muellers = new[] { juergen, anna, hans }.Select(id => id.ToString()).ToArray();

        foreach (var spelling in new[] { "Müller", "mueller", "MÜLLER", "MUELLER", "müll", "Mue" })
            (await Find(cw, spelling)).Should().BeEquivalentTo(muellers, spelling);
        (await Find(cw, "strauss")).Should().Equal(grete.ToString());
        (await Find(cw, "STRAUSS")).Should().Equal(grete.ToString());
        (await Find(cw, "grete")).Should().Equal(grete.ToString());
        (await Find(cw, "juergen mueller")).Should().Equal(juergen.ToString());
        (await Find(cw, "Müller Jürgen")).Should().Equal(juergen.ToString());
        (await Find(cw, "oemer")).Should().HaveCount(1);
        (await Find(cw, "AZ 50.4/2024-0815")).Should().Equal(grete.ToString());
        (await Find(cw, "2024-0815")).Should().Equal(grete.ToString());
        (await Find(cw, "nobody")).Should().BeEmpty();
        (await Find(cw, "Müller")).Should().NotContain(elsewhere.ToString(), "another municipality's person is never found");

        var found = await Page(cw, "/api/persons?q=mueller&pageSize=2");
        (found.Total, found.Items.Count).Should().Be((3, 2));

        (await Find(await As("auditor"), "müller")).Should().BeEquivalentTo(muellers.Append(elsewhere.ToString()));
        (await Find(await As("official"), "müller")).Should().BeEquivalentTo(muellers.Append(elsewhere.ToString()));
        (await Find(await As("official", "melle"), "müller")).Should().Equal(elsewhere.ToString());
        Ids((await Page(await As("auditor"), "/api/persons?municipality=melle&q=MUELLER")).Items).Should().Equal(elsewhere.ToString());
        await ShouldBeProblem(await cw.GetAsync("/api/persons?q=" + new string('x', 101)), 400);
    }

    [Fact]
    public async Task An_exact_file_reference_or_whole_name_is_listed_before_the_word_matches_and_paged_with_them()
    {
        var cw = await Caseworker("hasbergen");
        // By name, AZ-X-17 and AZ-X-27 come first; "7" occurs in both of them too.
        var seventeen = await Register(cw, "hasbergen", "Ida", "Adler", "AZ-X-17");
        var twentySeven = await Register(cw, "hasbergen", "Jan", "Bauer", "AZ-X-27");
        var seven = await Register(cw, "hasbergen", "Kai", "Zander", "AZ-X-7");

        async Task<string[]> Find(string query, string paging = "") =>
            Ids((await Page(cw, "/api/persons?q=" + Uri.EscapeDataString(query) + paging)).Items).ToArray();
        (await Find("AZ-X-7")).Should().Equal(seven.ToString(), seventeen.ToString(), twentySeven.ToString());
        (await Find("az x 7")).Should().Equal(seven.ToString(), seventeen.ToString(), twentySeven.ToString());
        (await Find("AZ-X-27")).Should().Equal(twentySeven.ToString());
        (await Find("AZ-X")).Should().Equal(new[] { seventeen.ToString(), twentySeven.ToString(), seven.ToString() }, "no exact hit: name order");

        // Paged across the exact hit and the word matches: page 1 the exact one, then the others in name order.
        var first = await Page(cw, "/api/persons?q=AZ-X-7&pageSize=2");
        var second = await Page(cw, "/api/persons?q=AZ-X-7&pageSize=2&page=2");
        (first.Total, second.Total).Should().Be((3, 3));
        Ids(first.Items).Should().Equal(seven.ToString(), seventeen.ToString());
        Ids(second.Items).Should().Equal(twentySeven.ToString());
        Ids((await Page(cw, "/api/persons?q=AZ-X-7&pageSize=1&page=2")).Items).Should().Equal(seventeen.ToString());

        // The whole name, in either order, comes before a name that merely contains its words.
        var partial = await Register(cw, "hasbergen", "Annabell", "Albers-Berg");
        var whole = await Register(cw, "hasbergen", "Anna", "Berg");
        (await Find("Anna Berg")).Should().Equal(whole.ToString(), partial.ToString());
        (await Find("berg anna")).Should().Equal(whole.ToString(), partial.ToString());
        (await Find("anna")).Should().Equal(new[] { partial.ToString(), whole.ToString() }, "one word is no whole name");
    }

    private static HttpRequestMessage Preflight(string origin, string method = "POST", string headers = "authorization,content-type,idempotency-key,if-match")
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/placements");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    [Fact]
    public async Task A_configured_front_end_origin_may_call_the_api_from_a_browser()
    {
        using var client = Factory.CreateClient();
        var response = await client.SendAsync(Preflight(ListFactory.FrontEnd));
        ((int)response.StatusCode).Should().BeInRange(200, 204);
        response.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be(ListFactory.FrontEnd);
        response.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("POST");
        var allowed = response.Headers.GetValues("Access-Control-Allow-Headers").Single().ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "idempotency-key", "if-match" }) allowed.Should().Contain(header);

        var cw = await Caseworker();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/persons");
        get.Headers.Add("Origin", ListFactory.FrontEnd);
        get.Headers.Authorization = cw.DefaultRequestHeaders.Authorization;
        var answer = await client.SendAsync(get);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Headers.GetValues("Access-Control-Allow-Origin").Single().Should().Be(ListFactory.FrontEnd);
        var exposed = answer.Headers.GetValues("Access-Control-Expose-Headers").Single().ToLowerInvariant();
        foreach (var header in new[] { "etag", "location", "x-total-count" }) exposed.Should().Contain(header);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_headers()
    {
        using var client = Factory.CreateClient();
        var response = await client.SendAsync(Preflight("https://evil.example.com"));
        response.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-"));
    }
}

[Collection(HttpCollection.Name)]
public sealed class NoCorsTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Without_configured_origins_no_origin_gets_cors_headers()
    {
        using var client = Factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/placements");
        request.Headers.Add("Origin", "https://sozialamt.example.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        var response = await client.SendAsync(request);
        response.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-"));

        var cw = await Caseworker();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/offers");
        get.Headers.Add("Origin", "https://sozialamt.example.org");
        get.Headers.Authorization = cw.DefaultRequestHeaders.Authorization;
        var answer = await client.SendAsync(get);
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Headers.Should().NotContain(h => h.Key.StartsWith("Access-Control-"));
    }
}

/// <summary>Issue 20: the person and accident lists filter and sort in the API.</summary>
[Collection(ListCollection.Name)]
public sealed class ListFilterTests(ListFactory factory) : HttpTest(factory)
{
    private async Task<Guid> Register(HttpClient client, string municipality, string givenName, string familyName, string fileReference)
    {
        var response = await Post(client, "/api/persons", new
        {
            municipality, givenName, familyName, dateOfBirth = D(Today.AddYears(-30)),
            confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)), fileReference,
        });
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }

    private static async Task<(JsonArray Items, int Total)> Page(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var items = (await Ok(response)).AsArray();
        return (items, int.Parse(response.Headers.GetValues("X-Total-Count").Single()));
    }

    private static IEnumerable<string> Ids(JsonArray items) => items.Select(i => i!["id"]!.GetValue<string>());

    private static IEnumerable<string> Names(JsonArray items) => items.Select(i => i!["familyName"]!.GetValue<string>());

    [Fact]
    public async Task Persons_filter_by_status_and_sort_by_name_file_reference_and_birth_in_the_API()
    {
        var cw = await Caseworker("hilter");
        var tag = "Srt" + Guid.NewGuid().ToString("N")[..6];
        var b = await Register(cw, "hilter", "Bea", tag + "b", "AZ-" + tag + "-1");
        var a = await Register(cw, "hilter", "Ann", tag + "a", "AZ-" + tag + "-3");
        var c = await Register(cw, "hilter", "Cem", tag + "c", "AZ-" + tag + "-2");
        await Ok(await Post(cw, $"/api/persons/{c}/exemptions", new { reason = "illness", from = D(Today.AddDays(-1)), until = D(Today.AddDays(30)) }), HttpStatusCode.Created);

        var byName = await Page(cw, $"/api/persons?q={tag}&sort=name");
        Names(byName.Items).Should().Equal(tag + "a", tag + "b", tag + "c");
        Names((await Page(cw, $"/api/persons?q={tag}&sort=-name")).Items).Should().Equal(tag + "c", tag + "b", tag + "a");
        Names((await Page(cw, $"/api/persons?q={tag}&sort=fileReference")).Items).Should().Equal(tag + "b", tag + "c", tag + "a");
        Names((await Page(cw, $"/api/persons?q={tag}&sort=-fileReference")).Items).Should().Equal(tag + "a", tag + "c", tag + "b");

        var exempt = await Page(cw, $"/api/persons?q={tag}&status=exempt");
        Ids(exempt.Items).Should().Equal(c.ToString());
        exempt.Total.Should().Be(1);
        var available = await Page(cw, $"/api/persons?q={tag}&status=available&sort=-name");
        Ids(available.Items).Should().Equal(b.ToString(), a.ToString());
        available.Items.Should().OnlyContain(p => p!["status"]!.GetValue<string>() == "available");
        // Paged after filtering: the total is the filtered list's.
        var second = await Page(cw, $"/api/persons?q={tag}&status=available&sort=name&page=2&pageSize=1");
        Ids(second.Items).Should().Equal(b.ToString());
        second.Total.Should().Be(2);
        // Without the parameters the list answers as before.
        (await Page(cw, $"/api/persons?q={tag}")).Total.Should().Be(3);
    }

    [Theory]
    [InlineData("status=Exempt", "status")]
    [InlineData("status=tasks", "status")]
    [InlineData("status=exempt&status=placed", "status")]
    [InlineData("sort=familyName", "sort")]
    [InlineData("sort=--name", "sort")]
    [InlineData("sort=name&sort=-name", "sort")]
    public async Task An_unknown_person_status_or_order_is_a_400_naming_the_parameter(string query, string field)
    {
        var cw = await Caseworker("hilter");
        var problem = await ShouldBeProblem(await cw.GetAsync($"/api/persons?{query}"), 400);
        problem["errors"]![field].Should().NotBeNull(query);
    }

    [Theory]
    [InlineData("sort=due")]
    [InlineData("sort=-")]
    [InlineData("sort=on&sort=-on")]
    public async Task An_unknown_accident_order_is_a_400_naming_sort(string query)
    {
        var cw = await Caseworker("hilter");
        var problem = await ShouldBeProblem(await cw.GetAsync($"/api/accidents?{query}"), 400);
        problem["errors"]!["sort"].Should().NotBeNull(query);
    }
}
