using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>Contract v3d (issue 20): an offer's hours by ISO week, read as a grid and saved in one request, entry by entry.</summary>
[Collection(HttpCollection.Name)]
public sealed class WeekGridTests(AghFactory factory) : HttpTest(factory)
{
    /// <summary>Last week: every day of it lies in the past, so hours may be logged on each.</summary>
    private DateOnly Monday => Today.AddDays(-7).AddDays(-(((int)Today.AddDays(-7).DayOfWeek + 6) % 7));

    private string Week => $"{ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue)):D2}";

    private static string NewProviderId() => "wg-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<Guid> PlacementWithSchedule(HttpClient cw, Guid offer, Guid person, DateOnly startsOn) =>
        IdOf(await Ok(await Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(startsOn.AddDays(-10)), startsOn = D(startsOn), hoursPerWeek = 15,
            schedule = AssignmentFields.Schedule(15),
        }), HttpStatusCode.Created));

    private static object Entry(Guid placement, DateOnly date, int minutes) => new { placementId = placement, date = date.ToString("yyyy-MM-dd"), minutes };

    private static JsonArray Results(JsonNode answer) => answer["results"]!.AsArray();

    private static (int Status, string? Code) Outcome(JsonNode result) =>
        (result["status"]!.GetValue<int>(), result["code"]?.GetValue<string>());

    private async Task<List<HoursLogged>> Logged(Guid person) => (await Factory.Stream(person)).Select(e => e.Data).OfType<HoursLogged>().ToList();

    [Fact]
    public async Task The_week_lists_each_placement_with_its_days_schedule_and_minutes_and_the_daily_cap()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var early = await PlacementWithSchedule(cw, offer, await NewPerson(cw), Today.AddDays(-50));
        // Starts on last week's Wednesday: Monday and Tuesday lie outside it.
        var late = await NewPlacement(cw, offer, await NewPerson(cw), notice: Monday.AddDays(-5), startsOn: Monday.AddDays(2));
        await Ok(await Post(cw, $"/api/placements/{early}/hours", new { date = D(Monday.AddDays(1)), minutes = 90 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{early}/hours", new { date = D(Monday.AddDays(1)), minutes = 30 }), HttpStatusCode.Created);
        // Another week's hours do not appear.
        await Ok(await Post(cw, $"/api/placements/{early}/hours", new { date = D(Monday.AddDays(-1)), minutes = 45 }), HttpStatusCode.Created);

        var week = await GetOk(cw, $"/api/offers/{offer}/weeks/{Week}");
        (week["offerId"]!.GetValue<string>(), week["week"]!.GetValue<string>(), week["monday"]!.GetValue<string>(), week["sunday"]!.GetValue<string>())
            .Should().Be((offer.ToString(), Week, D(Monday), D(Monday.AddDays(6))));
        week["dailyLimitMinutes"]!.GetValue<int>().Should().Be(480);
        var rows = week["placements"]!.AsArray();
        rows.Select(r => IdOf(r!, "placementId")).Should().BeEquivalentTo([early, late]);

        var first = rows.Single(r => IdOf(r!, "placementId") == early)!;
        (first["person"]!["givenName"]!.GetValue<string>(), first["person"]!["familyName"]!.GetValue<string>()).Should().Be(("Amina", "Yusuf"));
        first["person"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["givenName", "familyName"], "the grid names persons, nothing more");
        first["startsOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-50)));
        first["until"].Should().BeNull();
        first["schedule"]!.AsArray().Should().NotBeEmpty();
        var days = first["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["inPlacement"]!.GetValue<bool>(),
            d["plannedMinutes"]!.GetValue<int>(), d["minutes"]!.GetValue<int>())).ToList();
        days.Should().Equal([
            (D(Monday), true, 480, 0), (D(Monday.AddDays(1)), true, 420, 120), (D(Monday.AddDays(2)), true, 0, 0), (D(Monday.AddDays(3)), true, 0, 0),
            (D(Monday.AddDays(4)), true, 0, 0), (D(Monday.AddDays(5)), true, 0, 0), (D(Monday.AddDays(6)), true, 0, 0),
        ], "the schedule plans 8 hours on Monday and 7 on Tuesday; 90 + 30 minutes were logged on Tuesday");

        var second = rows.Single(r => IdOf(r!, "placementId") == late)!;
        second["days"]!.AsArray().Select(d => d!["inPlacement"]!.GetValue<bool>()).Should().Equal([false, false, true, true, true, true, true]);
    }

    [Fact]
    public async Task Saving_a_week_stores_each_accepted_entry_and_nothing_for_a_refused_one_with_the_hours_routes_codes()
    {
        var cw = await Caseworker();
        var (offer, otherOffer) = (await NewOffer(cw), await NewOffer(cw));
        var person = await NewPerson(cw);
        // The person worked on another offer until last Monday and moved to this one that day: the daily cap counts across both.
        var there = await NewPlacement(cw, otherOffer, person);
        await Ok(await Post(cw, $"/api/placements/{there}/hours", new { date = D(Monday), minutes = 420 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{there}/end", new { date = D(Monday), reason = "moved-away" }));
        var here = await NewPlacement(cw, offer, person, notice: Monday.AddDays(-5), startsOn: Monday);
        var colleague = await NewPerson(cw);
        var late = await NewPlacement(cw, offer, colleague, notice: Monday.AddDays(-5), startsOn: Monday.AddDays(2));
        var before = await Logged(person);

        var answer = await GetOk200(await Post(cw, $"/api/offers/{offer}/weeks/{Week}/hours", new
        {
            entries = new[]
            {
                Entry(here, Monday, 120),              // 420 on the other offer + 120 > 480
                Entry(here, Monday.AddDays(1), 60),    // stored
                Entry(late, Monday.AddDays(2), 90),    // stored
                Entry(late, Monday, 30),               // before the placement's start
                Entry(here, Monday.AddDays(7), 30),    // the next week
                Entry(there, Monday.AddDays(1), 30),   // a placement of another offer
                Entry(here, Today.AddDays(1), 30),     // outside the week (and in the future)
            },
        }));
        answer["week"]!.GetValue<string>().Should().Be(Week);
        var results = Results(answer);
        results.Select(r => Outcome(r!)).Should().Equal([
            (422, "daily-limit"), (201, null), (201, null), (422, "outside-placement"), (422, "outside-week"), (422, "not-in-offer"), (422, "outside-week"),
        ]);
        results.Select(r => (IdOf(r!, "placementId"), r!["date"]!.GetValue<string>())).Should().Equal([
            (here, D(Monday)), (here, D(Monday.AddDays(1))), (late, D(Monday.AddDays(2))), (late, D(Monday)), (here, D(Monday.AddDays(7))),
            (there, D(Monday.AddDays(1))), (here, D(Today.AddDays(1))),
        ]);
        results.Where(r => r!["status"]!.GetValue<int>() != 201).Should().OnlyContain(r => r!["entryId"] == null);
        var (stored, storedLate) = (IdOf(results[1]!, "entryId"), IdOf(results[2]!, "entryId"));

        // Only the accepted entries are events; each refused one stored nothing.
        var added = (await Logged(person)).Except(before).ToList();
        added.Select(l => (l.EntryId, l.PlacementId, l.Date, l.Minutes)).Should().Equal([(stored, here, Monday.AddDays(1), 60)]);
        added.Single().Source.Should().Be(HourSource.Office);
        (await Logged(colleague)).Select(l => (l.EntryId, l.Date, l.Minutes)).Should().Equal([(storedLate, Monday.AddDays(2), 90)]);

        // They appear in the week and in the placement.
        var week = await GetOk(cw, $"/api/offers/{offer}/weeks/{Week}");
        var minutes = week["placements"]!.AsArray().Single(r => IdOf(r!, "placementId") == here)!["days"]!.AsArray()
            .Select(d => d!["minutes"]!.GetValue<int>()).ToList();
        minutes.Should().Equal([0, 60, 0, 0, 0, 0, 0], "the Monday entry was refused; the other offer's 420 minutes are not this offer's");
        var placement = await GetOk(cw, $"/api/placements/{here}");
        placement["hours"]!.AsArray().Select(h => IdOf(h!, "entryId")).Should().Equal([stored]);
        (await GetOk(cw, $"/api/placements/{late}"))["hours"]!.AsArray().Select(h => IdOf(h!, "entryId")).Should().Equal([storedLate]);

        // Within the cap the same Monday is stored (the cap counted the other offer's 420 minutes).
        Results(await GetOk200(await Post(cw, $"/api/offers/{offer}/weeks/{Week}/hours", new { entries = new[] { Entry(here, Monday, 60) } })))
            .Select(r => Outcome(r!)).Should().Equal([(201, (string?)null)]);
    }

    [Fact]
    public async Task Malformed_weeks_and_bodies_are_400_and_store_nothing()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        foreach (var week in new[] { "2026-W54", "2026-49", "2026W49", "2026-W00", "2026-w49", "26-W49", $"{Week}x" })
        {
            await Rejected(() => cw.GetAsync($"/api/offers/{offer}/weeks/{week}"), 400, "validation");
            await Rejected(() => Post(cw, $"/api/offers/{offer}/weeks/{week}/hours", new { entries = new[] { Entry(placement, Monday, 60) } }), 400, "validation");
        }
        // 2026 has 53 ISO weeks, 2027 has 52.
        (await cw.GetAsync($"/api/offers/{offer}/weeks/2026-W53")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Rejected(() => cw.GetAsync($"/api/offers/{offer}/weeks/2027-W53"), 400, "validation");

        var mark = (await Factory.Stream(person)).Count;
        var url = $"/api/offers/{offer}/weeks/{Week}/hours";
        await Rejected(() => Post(cw, url, new { entries = new[] { Entry(placement, Monday, 60), Entry(placement, Monday.AddDays(1), 20) } }), 400, "validation");
        await Rejected(() => Post(cw, url, new { entries = new object[] { Entry(placement, Monday, 60), new { placementId = placement, minutes = 60 } } }), 400);
        await Rejected(() => Post(cw, url, new { }), 400);
        await Rejected(() => Post(cw, url, new { entries = Enumerable.Range(0, 501).Select(_ => Entry(placement, Monday, 15)).ToArray() }), 400, "validation");
        (await Factory.Stream(person)).Count.Should().Be(mark, "a body with a malformed entry stores none of its entries");
        await Rejected(() => Post(cw, $"/api/offers/{Guid.NewGuid()}/weeks/{Week}/hours", new { entries = new[] { Entry(placement, Monday, 60) } }), 404);
        await Rejected(() => cw.GetAsync($"/api/offers/{Guid.NewGuid()}/weeks/{Week}"), 404);
    }

    [Fact]
    public async Task Providers_use_their_own_offers_only_payroll_and_auditors_read_and_other_roles_are_refused()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var providerId = NewProviderId();
        await SetProvider(offer, providerId);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        var provider = await Provider(providerId);

        var answer = await GetOk200(await Post(provider, $"/api/offers/{offer}/weeks/{Week}/hours", new { entries = new[] { Entry(placement, Monday, 60) } }));
        var entry = IdOf(Results(answer).Single()!, "entryId");
        (await Logged(person)).Single(l => l.EntryId == entry).Source.Should().Be(HourSource.Provider);
        (await GetOk(provider, $"/api/offers/{offer}/weeks/{Week}"))["placements"]!.AsArray().Single()!["days"]![0]!["minutes"]!.GetValue<int>().Should().Be(60);

        foreach (var role in new[] { "payroll", "auditor" })
            (await GetOk(await As(role), $"/api/offers/{offer}/weeks/{Week}"))["placements"]!.AsArray().Should().ContainSingle();
        var mark = (await Factory.Stream(person)).Count;
        foreach (var role in new[] { "payroll", "auditor", "coordinator", "official" })
        {
            var client = await As(role, role == "official" ? "bad-iburg" : null);
            await Rejected(() => Post(client, $"/api/offers/{offer}/weeks/{Week}/hours", new { entries = new[] { Entry(placement, Monday.AddDays(1), 60) } }), 403);
            if (role is "coordinator" or "official") await Rejected(() => client.GetAsync($"/api/offers/{offer}/weeks/{Week}"), 403);
        }

        // Another provider's offer is unknown to it, for both routes; nothing is stored.
        var other = await Provider(NewProviderId());
        await Rejected(() => other.GetAsync($"/api/offers/{offer}/weeks/{Week}"), 404);
        await Rejected(() => Post(other, $"/api/offers/{offer}/weeks/{Week}/hours", new { entries = new[] { Entry(placement, Monday.AddDays(1), 60) } }), 404);
        (await Factory.Stream(person)).Count.Should().Be(mark);
    }

    [Fact]
    public async Task A_caseworker_sees_and_logs_only_its_municipalitys_persons_on_a_shared_offer()
    {
        var cw = await Caseworker();
        var melle = await Caseworker("melle");
        var offer = await NewOffer(cw);
        var own = await NewPlacement(cw, offer, await NewPerson(cw));
        var mellePerson = await NewPerson(melle, "melle");
        var theirs = await NewPlacement(melle, offer, mellePerson);

        var rows = (await GetOk(cw, $"/api/offers/{offer}/weeks/{Week}"))["placements"]!.AsArray();
        rows.Select(r => IdOf(r!, "placementId")).Should().Equal([own]);
        (await GetOk(melle, $"/api/offers/{offer}/weeks/{Week}"))["placements"]!.AsArray().Select(r => IdOf(r!, "placementId")).Should().Equal([theirs]);

        var results = Results(await GetOk200(await Post(cw, $"/api/offers/{offer}/weeks/{Week}/hours",
            new { entries = new[] { Entry(theirs, Monday, 60), Entry(own, Monday, 60) } })));
        results.Select(r => Outcome(r!)).Should().Equal([(404, "not-found"), (201, (string?)null)]);
        (await Logged(mellePerson)).Should().BeEmpty("another municipality's person gets nothing from this caseworker");
        Results(await GetOk200(await Post(melle, $"/api/offers/{offer}/weeks/{Week}/hours", new { entries = new[] { Entry(theirs, Monday, 60) } })))
            .Select(r => Outcome(r!)).Should().Equal([(201, (string?)null)]);
    }

    private static Task<JsonNode> GetOk200(HttpResponseMessage response) => Ok(response);
}
