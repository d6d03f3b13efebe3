using System.Net;
using AGH.Api.Infrastructure;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// A database of its own: a rebuild replaces every view of it, and these tests log hours in the months whose payout
/// runs the payout tests count line by line.
/// </summary>
public sealed class RebuildFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class RebuildCollection : ICollectionFixture<RebuildFactory>
{
    public const string Name = "rebuilds";
}

[Collection(RebuildCollection.Name)]
public sealed class RebuildTests(RebuildFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_database_without_any_hour_rows_gets_them_built_at_start_up()
    {
        var cw = await Caseworker("hagen");
        var monday = Today.AddDays(-21 - ((int)Today.DayOfWeek + 6) % 7);
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, monday.AddDays(-7), monday, hoursPerWeek: 20);
        var url = $"/api/placements/{placement}/hours";
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 300 }), HttpStatusCode.Created);
        var auditor = await As("auditor");
        var placementView = (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString();

        // As a database written before the hour rows existed: hour events, no rows at all.
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {HourRows.Qualified(MartenSetup.Schema)}", conn);
            (await delete.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }
        (await GetOk(auditor, $"/api/placements/{placement}"))["hours"]!.AsArray().Should().BeEmpty();

        var backfill = Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<HourRowsBackfill>().Single();
        await backfill.StartAsync(CancellationToken.None);

        (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString().Should().Be(placementView);
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 195 }), 422, "daily-limit");
    }

    /// <summary>
    /// The rebuild maps the stored events' JSON to rows in SQL (HourRowsRebuild), the append path writes them from the
    /// events in C# (HourRowsProjection): both must give the very same rows, corrections, a cancelling 0, a correction
    /// of a correction, two placements in one week and a reason with quotes, markup and umlauts included.
    /// </summary>
    [Fact]
    public async Task The_rebuilt_hour_rows_equal_the_rows_written_with_the_events()
    {
        var cw = await Caseworker("hagen");
        var monday = Today.AddDays(-21 - ((int)Today.DayOfWeek + 6) % 7);
        var person = await NewPerson(cw, "hagen");
        var first = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, monday.AddDays(-7), monday, hoursPerWeek: 20);
        var url = $"/api/placements/{first}/hours";
        var a = IdOf(await Ok(await Post(cw, url, new { date = D(monday), minutes = 240 }), HttpStatusCode.Created), "entryId");
        var b = IdOf(await Ok(await Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 120 }), HttpStatusCode.Created), "entryId");
        var c = IdOf(await Ok(await Post(cw, $"{url}/{a}/correction", new { minutes = 180, reason = "Stundenzettel <nachgereicht> & \"geprüft\" – ü 'x' \\ 🙂" }),
            HttpStatusCode.Created), "entryId");
        await Ok(await Post(cw, $"{url}/{c}/correction", new { minutes = 150, reason = "nochmals" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"{url}/{b}/correction", new { minutes = 0, reason = "doppelt" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{first}/end", new { date = D(monday.AddDays(2)), reason = "other" }));
        var second = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, monday.AddDays(2), monday.AddDays(3), hoursPerWeek: 20);
        await Ok(await Post(cw, $"/api/placements/{second}/hours", new { date = D(monday.AddDays(3)), minutes = 60 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{second}/hours", new { date = D(monday.AddDays(8)), minutes = 30 }), HttpStatusCode.Created);

        async Task<List<string>> Rows()
        {
            await using var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
            await conn.OpenAsync();
            await using var select = new Npgsql.NpgsqlCommand(
                $"select h::text from {HourRows.Qualified(MartenSetup.Schema)} h where person_id = @p order by version", conn);
            select.Parameters.AddWithValue("p", person);
            var rows = new List<string>();
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            return rows;
        }
        var written = await Rows();
        written.Should().HaveCount(7, "one row per hour event");
        written.Should().Contain(r => r.Contains("🙂") && r.Contains("geprüft"));

        var views = new[] { await GetOk(cw, $"/api/placements/{first}"), await GetOk(cw, $"/api/placements/{second}") }.Select(v => v.ToJsonString()).ToList();

        await HourRowsRebuild.Run(Factory.Store, CancellationToken.None);

        (await Rows()).Should().Equal(written);
        // The placements' totals (hoursTotal, minutesLogged) are rebuilt with the rows.
        new[] { await GetOk(cw, $"/api/placements/{first}"), await GetOk(cw, $"/api/placements/{second}") }.Select(v => v.ToJsonString())
            .Should().Equal(views);
    }

    /// <summary>
    /// A placement's hoursTotal and minutesLogged are kept per placement with its rows (issue 16: the answer sums no rows):
    /// they stay right through logging, a correction, a correction of a correction and a cancelling 0, and the rebuild,
    /// and the start-up backfill of a database written before the totals, give the same totals.
    /// </summary>
    [Fact]
    public async Task A_placements_totals_stay_right_through_corrections_and_cancellations_and_are_rebuilt_alike()
    {
        var cw = await Caseworker("hagen");
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, Today.AddDays(-210), Today.AddDays(-200));
        var url = $"/api/placements/{placement}/hours";
        // 150 earlier entries as the API stores them (the inline projection writes rows and totals), one unit of work.
        var seeded = Enumerable.Range(0, 150).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var session = Factory.Store.LightweightSession())
        {
            AGH.Api.Infrastructure.CommandActor.Set(session, new AGH.Domain.Common.Actor("cw-seed", "Sachbearbeitung", "caseworker", "hagen"));
            var version = (await session.Events.FetchStreamStateAsync(person))!.Version;
            session.Events.Append(person, version + seeded.Count, seeded.Select((id, i) =>
                (object)new AGH.Domain.Placements.HoursLogged(placement, person, id, Today.AddDays(-(5 + (seeded.Count - 1 - i) / 2)), 15)).ToArray());
            await session.SaveChangesAsync();
        }
        async Task Totals(int entries, int minutes, string because)
        {
            var answer = await GetOk(cw, $"/api/placements/{placement}");
            answer["hoursTotal"]!.GetValue<int>().Should().Be(entries, because);
            answer["minutesLogged"]!.GetValue<int>().Should().Be(minutes, because);
            (await GetOk(cw, $"{url}?limit=1"))["hoursTotal"]!.GetValue<int>().Should().Be(entries, because);
        }
        await Totals(150, 150 * 15, "the seeded entries");
        var logged = IdOf(await Ok(await Post(cw, url, new { date = D(Today.AddDays(-1)), minutes = 60 }), HttpStatusCode.Created), "entryId");
        await Totals(151, 150 * 15 + 60, "a logged entry");
        var correction = IdOf(await Ok(await Post(cw, $"{url}/{seeded[3]}/correction", new { minutes = 45, reason = "Nachtrag" }), HttpStatusCode.Created), "entryId");
        await Totals(152, 150 * 15 + 60 - 15 + 45, "a correction supersedes its original");
        await Ok(await Post(cw, $"{url}/{correction}/correction", new { minutes = 30, reason = "nochmals" }), HttpStatusCode.Created);
        await Totals(153, 150 * 15 + 60 - 15 + 30, "a correction of the correction supersedes the first correction");
        await Ok(await Post(cw, $"{url}/{logged}/correction", new { minutes = 0, reason = "doppelt" }), HttpStatusCode.Created);
        const int entries = 154, minutes = 150 * 15 - 15 + 30;
        await Totals(entries, minutes, "a cancelling 0 takes the entry's minutes away");
        var view = (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString();

        async Task<List<string>> Rows()
        {
            await using var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString);
            await conn.OpenAsync();
            await using var select = new Npgsql.NpgsqlCommand($"select t::text from {HourRows.QualifiedTotals(MartenSetup.Schema)} t where person_id = @p", conn);
            select.Parameters.AddWithValue("p", person);
            var rows = new List<string>();
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            return rows;
        }
        var written = await Rows();
        written.Should().Equal($"({placement},{person},{entries},{minutes})");

        await HourRowsRebuild.Run(Factory.Store, CancellationToken.None);
        (await Rows()).Should().Equal(written, "the rebuild sums the rows as the appends added them up");
        (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString().Should().Be(view);

        // A database whose rows were written before the totals existed: the start-up backfill sums them.
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {HourRows.QualifiedTotals(MartenSetup.Schema)}", conn);
            (await delete.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }
        await Totals(0, 0, "no totals, no entries counted");
        await Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<HourRowsBackfill>().Single().StartAsync(CancellationToken.None);
        (await Rows()).Should().Equal(written);
        (await GetOk(cw, $"/api/placements/{placement}")).ToJsonString().Should().Be(view);
    }

    internal static string QuotaWithoutTimestamp(System.Text.Json.Nodes.JsonNode quota)
    {
        quota.AsObject().Remove("asOf");
        return quota.ToJsonString();
    }
}
