using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;

namespace AGH.Tests.Http;

/// <summary>
/// Contract v3d "Statuses that tell the truth" and the refusal and hearing rules: eligibleToday/ineligibleReason from the
/// assignment rule, placements upcoming before their start, offers ended after endsOn (no assignment, no quota),
/// hours-on-refusal-day, a required hearing statement and no hearing on the refusal day unless oral and in person.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class TruthfulStatusTests(AghFactory factory) : HttpTest(factory)
{
    private static JsonNode Row(JsonNode list, Guid id) => list.AsArray().Single(p => p!["id"]!.GetValue<string>() == id.ToString())!;

    [Fact]
    public async Task A_person_reads_eligible_today_or_why_not_in_the_person_and_the_list_as_the_assignment_rule_decides()
    {
        var cw = await Caseworker("bohmte", "cw-truth-eligible");
        var adult = await NewPerson(cw, "bohmte");
        var minor = await NewPerson(cw, "bohmte", Today.AddYears(-16));
        var retired = await NewPerson(cw, "bohmte", Today.AddYears(-70));
        var exempt = await NewPerson(cw, "bohmte");
        await Ok(await Post(cw, $"/api/persons/{exempt}/exemptions", new { reason = "illness", from = D(Today.AddDays(-3)), until = D(Today.AddDays(30)) }), HttpStatusCode.Created);
        var ended = await NewPerson(cw, "bohmte");
        await Ok(await Post(cw, $"/api/persons/{ended}/entitlement-end", new { date = D(Today.AddDays(-1)), reason = "Ausreise" }));
        var excluded = await NewPerson(cw, "bohmte");
        await Ok(await Post(cw, $"/api/persons/{excluded}/legal-status", new { status = "excluded", since = D(Today.AddDays(-2)), note = "Überstellung" }), HttpStatusCode.Created);

        async Task Reads(Guid id, bool eligible, string? reason)
        {
            var person = await GetOk(cw, $"/api/persons/{id}");
            person["eligibleToday"]!.GetValue<bool>().Should().Be(eligible);
            person["ineligibleReason"]?.GetValue<string>().Should().Be(reason);
            if (reason is null) person["ineligibleReason"].Should().BeNull();
        }
        await Reads(adult, true, null);
        await Reads(minor, false, "under-age");
        await Reads(retired, false, "retirement-age");
        await Reads(exempt, false, "exempt");
        await Reads(ended, false, "not-entitled");
        await Reads(excluded, false, "excluded");

        var list = await GetOk(cw, "/api/persons?municipality=bohmte&pageSize=500");
        Row(list, minor)["ineligibleReason"]!.GetValue<string>().Should().Be("under-age");
        Row(list, minor)["eligibleToday"]!.GetValue<bool>().Should().BeFalse();
        Row(list, adult)["eligibleToday"]!.GetValue<bool>().Should().BeTrue();
        Row(list, adult)["openTasks"]!.GetValue<int>().Should().Be(0);

        // The same rule refuses the assignment.
        await ShouldBeProblem(await Post(cw, "/api/placements", AssignBody(minor, await NewOffer(cw, "bohmte"), Today.AddDays(-1), Today)), 422, "person-not-eligible");

        // The duplicate record reads duplicate.
        var twice = await NewPerson(cw, "bohmte");
        await Ok(await Post(cw, $"/api/persons/{twice}/duplicate-of", new { personId = adult, reason = "doppelt erfasst" }));
        await Reads(twice, false, "duplicate");
    }

    [Fact]
    public async Task The_person_list_counts_each_rows_open_tasks()
    {
        var cw = await Caseworker("bohmte", "cw-truth-tasks");
        var person = await NewPerson(cw, "bohmte");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bohmte"), person, notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today.AddDays(-3)), kind = "explicit", statedReason = "will nicht" }),
            HttpStatusCode.Created);
        var expected = (await GetOk(cw, $"/api/persons/{person}"))["openTasks"]!.GetValue<int>();
        expected.Should().BeGreaterThan(0, "the refusal waits for its assessment");
        Row(await GetOk(cw, "/api/persons?municipality=bohmte&pageSize=500"), person)["openTasks"]!.GetValue<int>().Should().Be(expected);
    }

    [Fact]
    public async Task A_placement_not_yet_begun_reads_upcoming_then_active_and_the_list_filters_by_it()
    {
        var cw = await Caseworker("bohmte", "cw-truth-upcoming");
        var offer = await NewOffer(cw, "bohmte");
        var upcoming = await NewPlacement(cw, offer, await NewPerson(cw, "bohmte"), notice: Today.AddDays(-1), startsOn: Today.AddDays(5));
        var running = await NewPlacement(cw, offer, await NewPerson(cw, "bohmte"), notice: Today.AddDays(-10), startsOn: Today.AddDays(-3));
        (await GetOk(cw, $"/api/placements/{upcoming}"))["status"]!.GetValue<string>().Should().Be("upcoming");
        (await GetOk(cw, $"/api/placements/{running}"))["status"]!.GetValue<string>().Should().Be("active");

        var ids = (JsonNode list) => list.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        ids(await GetOk(cw, $"/api/placements?offerId={offer}&status=upcoming")).Should().Equal(upcoming.ToString());
        ids(await GetOk(cw, $"/api/placements?offerId={offer}&status=active")).Should().Equal(running.ToString());
        await ShouldBeProblem(await cw.GetAsync($"/api/placements?offerId={offer}&status=läuft"), 400);
    }

    [Fact]
    public async Task An_offer_past_its_end_reads_ended_takes_no_assignment_and_counts_nowhere_in_the_quota()
    {
        var cw = await Caseworker("bohmte", "cw-truth-ended");
        var coordinator = await As("coordinator", null, "coord-truth-ended");
        async Task<JsonNode> Bohmte() => (await GetOk(coordinator, "/api/quota"))["municipalities"]!.AsArray().Single(m => m!["municipality"]!.GetValue<string>() == "bohmte")!;
        var before = await Bohmte();

        var ended = await NewOffer(cw, "bohmte", places: 37, startsOn: Today.AddYears(-1), endsOn: Today.AddDays(-1));
        var open = await NewOffer(cw, "bohmte", places: 11, startsOn: Today.AddYears(-1), endsOn: Today);
        (await GetOk(cw, $"/api/offers/{ended}"))["status"]!.GetValue<string>().Should().Be("ended");
        (await GetOk(cw, $"/api/offers/{open}"))["status"]!.GetValue<string>().Should().Be("open", "its last day is today");
        (await GetOk(cw, "/api/offers?municipality=bohmte&pageSize=500")).AsArray()
            .Single(o => o!["id"]!.GetValue<string>() == ended.ToString())!["status"]!.GetValue<string>().Should().Be("ended");

        // A start inside the offer's period, the notice served before: only the offer's end refuses it.
        await ShouldBeProblem(await Post(cw, "/api/placements", AssignBody(await NewPerson(cw, "bohmte"), ended, Today.AddDays(-20), Today.AddDays(-10))),
            409, "offer-not-open");

        // The quota is an async projection in this process: wait for the daemon to catch up, then read once.
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var after = await Bohmte();
        after["places"]!.GetValue<int>().Should().Be(before["places"]!.GetValue<int>() + 11, "the ended offer's 37 places count nowhere");
        after["offers"]!.GetValue<int>().Should().Be(before["offers"]!.GetValue<int>() + 1);
    }

    [Fact]
    public async Task A_no_show_on_a_day_with_hours_is_refused_until_the_hours_are_corrected()
    {
        var cw = await Caseworker("bohmte", "cw-truth-noshow");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bohmte"), await NewPerson(cw, "bohmte"), notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        var day = Today.AddDays(-7);
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 300 }), HttpStatusCode.Created), "entryId");

        foreach (var kind in new[] { "no-show", "dropped-out" })
            await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(day), kind, statedReason = "verschlafen" }),
                422, "hours-on-refusal-day");
        (await GetOk(cw, $"/api/placements/{placement}"))["refusals"]!.AsArray().Should().BeEmpty("a rejected request stores nothing");
        // An explicit refusal may follow hours worked (the person refused the rest), and another day is no conflict.
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(day.AddDays(-1)), kind = "no-show", statedReason = "x" }), HttpStatusCode.Created);

        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 0, reason = "nicht erschienen" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(day), kind = "no-show", statedReason = "verschlafen" }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_hearing_needs_a_statement_and_on_the_refusal_day_only_an_oral_one_in_person()
    {
        var cw = await Caseworker("bohmte", "cw-truth-hearing");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bohmte"), await NewPerson(cw, "bohmte"), notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        var refusalDay = Today.AddDays(-2);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(refusalDay), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var url = $"/api/placements/{placement}/refusals/{refusal}/hearing";

        var missing = await ShouldBeProblem(await Post(cw, url, new { heldOn = D(Today) }), 400);
        missing["errors"]!["statement"].Should().NotBeNull();
        (await ShouldBeProblem(await Post(cw, url, new { heldOn = D(Today), statement = "  " }), 400))["errors"]!["statement"].Should().NotBeNull();
        (await ShouldBeProblem(await Post(cw, url, new { heldOn = D(Today), statement = "x", form = "written", heldInPerson = true }), 400))
            ["errors"]!["heldInPerson"].Should().NotBeNull();

        await ShouldBeProblem(await Post(cw, url, new { heldOn = D(refusalDay), statement = "keine Äußerung" }), 422, "hearing-on-refusal-day");
        await ShouldBeProblem(await Post(cw, url, new { heldOn = D(refusalDay), statement = "keine Äußerung", form = "oral" }), 422, "hearing-on-refusal-day");
        await ShouldBeProblem(await Post(cw, url, new { heldOn = D(refusalDay), statement = "keine Äußerung", form = "written" }), 422, "hearing-on-refusal-day");
        (await GetOk(cw, $"/api/placements/{placement}"))["refusals"]![0]!["hearing"].Should().BeNull();

        var heard = await Ok(await Post(cw, url, new { heldOn = D(refusalDay), statement = "Er sagt, er wolle nicht.", form = "oral", heldInPerson = true }));
        var hearing = heard["refusals"]![0]!["hearing"]!;
        hearing["statement"]!.GetValue<string>().Should().Be("Er sagt, er wolle nicht.");
        hearing["form"]!.GetValue<string>().Should().Be("oral");
        hearing["heldInPerson"]!.GetValue<bool>().Should().BeTrue();
    }
}
