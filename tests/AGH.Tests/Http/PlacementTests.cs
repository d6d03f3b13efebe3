using System.Net;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class PlacementTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Assignment_occupies_a_place_and_places_the_person()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 2);
        var person = await NewPerson(cw);
        var id = await NewPlacement(cw, offer, person, notice: Today.AddDays(-10), startsOn: Today.AddDays(-3), hoursPerWeek: 12);

        var placement = await GetOk(cw, $"/api/placements/{id}");
        placement["personId"]!.GetValue<string>().Should().Be(person.ToString());
        placement["offerId"]!.GetValue<string>().Should().Be(offer.ToString());
        placement["municipality"]!.GetValue<string>().Should().Be("bad-iburg");
        placement["status"]!.GetValue<string>().Should().Be("active");
        placement["noticeServedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-10)));
        placement["startsOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-3)));
        placement["hoursPerWeek"]!.GetValue<int>().Should().Be(12);
        placement["minutesLogged"]!.GetValue<int>().Should().Be(0);
        placement["hours"]!.AsArray().Should().BeEmpty();

        var o = await GetOk(cw, $"/api/offers/{offer}");
        o["occupied"]!.GetValue<int>().Should().Be(1);
        o["free"]!.GetValue<int>().Should().Be(1);
        var p = await GetOk(cw, $"/api/persons/{person}");
        p["status"]!.GetValue<string>().Should().Be("placed");
        p["activePlacementId"]!.GetValue<string>().Should().Be(id.ToString());

        (await GetOk(cw, $"/api/placements?personId={person}")).AsArray().Should().ContainSingle();
        (await GetOk(cw, $"/api/placements?offerId={offer}&status=active")).AsArray().Should().ContainSingle();
        (await GetOk(cw, $"/api/placements?offerId={offer}&status=ended")).AsArray().Should().BeEmpty();
        (await GetOk(await Caseworker("melle"), $"/api/placements?offerId={offer}")).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Assignment_rules_give_their_codes_and_store_nothing()
    {
        var cw = await Caseworker();
        var full = await NewOffer(cw, places: 1, hoursPerWeek: 10);
        await NewPlacement(cw, full, hoursPerWeek: 10);
        var offer = await NewOffer(cw, places: 3, hoursPerWeek: 10);
        var person = await NewPerson(cw);

        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, full, hoursPerWeek: 10)), 409, "no-free-place");
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer, hoursPerWeek: 11)), 422, "hours-exceed-offer");
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer, Today.AddDays(-5), Today.AddDays(-6), 10)), 422, "start-before-notice");

        var minor = await NewPerson(cw, dateOfBirth: Today.AddYears(-18).AddDays(1));
        await Rejected(() => Post(cw, "/api/placements", AssignBody(minor, offer, hoursPerWeek: 5, notice: Today.AddDays(-1), startsOn: Today)), 422, "person-not-eligible");
        var retired = await NewPerson(cw, dateOfBirth: Today.AddYears(-67));
        await Rejected(() => Post(cw, "/api/placements", AssignBody(retired, offer, hoursPerWeek: 5, notice: Today.AddDays(-1), startsOn: Today)), 422, "person-not-eligible");
        var adult = await NewPerson(cw, dateOfBirth: Today.AddYears(-18));
        await Ok(await Post(cw, "/api/placements", AssignBody(adult, offer, hoursPerWeek: 5, notice: Today.AddDays(-1), startsOn: Today)), HttpStatusCode.Created);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(adult, offer, hoursPerWeek: 5)), 422, "person-not-eligible");

        await Rejected(() => Post(cw, "/api/placements", new { personId = person, offerId = offer }), 400);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer, hoursPerWeek: 31)), 422, "hours-exceed-offer");
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer, hoursPerWeek: 169)), 400);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, Guid.NewGuid())), 404);
        await Rejected(async () => await Post(await As("coordinator"), "/api/placements", AssignBody(person, offer)), 403);
        await Rejected(async () => await Post(await As("official", "bad-iburg"), "/api/placements", AssignBody(person, offer)), 403);
    }

    [Fact]
    public async Task Hours_are_logged_in_quarter_hours_inside_the_placement_and_within_the_limits()
    {
        var cw = await Caseworker();
        // A Monday at least 14 days back, so a whole ISO week lies in the past.
        var monday = Today.AddDays(-14 - ((int)Today.DayOfWeek + 6) % 7);
        var id = await NewPlacement(cw, await NewOffer(cw, hoursPerWeek: 20), notice: monday.AddDays(-7), startsOn: monday, hoursPerWeek: 10);
        var url = $"/api/placements/{id}/hours";

        var entry = await Ok(await Post(cw, url, new { date = D(monday), minutes = 240 }), HttpStatusCode.Created);
        entry["entryId"].Should().NotBeNull();
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 45 }), HttpStatusCode.Created);

        await Rejected(() => Post(cw, url, new { date = D(monday), minutes = 20 }), 400);
        await Rejected(() => Post(cw, url, new { date = D(monday), minutes = 0 }), 400);
        await Rejected(() => Post(cw, url, new { date = D(monday), minutes = -15 }), 400);
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(-1)), minutes = 60 }), 422, "outside-placement");
        await Rejected(() => Post(cw, url, new { date = D(Today.AddDays(1)), minutes = 60 }), 422, "outside-placement");
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 495 }), 422, "daily-limit");
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 1500 }), 422, "daily-limit");
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 2147483640 }), 422, "daily-limit");
        await Rejected(() => Post(cw, url, new { date = D(monday), minutes = 255 }), 422, "daily-limit");
        // 240 + 45 + 300 = 585 > 600? no: 585 is fine; a further 30 exceeds the 10 h of the placement's week.
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 300 }), HttpStatusCode.Created);
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(3)), minutes = 30 }), 422, "weekly-limit");
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(7)), minutes = 30 }), HttpStatusCode.Created);

        var placement = await GetOk(cw, $"/api/placements/{id}");
        placement["minutesLogged"]!.GetValue<int>().Should().Be(240 + 45 + 300 + 30);
        placement["hours"]!.AsArray().Should().HaveCount(4);
        await Rejected(async () => await Post(await Caseworker("melle"), url, new { date = D(monday), minutes = 15 }), 404);
        await Rejected(async () => await Post(await As("auditor"), url, new { date = D(monday), minutes = 15 }), 403);
    }

    [Fact]
    public async Task Corrections_are_new_entries_and_the_original_stays()
    {
        var cw = await Caseworker();
        var id = await NewPlacement(cw, startsOn: Today.AddDays(-20), notice: Today.AddDays(-30));
        var day = Today.AddDays(-2);
        var original = IdOf(await Ok(await Post(cw, $"/api/placements/{id}/hours", new { date = D(day), minutes = 180 }), HttpStatusCode.Created), "entryId");

        var correction = await Ok(await Post(cw, $"/api/placements/{id}/hours/{original}/correction", new { minutes = 120, reason = "Träger meldet 2 h" }), HttpStatusCode.Created);
        var corrected = IdOf(correction, "entryId");
        corrected.Should().NotBe(original);

        var placement = await GetOk(cw, $"/api/placements/{id}");
        placement["minutesLogged"]!.GetValue<int>().Should().Be(120);
        var hours = placement["hours"]!.AsArray();
        hours.Should().HaveCount(2);
        hours.Single(h => h!["entryId"]!.GetValue<string>() == original.ToString())!["minutes"]!.GetValue<int>().Should().Be(180);

        await Ok(await Post(cw, $"/api/placements/{id}/hours/{corrected}/correction", new { minutes = 0, reason = "storniert" }), HttpStatusCode.Created);
        (await GetOk(cw, $"/api/placements/{id}"))["minutesLogged"]!.GetValue<int>().Should().Be(0);

        await Rejected(() => Post(cw, $"/api/placements/{id}/hours/{original}/correction", new { minutes = 500, reason = "x" }), 400);
        await Rejected(() => Post(cw, $"/api/placements/{id}/hours/{original}/correction", new { minutes = 60 }), 400);
        await Rejected(() => Post(cw, $"/api/placements/{id}/hours/{Guid.NewGuid()}/correction", new { minutes = 60, reason = "x" }), 404);
    }

    [Fact]
    public async Task Ending_frees_the_place_at_once_and_only_once()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 1);
        var id = await NewPlacement(cw, offer, startsOn: Today.AddDays(-10), notice: Today.AddDays(-12));

        await Rejected(() => Post(cw, $"/api/placements/{id}/end", new { date = D(Today.AddDays(1)), reason = "regular-employment" }), 422);
        await Rejected(() => Post(cw, $"/api/placements/{id}/end", new { date = D(Today.AddDays(-11)), reason = "regular-employment" }), 422);
        await Rejected(() => Post(cw, $"/api/placements/{id}/end", new { date = D(Today), reason = "lottery-win" }), 400);

        var ended = await Ok(await Post(cw, $"/api/placements/{id}/end", new { date = D(Today.AddDays(-1)), reason = "regular-employment", note = "Arbeitsvertrag ab heute" }));
        ended["status"]!.GetValue<string>().Should().Be("ended");
        ended["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
        ended["endReason"]!.GetValue<string>().Should().Be("regular-employment");
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1);

        await Rejected(() => Post(cw, $"/api/placements/{id}/end", new { date = D(Today), reason = "other" }), 409, "placement-ended");
        await Rejected(() => Post(cw, $"/api/placements/{id}/hours", new { date = D(Today), minutes = 60 }), 422, "outside-placement");
        await NewPlacement(cw, offer);
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_every_placement_route()
    {
        var cw = await Caseworker();
        var id = await NewPlacement(cw);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{id}/refusals",
            new { date = D(Today), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var melle = await Caseworker("melle");

        await ShouldBeProblem(await melle.GetAsync($"/api/placements/{id}"), 404);
        await ShouldBeProblem(await (await As("official", "melle")).GetAsync($"/api/placements/{id}"), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/hours", new { date = D(Today), minutes = 15 }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/hours/{Guid.NewGuid()}/correction", new { minutes = 15, reason = "x" }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/refusals", new { date = D(Today), kind = "no-show", statedReason = "" }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "x" }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/refusals/{refusal}/hearing", new { heldOn = D(Today), statement = "x", form = "oral", heldInPerson = true }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/sanction-proposals", new { refusalId = refusal, reasoning = "x" }), 404);
        await Rejected(() => Post(melle, $"/api/placements/{id}/end", new { date = D(Today), reason = "other" }), 404);
        await GetOk(await As("auditor"), $"/api/placements/{id}");
        await GetOk(await As("official", "bad-iburg"), $"/api/placements/{id}");
    }
}
