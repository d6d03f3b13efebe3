using System.Net;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class HistoryTests(AghFactory factory) : HttpTest(factory)
{
    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task The_history_lines_name_staff_by_the_name_their_token_carried_never_by_login_id()
    {
        // Names unlike the login ids, so a login id in a line cannot hide inside the name.
        var cw = await Caseworker("bissendorf", "sb-hist-names-1", name: "Petra Lange");
        var official = await As("official", "bissendorf", "amt-hist-names-1", name: "Olga Brandt");
        var person = await NewPerson(cw, "bissendorf");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bissendorf"), person, Today.AddDays(-20), Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "keine Lust" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }), HttpStatusCode.Created));
        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = false, reasoning = "Härte" }));

        var entries = (await GetOk(await As("auditor", userId: "rpa-hist-names-1", name: "Rita Prüferin"), $"/api/persons/{person}/history"))["entries"]!.AsArray();
        var summaries = entries.Select(e => e!["summary"]!.GetValue<string>()).ToList();
        summaries.Should().Contain(t => t.Contains("vorgeschlagen von Petra Lange"));
        summaries.Should().Contain(t => t.Contains("abgelehnt von Olga Brandt"));
        // Every actor of this case whose name is not their login id: the id appears in no line.
        var ids = entries.Select(e => e!["actor"]).OfType<System.Text.Json.Nodes.JsonNode>()
            .Where(a => !a["name"]!.GetValue<string>().Contains(a["userId"]!.GetValue<string>()))
            .Select(a => a["userId"]!.GetValue<string>()).Distinct().ToList();
        ids.Should().Contain(["sb-hist-names-1", "amt-hist-names-1"]);
        foreach (var id in ids) summaries.Should().NotContain(t => t.Contains(id), $"{id} is a login id; lines name the person");
    }

    [Fact]
    public async Task An_auditor_replays_a_persons_whole_case_in_order_and_as_it_was()
    {
        var cw = await Caseworker("bissendorf", "sb-bissendorf");
        var official = await As("official", "bissendorf", "amt-bissendorf");
        var person = await NewPerson(cw, "bissendorf");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var placement = await NewPlacement(cw, await NewOffer(cw, "bissendorf"), person, Today.AddDays(-20), Today.AddDays(-14));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-13)), minutes = 120 }), HttpStatusCode.Created);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "keine Lust" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }), HttpStatusCode.Created));
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var beforeDecision = Factory.Time.GetUtcNow();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        // Contract v3a: the decision issues its notice; the restriction takes effect once it is notified.
        await NotifyDecision(person, await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })));
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "regular-employment" }));

        var auditor = await As("auditor", userId: "rpa-1");
        var history = await GetOk(auditor, $"/api/persons/{person}/history");
        history["personId"]!.GetValue<string>().Should().Be(person.ToString());
        var entries = history["entries"]!.AsArray();
        entries.Select(e => e!["type"]!.GetValue<string>()).Should().Equal("PersonRegistered", "PersonAssigned", "NoticeIssued", "NoticeDispatched", "HoursLogged",
            "RefusalRecorded", "RefusalAssessed", "HearingHeld", "SanctionProposed", "NoticeIssued", "SanctionDecided", "NoticeDispatched", "PlacementEnded");
        entries.Select(e => e!["sequence"]!.GetValue<long>()).Should().BeInAscendingOrder();
        entries.Select(e => e!["version"]!.GetValue<long>()).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        entries.Should().OnlyContain(e => e!["streamId"]!.GetValue<string>() == person.ToString());
        entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e!["legalBasis"]!.GetValue<string>()));
        entries.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e!["summary"]!.GetValue<string>()));
        var decided = entries.Single(e => e!["type"]!.GetValue<string>() == "SanctionDecided")!;
        decided["actor"]!["userId"]!.GetValue<string>().Should().Be("amt-bissendorf");
        decided["actor"]!["role"]!.GetValue<string>().Should().Be("official");
        decided["actor"]!["municipality"]!.GetValue<string>().Should().Be("bissendorf");
        decided["legalBasis"]!.GetValue<string>().Should().Contain("§ 1a");
        decided["summary"]!.GetValue<string>().Should().Contain("Anspruchseinschränkung");
        decided["data"]!["approved"]!.GetValue<bool>().Should().BeTrue();
        var assigned = entries.Single(e => e!["type"]!.GetValue<string>() == "PersonAssigned")!;
        assigned["occurredOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-20)));
        assigned["actor"]!["userId"]!.GetValue<string>().Should().Be("sb-bissendorf");
        assigned["legalBasis"]!.GetValue<string>().Should().Contain("§ 5 Abs. 4 AsylbLG");
        DateTimeOffset.Parse(decided["recordedAt"]!.GetValue<string>()).Should().BeAfter(beforeDecision);

        var past = await GetOk(auditor, $"/api/persons/{person}/history?asOf={Q(beforeDecision)}");
        past["entries"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().NotContain("SanctionDecided").And.NotContain("PlacementEnded")
            .And.Contain("SanctionProposed");
        (await GetOk(auditor, $"/api/persons/{person}?asOf={Q(beforeDecision)}"))["restriction"].Should().BeNull();
        (await GetOk(auditor, $"/api/persons/{person}?asOf={Q(beforeDecision)}"))["status"]!.GetValue<string>().Should().Be("placed");
        (await GetOk(auditor, $"/api/persons/{person}"))["restriction"].Should().NotBeNull();
        await ShouldBeProblem(await auditor.GetAsync($"/api/persons/{person}?asOf={Q(beforeDecision.AddDays(-3))}"), 404);
        await ShouldBeProblem(await auditor.GetAsync($"/api/persons/{person}?asOf=yesterday"), 400);

        await GetOk(cw, $"/api/persons/{person}/history");
        var log = (await GetOk(auditor, $"/api/persons/{person}/access-log")).AsArray();
        log.Should().HaveCount(3);
        log.Select(l => l!["actor"]!["userId"]!.GetValue<string>()).Should().Equal("rpa-1", "rpa-1", "sb-bissendorf");
        log[1]!["asOf"].Should().NotBeNull();
        log[0]!["readAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task History_is_for_auditors_and_the_persons_own_caseworkers_only()
    {
        var cw = await Caseworker("belm");
        var person = await NewPerson(cw, "belm");
        var before = await Factory.EventCount();

        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/persons/{person}/history"), 404);
        await ShouldBeProblem(await (await As("official", "belm")).GetAsync($"/api/persons/{person}/history"), 403);
        await ShouldBeProblem(await (await As("coordinator")).GetAsync($"/api/persons/{person}/history"), 403);
        await ShouldBeProblem(await cw.GetAsync($"/api/persons/{person}/access-log"), 403);
        await ShouldBeProblem(await (await As("auditor")).GetAsync($"/api/persons/{Guid.NewGuid()}/history"), 404);
        await ShouldBeProblem(await Factory.CreateClient().GetAsync($"/api/persons/{person}/history"), 401);
        (await Factory.EventCount()).Should().Be(before, "refused reads are not logged as reads");
        (await GetOk(await As("auditor"), $"/api/persons/{person}/access-log")).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task The_history_pages_by_sequence_with_limit_and_after_and_names_the_next_page()
    {
        var cw = await Caseworker("bissendorf", "sb-bissendorf");
        var person = await NewPerson(cw, "bissendorf");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bissendorf"), person, Today.AddDays(-20), Today.AddDays(-14));
        // Assigned with noticeServedOn: two entries for its external notice, so three hour entries make the 7.
        for (var day = 13; day >= 11; day--)
            await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-day)), minutes = 60 }), HttpStatusCode.Created);
        var auditor = await As("auditor", userId: "rpa-2");
        var whole = (await GetOk(auditor, $"/api/persons/{person}/history"))["entries"]!.AsArray();
        whole.Should().HaveCount(7);
        var sequences = whole.Select(e => e!["sequence"]!.GetValue<long>()).ToList();

        var read = new List<long>();
        var url = $"/api/persons/{person}/history?limit=3";
        var pages = 0;
        while (url is not null)
        {
            var response = await auditor.GetAsync(url);
            var page = (await Ok(response))["entries"]!.AsArray();
            page.Count.Should().BeLessThanOrEqualTo(3);
            read.AddRange(page.Select(e => e!["sequence"]!.GetValue<long>()));
            pages++;
            url = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(';')[0].Trim('<', '>', ' ') : null;
            if (url is not null) url.Should().Contain("limit=3").And.Contain($"after={read[^1]}");
        }
        read.Should().Equal(sequences, "the pages together are the whole history, each entry once");
        pages.Should().Be(3, "3 + 3 + 1 entries; the last, short page names no next one");

        var firstTwo = (await GetOk(auditor, $"/api/persons/{person}/history?limit=2"))["entries"]!.AsArray();
        firstTwo.Select(e => e!.ToJsonString()).Should().Equal(whole.Take(2).Select(e => e!.ToJsonString()));
        var rest = (await GetOk(auditor, $"/api/persons/{person}/history?after={sequences[4]}"))["entries"]!.AsArray();
        rest.Select(e => e!["sequence"]!.GetValue<long>()).Should().Equal(sequences.Skip(5));
        var beyond = await auditor.GetAsync($"/api/persons/{person}/history?limit=5&after={sequences[^1]}");
        (await Ok(beyond))["entries"]!.AsArray().Should().BeEmpty();
        beyond.Headers.Contains("Link").Should().BeFalse();

        var before = await Factory.EventCount();
        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=1001", "limit"), ("limit=drei", "limit"), ("limit=-1", "limit"),
                     ("after=-1", "after"), ("after=x", "after"), ("limit=2&after=1.5", "after") })
        {
            var problem = await ShouldBeProblem(await auditor.GetAsync($"/api/persons/{person}/history?{query}"), 400);
            problem["errors"]![field].Should().NotBeNull(query);
        }
        (await Factory.EventCount()).Should().Be(before, "a rejected read is not recorded");
    }
}
