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

[Collection(PayoutCollection.Name)]
public sealed class RebuildTests(PayoutFactory factory) : HttpTest(factory)
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

        await HourRowsRebuild.Run(Factory.Store, CancellationToken.None);

        (await Rows()).Should().Equal(written);
    }

    internal static string QuotaWithoutTimestamp(System.Text.Json.Nodes.JsonNode quota)
    {
        quota.AsObject().Remove("asOf");
        return quota.ToJsonString();
    }
}
