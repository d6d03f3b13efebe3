using System.Net;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

/// <summary>GET /api/sanction-proposals: the official's work list (proposals and objections to decide).</summary>
[Collection(HttpCollection.Name)]
public sealed class SanctionListTests(AghFactory factory) : HttpTest(factory)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<Guid> Proposed(string municipality, string? familyName = null)
    {
        var cw = await Caseworker(municipality, Unique("cw"));
        var person = familyName is null ? await NewPerson(cw, municipality) : IdOf(await Ok(await Post(cw, "/api/persons", new
        {
            municipality, givenName = "Amina", familyName, dateOfBirth = D(Today.AddYears(-30)), confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)),
        }), HttpStatusCode.Created));
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, municipality), personId: person,
            notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        return IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
    }

    private static async Task<(List<Guid> Ids, int Total, JsonArray Body)> List(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/sanction-proposals" + query);
        var body = (await Ok(response)).AsArray();
        response.Headers.TryGetValues("X-Total-Count", out var total).Should().BeTrue("every list answers with its total");
        return (body.Select(x => Guid.Parse(x!["id"]!.GetValue<string>())).ToList(), int.Parse(total!.Single()), body);
    }

    [Fact]
    public async Task The_proposal_list_shows_officials_what_is_left_to_decide_in_their_municipality_only()
    {
        var pending = await Proposed("bad-essen");
        var approved = await Proposed("bad-essen");
        var elsewhere = await Proposed("bramsche");
        var official = await As("official", "bad-essen", Unique("off"));
        await Ok(await Post(official, $"/api/sanction-proposals/{approved}/decision",
            new { approved = true, reasoning = "Voraussetzungen liegen vor", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));

        var toDecide = await List(official, "?status=pending&pageSize=500");
        toDecide.Ids.Should().Contain(pending).And.NotContain(approved).And.NotContain(elsewhere, "another municipality's proposal stays hidden");
        toDecide.Body.Select(x => x!["status"]!.GetValue<string>()).Should().OnlyContain(s => s == "pending");
        toDecide.Body.Single(x => x!["id"]!.GetValue<string>() == pending.ToString())!["personId"].Should().NotBeNull();

        (await List(official, "?status=approved&pageSize=500")).Ids.Should().Contain(approved).And.NotContain(pending);
        (await List(await As("official", null, Unique("off")), "?status=pending&pageSize=500")).Ids
            .Should().Contain([pending, elsewhere], "an official without a municipality decides for all");
        (await List(await Caseworker("bad-essen", Unique("cw")), "?status=pending&pageSize=500")).Ids.Should().Contain(pending).And.NotContain(elsewhere);
        (await List(await As("auditor", null, Unique("aud")), "?status=pending&pageSize=500")).Ids.Should().Contain([pending, elsewhere]);
        await ShouldBeProblem(await (await As("coordinator", null, "coord")).GetAsync("/api/sanction-proposals"), 403);
        await ShouldBeProblem(await (await As("payroll", null, "pay")).GetAsync("/api/sanction-proposals"), 403);
    }

    [Fact]
    public async Task The_proposal_list_finds_objections_to_decide_and_pages_with_a_total()
    {
        var objected = await Proposed("bad-essen");
        var decided = await Proposed("bad-essen");
        var approver = await As("official", "bad-essen", Unique("off"));
        foreach (var id in new[] { objected, decided })
        {
            await Ok(await Post(approver, $"/api/sanction-proposals/{id}/decision", new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
            await Ok(await Post(approver, $"/api/sanction-proposals/{id}/objection", new { receivedOn = D(Today), statement = "Ich widerspreche" }),
                HttpStatusCode.Created);
        }
        await Ok(await Post(await As("official", "bad-essen", Unique("off")), $"/api/sanction-proposals/{decided}/objection/decision",
            new { upheld = false, reasoning = "unbegründet" }));

        var official = await As("official", "bad-essen", Unique("off"));
        var pendingObjections = await List(official, "?objection=pending&pageSize=500");
        pendingObjections.Ids.Should().Contain(objected).And.NotContain(decided);
        pendingObjections.Body.Select(x => x!["objection"]!["status"]!.GetValue<string>()).Should().OnlyContain(s => s == "pending");
        (await List(official, "?status=approved&objection=dismissed&pageSize=500")).Ids.Should().Contain(decided).And.NotContain(objected);

        var all = await List(official, "?pageSize=500");
        all.Total.Should().Be(all.Ids.Count).And.BeGreaterThanOrEqualTo(2);
        var paged = new List<Guid>();
        for (var page = 1; page <= all.Total; page++)
        {
            var one = await List(official, $"?page={page}&pageSize=1");
            one.Total.Should().Be(all.Total);
            paged.AddRange(one.Ids);
        }
        paged.Should().Equal(all.Ids, "pages follow one stable order");
        (await List(official, $"?page={all.Total + 1}&pageSize=1")).Ids.Should().BeEmpty();
    }

    /// <summary>
    /// More proposals than a page, in two municipalities: each caller's total counts only what they may see, and the
    /// pages, read one after the other, give the whole list in the order of the persons' names.
    /// </summary>
    [Fact]
    public async Task Pages_and_totals_count_only_the_callers_municipality_and_keep_the_name_order()
    {
        var tag = Unique("Liste");
        // Names alternate between the municipalities, so the order interleaves them.
        var artland = new List<Guid>();
        var fuerstenau = new List<Guid>();
        var inNameOrder = new List<Guid>();
        foreach (var (letter, i) in "ABCDE".Select((c, i) => (c, i)))
        {
            var municipality = i % 2 == 0 ? "sg-artland" : "sg-fuerstenau";
            var id = await Proposed(municipality, $"{letter}-{tag}");
            (i % 2 == 0 ? artland : fuerstenau).Add(id);
            inNameOrder.Add(id);
        }

        async Task<List<Guid>> AllPages(HttpClient client, string filter, int expectedTotal)
        {
            var ids = new List<Guid>();
            for (var page = 1; page <= (expectedTotal + 1) / 2; page++)
            {
                var one = await List(client, $"?{filter}page={page}&pageSize=2");
                one.Total.Should().Be(expectedTotal);
                one.Ids.Should().HaveCount(Math.Min(2, expectedTotal - ids.Count));
                ids.AddRange(one.Ids);
            }
            var beyond = await List(client, $"?{filter}page={(expectedTotal + 1) / 2 + 1}&pageSize=2");
            (beyond.Ids.Count, beyond.Total).Should().Be((0, expectedTotal));
            return ids;
        }

        var artlandOfficial = await As("official", "sg-artland", Unique("off"));
        (await AllPages(artlandOfficial, "", 3)).Should().Equal(artland);
        (await AllPages(await Caseworker("sg-fuerstenau", Unique("cw")), "status=pending&", 2)).Should().Equal(fuerstenau);

        await Ok(await Post(artlandOfficial, $"/api/sanction-proposals/{artland[1]}/decision",
            new { approved = false, reasoning = "Anhörung ergab wichtigen Grund" }));
        (await AllPages(artlandOfficial, "status=pending&", 2)).Should().Equal(artland[0], artland[2]);
        (await AllPages(artlandOfficial, "status=rejected&", 1)).Should().Equal(artland[1]);

        // Officials without a municipality and auditors see all: ours among the others, in name order, over every page.
        foreach (var reader in new[] { await As("official", null, Unique("off")), await As("auditor", null, Unique("aud")) })
        {
            var whole = await List(reader, "?pageSize=500");
            whole.Total.Should().Be(whole.Ids.Count).And.BeGreaterThanOrEqualTo(5);
            (await AllPages(reader, "", whole.Total)).Should().Equal(whole.Ids);
            whole.Ids.Where(inNameOrder.Contains).Should().Equal(inNameOrder);
        }
    }

    [Theory]
    [InlineData("?status=proposed", "status")]
    [InlineData("?status=PENDING", "status")]
    [InlineData("?objection=open", "objection")]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=501", "pageSize")]
    public async Task A_bad_filter_or_page_is_a_400_naming_the_parameter(string query, string field)
    {
        var body = await ShouldBeProblem(await (await As("official", "bad-essen", "off-x")).GetAsync("/api/sanction-proposals" + query), 400);
        body["errors"]![field].Should().NotBeNull();
    }
}
