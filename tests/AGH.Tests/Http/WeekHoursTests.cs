using System.Net;
using System.Text.Json;
using AGH.Api.Placements;
using AGH.Domain.Persons;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using AGH.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AGH.Tests.Http;

/// <summary>Hours kept per person and ISO week: the rules still count across placements, the views show every entry in order.</summary>
[Collection(HttpCollection.Name)]
public sealed class WeekHoursTests(AghFactory factory) : HttpTest(factory)
{
    /// <summary>A Monday at least two weeks back, so two whole ISO weeks lie in the past.</summary>
    private DateOnly Monday => Today.AddDays(-14 - ((int)Today.DayOfWeek + 6) % 7);

    [Fact]
    public async Task The_daily_cap_counts_the_hours_of_both_placements_of_a_day()
    {
        var cw = await Caseworker("glandorf");
        var person = await NewPerson(cw, "glandorf");
        var tuesday = Monday.AddDays(1);
        var first = await NewPlacement(cw, await NewOffer(cw, "glandorf"), person, Monday.AddDays(-7), Monday, hoursPerWeek: 20);
        await Ok(await Post(cw, $"/api/placements/{first}/hours", new { date = D(tuesday), minutes = 300 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{first}/end", new { date = D(tuesday), reason = "other" }));
        var second = await NewPlacement(cw, await NewOffer(cw, "glandorf"), person, Monday, tuesday, hoursPerWeek: 20);

        var problem = await Rejected(() => Post(cw, $"/api/placements/{second}/hours", new { date = D(tuesday), minutes = 195 }), 422, "daily-limit");
        problem["detail"]!.GetValue<string>().Should().Contain("300 minutes");
        await Ok(await Post(cw, $"/api/placements/{second}/hours", new { date = D(tuesday), minutes = 180 }), HttpStatusCode.Created);
        // A correction raising the first placement's entry counts the second placement's hours of the day too.
        var entry = (await GetOk(cw, $"/api/placements/{first}"))["hours"]!.AsArray().Single()!["entryId"]!.GetValue<string>();
        await Rejected(() => Post(cw, $"/api/placements/{first}/hours/{entry}/correction", new { minutes = 315, reason = "nachgetragen" }),
            422, "daily-limit");

        (await GetOk(cw, $"/api/placements/{first}"))["minutesLogged"]!.GetValue<int>().Should().Be(300);
        var view = await GetOk(cw, $"/api/placements/{second}");
        view["minutesLogged"]!.GetValue<int>().Should().Be(180);
        view["hours"]!.AsArray().Select(h => h!["minutes"]!.GetValue<int>()).Should().Equal(180);
    }

    [Fact]
    public async Task A_placement_shows_its_entries_of_every_week_in_the_order_they_were_recorded()
    {
        var cw = await Caseworker("glandorf");
        var id = await NewPlacement(cw, await NewOffer(cw, "glandorf"), await NewPerson(cw, "glandorf"), Monday.AddDays(-7), Monday, hoursPerWeek: 20);
        var url = $"/api/placements/{id}/hours";
        var later = IdOf(await Ok(await Post(cw, url, new { date = D(Monday.AddDays(8)), minutes = 120 }), HttpStatusCode.Created), "entryId");
        var earlier = IdOf(await Ok(await Post(cw, url, new { date = D(Monday.AddDays(1)), minutes = 240 }), HttpStatusCode.Created), "entryId");
        var correction = IdOf(await Ok(await Post(cw, $"{url}/{earlier}/correction", new { minutes = 180, reason = "Stundenzettel" }),
            HttpStatusCode.Created), "entryId");
        // The route may name the correction: the new entry still replaces the original.
        var second = IdOf(await Ok(await Post(cw, $"{url}/{correction}/correction", new { minutes = 60, reason = "nochmals" }),
            HttpStatusCode.Created), "entryId");
        await Rejected(() => Post(cw, $"{url}/{Guid.NewGuid()}/correction", new { minutes = 60, reason = "x" }), 404);

        var hours = (await GetOk(cw, $"/api/placements/{id}"))["hours"]!.AsArray();
        hours.Select(h => h!["entryId"]!.GetValue<string>()).Should().Equal(later.ToString(), earlier.ToString(), correction.ToString(), second.ToString());
        hours.Select(h => h!["superseded"]!.GetValue<bool>()).Should().Equal(false, true, true, false);
        hours.Select(h => h!["correctsEntryId"]?.GetValue<string>()).Should().Equal(null, null, earlier.ToString(), earlier.ToString());
        hours[3]!["date"]!.GetValue<string>().Should().Be(D(Monday.AddDays(1)));
        hours[3]!["reason"]!.GetValue<string>().Should().Be("nochmals");
        (await GetOk(cw, $"/api/placements/{id}"))["minutesLogged"]!.GetValue<int>().Should().Be(120 + 60);
        (await GetOk(cw, $"/api/placements?personId={(await GetOk(cw, $"/api/placements/{id}"))["personId"]!.GetValue<string>()}"))
            .AsArray().Single()!["hours"]!.AsArray().Should().HaveCount(4);
    }

    /// <summary>
    /// The answers write the hours from the hour rows (PlacementHours); they must be the very bytes the serializer
    /// writes for the entries folded from the person's stored events (HourLog over the whole stream), corrections,
    /// cancellations, escaped reasons and another placement of the same weeks included.
    /// </summary>
    [Fact]
    public async Task A_placement_answer_is_byte_for_byte_the_serialized_entries()
    {
        var cw = await Caseworker("glandorf");
        var personId = await NewPerson(cw, "glandorf");
        var first = await NewPlacement(cw, await NewOffer(cw, "glandorf"), personId, Monday.AddDays(-7), Monday, hoursPerWeek: 20);
        var url = $"/api/placements/{first}/hours";
        var a = IdOf(await Ok(await Post(cw, url, new { date = D(Monday.AddDays(8)), minutes = 120 }), HttpStatusCode.Created), "entryId");
        var b = IdOf(await Ok(await Post(cw, url, new { date = D(Monday), minutes = 240 }), HttpStatusCode.Created), "entryId");
        await Ok(await Post(cw, url, new { date = D(Monday.AddDays(2)), minutes = 45 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"{url}/{b}/correction", new { minutes = 180, reason = "Stundenzettel <nachgereicht> & \"geprüft\" – ü" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"{url}/{a}/correction", new { minutes = 0, reason = "doppelt" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{first}/end", new { date = D(Monday.AddDays(9)), reason = "other" }));
        var second = await NewPlacement(cw, await NewOffer(cw, "glandorf"), personId, Monday.AddDays(9), Monday.AddDays(10), hoursPerWeek: 20);
        await Ok(await Post(cw, $"/api/placements/{second}/hours", new { date = D(Monday.AddDays(10)), minutes = 60 }), HttpStatusCode.Created);

        var options = Factory.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var policy = Factory.Services.GetRequiredService<Policy>();
        await using var session = Factory.Store.QuerySession();
        var person = (await session.LoadAsync<Person>(personId))!;
        var log = HourLog.From((await session.Events.FetchStreamAsync(personId)).Select(e => e.Data));
        string Expected(Guid id) => JsonSerializer.Serialize(PlacementDto.From(person, person.Placements[id], log, Today, policy), options);

        foreach (var id in new[] { first, second })
        {
            var response = await cw.GetAsync($"/api/placements/{id}");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Be(Expected(id));
        }
        var list = await cw.GetAsync($"/api/placements?personId={personId}");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        (await list.Content.ReadAsStringAsync()).Should().Be($"[{Expected(first)},{Expected(second)}]");
        var fresh = await NewPlacement(cw, await NewOffer(cw, "glandorf"), await NewPerson(cw, "glandorf"), Monday, Monday.AddDays(1), hoursPerWeek: 20);
        var empty = await GetOk(cw, $"/api/placements/{fresh}");
        empty["hours"]!.AsArray().Should().BeEmpty();
        empty["minutesLogged"]!.GetValue<int>().Should().Be(0);
    }
}
