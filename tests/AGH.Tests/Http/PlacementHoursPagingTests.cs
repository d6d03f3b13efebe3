using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Placements;
using Marten.Services;
using Npgsql;

namespace AGH.Tests.Http;

/// <summary>
/// A long placement's answer stays small (issue 16): GET /api/placements/{id} carries the newest 100 hour entries,
/// hoursTotal counts all and minutesLogged sums all; GET /api/placements/{id}/hours pages through every entry.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class PlacementHoursPagingTests(AghFactory factory) : HttpTest(factory)
{
    /// <summary>
    /// Earlier entries stored as the API stores them (HoursLogged with a caseworker's headers; the inline projection
    /// writes their rows), in one unit of work: two quarter hours a day, walking back from 5 days ago.
    /// </summary>
    private async Task<List<Guid>> Seed(Guid person, Guid placement, int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await using var session = Factory.Store.LightweightSession();
        AGH.Api.Infrastructure.CommandActor.Set(session, new AGH.Domain.Common.Actor("cw-seed", "Sachbearbeitung", "caseworker", "bad-iburg"));
        // Oldest first, so the recorded order is the date order. With the expected version, each event's version (the
        // row's key) is known when the inline projection writes the rows.
        var version = (await session.Events.FetchStreamStateAsync(person))!.Version;
        session.Events.Append(person, version + count, ids.Select((id, i) => (object)new HoursLogged(placement, person, id, Today.AddDays(-(5 + (count - 1 - i) / 2)), 15)).ToArray());
        await session.SaveChangesAsync();
        return ids;
    }

    private async Task<(HttpClient Cw, Guid Person, Guid Placement)> LongPlacement()
    {
        var cw = await Caseworker();
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, await NewOffer(cw), person, notice: Today.AddDays(-210), startsOn: Today.AddDays(-200));
        return (cw, person, placement);
    }

    private static List<JsonNode> Entries(JsonNode answer) => answer["hours"]!.AsArray().Select(e => e!).ToList();

    private static string? Link(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links) ? links.Single() : null;

    [Fact]
    public async Task A_placement_with_more_than_100_entries_answers_the_newest_100_counts_all_and_pages_through_each_once()
    {
        var (cw, person, placement) = await LongPlacement();
        var seeded = await Seed(person, placement, 240);
        // Through the API: a correction of an early entry (to 45 minutes) and a new entry (60 minutes).
        var corrected = seeded[3];
        var correction = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours/{corrected}/correction", new { minutes = 45, reason = "Nachtrag" }),
            HttpStatusCode.Created), "entryId");
        var logged = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-1)), minutes = 60 }),
            HttpStatusCode.Created), "entryId");
        const int total = 242, minutes = 240 * 15 - 15 + 45 + 60;

        var response = await cw.GetAsync($"/api/placements/{placement}");
        var answer = await Ok(response);
        var newest = Entries(answer);
        newest.Should().HaveCount(100);
        answer["hoursTotal"]!.GetValue<int>().Should().Be(total);
        answer["minutesLogged"]!.GetValue<int>().Should().Be(minutes, "all entries count, not only the 100 shown");
        newest[^1]["entryId"]!.GetValue<string>().Should().Be(logged.ToString(), "recorded order, the newest last");
        newest[^2]["entryId"]!.GetValue<string>().Should().Be(correction.ToString());
        Link(response).Should().Be($"</api/placements/{placement}/hours?limit=1000>; rel=\"hours\"");

        // Every entry by pages of 70: 70 + 70 + 70 + 32.
        var walked = new List<JsonNode>();
        var url = $"/api/placements/{placement}/hours?limit=70";
        var pages = 0;
        while (url is not null)
        {
            var page = await cw.GetAsync(url);
            var body = await Ok(page);
            body["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
            body["hoursTotal"]!.GetValue<int>().Should().Be(total);
            Entries(body).Count.Should().BeLessThanOrEqualTo(70);
            walked.AddRange(Entries(body));
            pages++;
            url = Link(page)?.Split(';')[0].Trim('<', '>', ' ');
            if (url is not null) url.Should().Be($"/api/placements/{placement}/hours?limit=70&after={walked[^1]["entryId"]!.GetValue<string>()}");
        }
        pages.Should().Be(4, "the last, short page names no next one");
        var ids = walked.Select(e => Guid.Parse(e["entryId"]!.GetValue<string>())).ToList();
        ids.Should().Equal(seeded.Append(correction).Append(logged), "each entry once, in recorded order");
        walked.Single(e => e["entryId"]!.GetValue<string>() == corrected.ToString())["superseded"]!.GetValue<bool>()
            .Should().BeTrue("its correction is on a later page");
        walked.Count(e => e["superseded"]!.GetValue<bool>()).Should().Be(1);
        walked.Where(e => !e["superseded"]!.GetValue<bool>()).Sum(e => e["minutes"]!.GetValue<int>()).Should().Be(minutes);
        walked.TakeLast(100).Select(e => e.ToJsonString()).Should().Equal(newest.Select(e => e.ToJsonString()),
            "the placement's newest entries read as their pages do");

        var first = await cw.GetAsync($"/api/placements/{placement}/hours");
        Entries(await Ok(first)).Select(e => e.ToJsonString()).Should().Equal(walked.Take(100).Select(e => e.ToJsonString()), "100 unless limit is given");
        var rest = await Ok(await cw.GetAsync($"/api/placements/{placement}/hours?after={seeded[^1]}&limit=1000"));
        Entries(rest).Select(e => e["entryId"]!.GetValue<string>()).Should().Equal(correction.ToString(), logged.ToString());
        var beyond = await cw.GetAsync($"/api/placements/{placement}/hours?after={logged}");
        Entries(await Ok(beyond)).Should().BeEmpty();
        Link(beyond).Should().BeNull();
        Entries(await GetOk(await As("auditor"), $"/api/placements/{placement}/hours?limit=5")).Should().HaveCount(5);
    }

    /// <summary>The staff app's week grid asks for its seven days only: from and to filter by date, paging and superseded as without.</summary>
    [Fact]
    public async Task From_and_to_give_only_the_entries_of_those_days_with_corrections_recorded_later()
    {
        var (cw, person, placement) = await LongPlacement();
        var seeded = await Seed(person, placement, 240);
        // The 5th entry is dated 122 days ago (two a day, the newest 5 days ago); its correction is recorded last, with that date.
        var day = Today.AddDays(-(5 + (240 - 1 - 4) / 2));
        var correction = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours/{seeded[4]}/correction", new { minutes = 0, reason = "Irrtum" }),
            HttpStatusCode.Created), "entryId");
        var from = day.AddDays(-1);
        var to = day.AddDays(1);
        var all = new List<JsonNode>();
        for (var url = $"/api/placements/{placement}/hours?limit=1000"; url is not null;)
        {
            var page = await cw.GetAsync(url);
            all.AddRange(Entries(await Ok(page)));
            url = Link(page)?.Split(';')[0].Trim('<', '>', ' ');
        }
        var expected = all.Where(e => DateOnly.Parse(e["date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) is var d && d >= from && d <= to)
            .Select(e => e.ToJsonString()).ToList();
        expected.Should().HaveCount(7, "two entries on each of three days and the correction");

        var response = await cw.GetAsync($"/api/placements/{placement}/hours?from={D(from)}&to={D(to)}");
        var answer = await Ok(response);
        answer["hoursTotal"]!.GetValue<int>().Should().Be(241, "all entries are counted");
        Entries(answer).Select(e => e.ToJsonString()).Should().Equal(expected);
        Entries(answer).Single(e => e["entryId"]!.GetValue<string>() == seeded[4].ToString())["superseded"]!.GetValue<bool>().Should().BeTrue();
        Entries(answer)[^1]["entryId"]!.GetValue<string>().Should().Be(correction.ToString());
        Link(response).Should().BeNull();

        // Paged with the same filters: the next page's link keeps them.
        var first = await cw.GetAsync($"/api/placements/{placement}/hours?from={D(from)}&to={D(to)}&limit=4");
        var firstPage = Entries(await Ok(first));
        Link(first).Should().Be($"</api/placements/{placement}/hours?limit=4&after={firstPage[^1]["entryId"]!.GetValue<string>()}&from={D(from)}&to={D(to)}>; rel=\"next\"");
        var second = Entries(await Ok(await cw.GetAsync(Link(first)!.Split(';')[0].Trim('<', '>'))));
        firstPage.Concat(second).Select(e => e.ToJsonString()).Should().Equal(expected);
        // Only one bound: from on, or up to.
        Entries(await GetOk(cw, $"/api/placements/{placement}/hours?from={D(Today.AddDays(-5))}")).Should().HaveCount(2);
        Entries(await GetOk(cw, $"/api/placements/{placement}/hours?to={D(Today.AddDays(-124))}")).Should().HaveCount(2);
        Entries(await GetOk(cw, $"/api/placements/{placement}/hours?from={D(Today)}&to={D(Today)}")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_bad_limit_or_after_is_400_naming_it_and_nothing_else()
    {
        var (cw, person, placement) = await LongPlacement();
        await Seed(person, placement, 3);
        var (_, otherPerson, other) = await LongPlacement();
        var othersEntry = (await Seed(otherPerson, other, 1))[0];
        var before = await Factory.EventCount();
        foreach (var (query, field) in new[]
                 {
                     ("limit=0", "limit"), ("limit=1001", "limit"), ("limit=drei", "limit"), ("limit=-1", "limit"), ("limit=1.5", "limit"),
                     ("after=x", "after"), ("after=42", "after"), ($"after={Guid.NewGuid()}", "after"),
                     ($"limit=2&after={othersEntry}", "after"),
                     ("from=2026-02-30", "from"), ("from=31.12.2026", "from"), ("from=2026-1-5", "from"), ("to=x", "to"),
                     ($"from={D(Today)}&to={D(Today.AddDays(-1))}", "to"),
                 })
        {
            var response = await cw.GetAsync($"/api/placements/{placement}/hours?{query}");
            var problem = await ShouldBeProblem(response, 400);
            problem["errors"]!.AsObject().Select(e => e.Key).Should().Equal([field], query);
            Link(response).Should().BeNull(query);
            response.Headers.ETag.Should().BeNull(query);
        }
        (await Factory.EventCount()).Should().Be(before, "a rejected read stores nothing");
        // A provider's view of a placement carries no hours (contract v3c).
        await ShouldBeProblem(await (await Provider("traeger-paging")).GetAsync($"/api/placements/{placement}/hours"), 403);
    }

    [Fact]
    public async Task Up_to_100_entries_the_placement_answers_exactly_as_before_with_all_of_them()
    {
        var (cw, person, placement) = await LongPlacement();
        var seeded = await Seed(person, placement, 99);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{seeded[10]}/correction", new { minutes = 0, reason = "Irrtum" }), HttpStatusCode.Created);

        var response = await cw.GetAsync($"/api/placements/{placement}");
        var answer = await Ok(response);
        Entries(answer).Should().HaveCount(100);
        answer["hoursTotal"]!.GetValue<int>().Should().Be(100);
        answer["minutesLogged"]!.GetValue<int>().Should().Be(98 * 15);
        Link(response).Should().BeNull("no entry was left out");
        // The list still reads every entry the way the placement's answer did before it was limited.
        var listed = (await GetOk(cw, $"/api/placements?personId={person}")).AsArray().Single()!;
        answer.ToJsonString().Should().Be(listed.ToJsonString());
    }

    [Fact]
    public async Task The_newest_entries_are_planned_for_their_placement_on_every_read_and_the_pooled_connection_keeps_its_settings()
    {
        var (_, person, placementId) = await LongPlacement();
        await Seed(person, placementId, 240);
        // One connection as the service opens them (auto-prepare on): the read becomes a prepared statement after its
        // fifth use, PostgreSQL weighs a generic plan after five more, and what the read leaves on the connection shows
        // in the next statement.
        await using var connection = new NpgsqlConnection(AGH.Api.Infrastructure.DatabaseConnection.WithOutageLimits(Factory.ConnectionString));
        await connection.OpenAsync();
        // The read joins a transaction here only to run on this connection; in the service it is its batch's own.
        await using (var transaction = await connection.BeginTransactionAsync())
        await using (var session = Factory.Store.QuerySession(SessionOptions.ForTransaction(transaction)))
        {
            var placement = (await session.LoadAsync<AGH.Domain.Persons.Person>(person))!.Placements[placementId];
            for (var i = 0; i < 20; i++)
            {
                using var hours = await AGH.Api.Placements.PlacementHours.Newest(session, placement, CancellationToken.None);
                hours.Count.Should().Be(100);
                hours.Total.Should().Be(240);
                hours.MinutesLogged.Should().Be(240 * 15);
            }
            await transaction.CommitAsync();
        }

        await using (var setting = new NpgsqlCommand("select current_setting('plan_cache_mode')", connection))
            (await setting.ExecuteScalarAsync()).Should().Be("auto", "the read's setting ends with its transaction");
        await using var plans = new NpgsqlCommand(
            "select generic_plans, custom_plans from pg_prepared_statements where statement like '%order by version desc limit 100'", connection);
        await using var reader = await plans.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue("the read is prepared after its fifth use");
        reader.GetInt64(0).Should().Be(0, "a generic plan is made for the average placement and reads all of a large one");
        reader.GetInt64(1).Should().BeGreaterThan(0);
    }
}
