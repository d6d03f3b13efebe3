using System.Net;

namespace AGH.Tests.Http;

/// <summary>Contract v2 "Placements and hours", through the host: hours inside the offer, ends that leave no hours behind.</summary>
[Collection(HttpCollection.Name)]
public sealed class HoursAndEndsTests(AghFactory factory) : HttpTest(factory)
{
    private async Task<Guid> Log(HttpClient cw, Guid placement, DateOnly date, int minutes) =>
        IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(date), minutes }), HttpStatusCode.Created), "entryId");

    [Fact]
    public async Task A_placement_with_hours_after_its_last_day_cannot_end_until_they_are_corrected_to_zero()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 1);
        var placement = await NewPlacement(cw, offer, notice: Today.AddDays(-30), startsOn: Today.AddDays(-20));
        await Log(cw, placement, Today.AddDays(-10), 60);
        var late = await Log(cw, placement, Today.AddDays(-2), 60);
        var later = await Log(cw, placement, Today.AddDays(-1), 30);

        var problem = await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-5)), reason = "regular-employment" }),
            422, "hours-after-end");
        problem["detail"]!.GetValue<string>().Should().Contain(D(Today.AddDays(-2))).And.Contain(D(Today.AddDays(-1))).And.NotContain(D(Today.AddDays(-10)));
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(0);

        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{late}/correction", new { minutes = 0, reason = "nach Arbeitsaufnahme" }), HttpStatusCode.Created);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-5)), reason = "regular-employment" }), 422, "hours-after-end");
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{later}/correction", new { minutes = 0, reason = "nach Arbeitsaufnahme" }), HttpStatusCode.Created);

        var ended = await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-5)), reason = "regular-employment" }));
        ended["status"]!.GetValue<string>().Should().Be("ended");
        ended["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-5)));
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task The_entitlement_cannot_end_before_logged_hours_until_they_are_corrected_to_zero()
    {
        var cw = await Caseworker();
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-30), startsOn: Today.AddDays(-20));
        var late = await Log(cw, placement, Today.AddDays(-3), 60);

        var problem = await Rejected(() => Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today.AddDays(-6)), reason = "Ausreise" }),
            422, "hours-after-end");
        problem["detail"]!.GetValue<string>().Should().Contain(D(Today.AddDays(-3)));
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("placed");

        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{late}/correction", new { minutes = 0, reason = "Ausreise" }), HttpStatusCode.Created);
        (await Ok(await Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today.AddDays(-6)), reason = "Ausreise" })))
            ["status"]!.GetValue<string>().Should().Be("not-entitled");
        var ended = await GetOk(cw, $"/api/placements/{placement}");
        ended["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-6)));
        ended["endReason"]!.GetValue<string>().Should().Be("entitlement-ended");
    }

    [Fact]
    public async Task A_placement_not_yet_begun_ends_on_any_day_from_its_notice_and_frees_its_place_at_once()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 1);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person, notice: Today.AddDays(-3), startsOn: Today.AddDays(7));
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(0);

        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-4)), reason = "regular-employment" }), 422, "end-before-start");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(1)), reason = "regular-employment" }), 422, "date-in-future");
        var ended = await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-3)), reason = "regular-employment" }));

        ended["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-3)));
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1);
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("available");
        await NewPlacement(cw, offer, notice: Today.AddDays(-1), startsOn: Today.AddDays(7));
    }

    [Fact]
    public async Task Ending_the_entitlement_ends_a_placement_not_yet_begun_on_that_day()
    {
        var cw = await Caseworker();
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-3), startsOn: Today.AddDays(7));

        await Ok(await Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today.AddDays(-1)), reason = "Wegzug" }));

        var ended = await GetOk(cw, $"/api/placements/{placement}");
        ended["status"]!.GetValue<string>().Should().Be("ended");
        ended["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
    }

    [Fact]
    public async Task A_placement_that_has_begun_still_cannot_end_before_its_start()
    {
        var cw = await Caseworker();
        var placement = await NewPlacement(cw, notice: Today.AddDays(-10), startsOn: Today.AddDays(-5));

        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today.AddDays(-7)), reason = "other" }), 422, "end-before-start");
    }
}
