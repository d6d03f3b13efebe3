using System.Net;

namespace AGH.Tests.Http;

/// <summary>
/// Issue 20, the auditor's "Stand vom": GET /api/placements?personId=&asOf= answers the person's placements as recorded
/// up to an instant, with the hours, refusals and proposals recorded by then (the person's stream replayed).
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class PlacementAsOfTests(AghFactory factory) : HttpTest(factory)
{
    private static string Q(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task The_placements_as_recorded_at_an_instant_hold_only_the_hours_refusals_and_end_recorded_by_then()
    {
        var cw = await Caseworker("bissendorf", "sb-asof");
        var person = await NewPerson(cw, "bissendorf");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var placement = await NewPlacement(cw, await NewOffer(cw, "bissendorf"), person, Today.AddDays(-20), Today.AddDays(-14));
        var first = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-13)), minutes = 120 }), HttpStatusCode.Created), "entryId");
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var stand = Factory.Time.GetUtcNow();
        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-12)), minutes = 180 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{first}/correction", new { minutes = 60, reason = "Zettel falsch gelesen" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "keine Lust" }),
            HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-1)), reason = "regular-employment" }));

        var auditor = await As("auditor", userId: "rpa-asof");
        var then = (await GetOk(auditor, $"/api/placements?personId={person}&asOf={Q(stand)}")).AsArray();
        then.Should().ContainSingle();
        then[0]!["id"]!.GetValue<string>().Should().Be(placement.ToString());
        then[0]!["status"]!.GetValue<string>().Should().Be("active");
        then[0]!["minutesLogged"]!.GetValue<int>().Should().Be(120, "the correction and the second day came later");
        then[0]!["hours"]!.AsArray().Should().ContainSingle();
        then[0]!["refusals"]!.AsArray().Should().BeEmpty();
        then[0]!["endedOn"].Should().BeNull();

        var now = (await GetOk(auditor, $"/api/placements?personId={person}&asOf={Q(Factory.Time.GetUtcNow())}")).AsArray();
        now[0]!["minutesLogged"]!.GetValue<int>().Should().Be(240);
        now[0]!["hours"]!.AsArray().Should().HaveCount(3);
        now[0]!["refusals"]!.AsArray().Should().ContainSingle();
        now[0]!["status"]!.GetValue<string>().Should().Be("ended");
        now[0]!["endReason"]!.GetValue<string>().Should().Be("regular-employment");
        (await GetOk(auditor, $"/api/placements?personId={person}&asOf={Q(stand)}&status=ended")).AsArray().Should().BeEmpty();

        // The municipality's caseworker and official read it; another municipality finds no person; a provider is refused.
        (await GetOk(cw, $"/api/placements?personId={person}&asOf={Q(stand)}")).AsArray().Should().ContainSingle();
        (await GetOk(await As("official", "bissendorf", "amt-asof"), $"/api/placements?personId={person}&asOf={Q(stand)}")).AsArray().Should().ContainSingle();
        await ShouldBeProblem(await (await Caseworker("melle", "sb-melle-asof")).GetAsync($"/api/placements?personId={person}&asOf={Q(stand)}"), 404);
        await ShouldBeProblem(await (await Provider("asof-traeger")).GetAsync($"/api/placements?personId={person}&asOf={Q(stand)}"), 403);
        // Before anything was recorded about the person: nothing to show.
        await ShouldBeProblem(await auditor.GetAsync($"/api/placements?personId={person}&asOf={Q(stand.AddDays(-2))}"), 404);
    }

    [Fact]
    public async Task Hostile_or_incomplete_as_of_reads_are_refused_and_record_nothing()
    {
        var auditor = await As("auditor", userId: "rpa-asof-2");
        var cw = await Caseworker("bissendorf", "sb-asof-2");
        var person = await NewPerson(cw, "bissendorf");
        var before = await Factory.EventCount();
        foreach (var (query, field) in new[]
                 {
                     ($"personId={person}&asOf=gestern", "asOf"), ($"personId={person}&asOf=%27%3B%20drop%20table%20x%3B--", "asOf"),
                     ($"personId={person}&asOf={new string('9', 5000)}", "asOf"), ($"asOf={Q(Factory.Time.GetUtcNow())}", "personId"),
                     ($"personId={person}&asOf={Q(Factory.Time.GetUtcNow())}&status=laufend", "status"),
                 })
        {
            var problem = await ShouldBeProblem(await auditor.GetAsync($"/api/placements?{query}"), 400);
            problem["errors"]![field].Should().NotBeNull(query);
        }
        await ShouldBeProblem(await auditor.GetAsync($"/api/placements?personId={Guid.NewGuid()}&asOf={Q(Factory.Time.GetUtcNow())}"), 404);
        (await Factory.EventCount()).Should().Be(before, "a read stores nothing");
    }
}
