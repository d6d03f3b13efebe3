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
/// On a host of its own, as <see cref="ViewRebuildTests"/>: a rebuild run inside the test process shares Marten's shard
/// state with the host's running daemon, which on the shared host raced it for a progression row once in CI.
/// </summary>
public sealed class LegacyHourRebuildTests(PayoutFactory factory) : HttpTest(factory), IClassFixture<PayoutFactory>
{
    [Fact]
    public async Task A_database_from_before_the_hour_rows_reads_and_rebuilds_to_the_same_placement_view()
    {
        var cw = await Caseworker("hagen");
        var monday = Today.AddDays(-21 - ((int)Today.DayOfWeek + 6) % 7);
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, monday.AddDays(-7), monday, hoursPerWeek: 20);
        var url = $"/api/placements/{placement}/hours";
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(9)), minutes = 90 }), HttpStatusCode.Created);
        var entry = IdOf(await Ok(await Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 240 }), HttpStatusCode.Created), "entryId");
        await Ok(await Post(cw, $"{url}/{entry}/correction", new { minutes = 120, reason = "Tippfehler" }), HttpStatusCode.Created);
        var auditor = await As("auditor");
        var placementView = (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString();
        var personView = (await GetOk(auditor, $"/api/persons/{person}")).ToJsonString();
        var hours = (await GetOk(auditor, $"/api/placements/{placement}"))["hours"]!.AsArray();
        hours.Should().HaveCount(3);

        // As the database stood before: the events unchanged, the person's document with its entries, no hour rows.
        var legacyEntries = new System.Text.Json.Nodes.JsonArray(hours.Select(h => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
        {
            ["entryId"] = h!["entryId"]!.GetValue<string>(), ["date"] = h["date"]!.GetValue<string>(), ["minutes"] = h["minutes"]!.GetValue<int>(),
            ["correctsEntryId"] = h["correctsEntryId"]?.GetValue<string>(), ["reason"] = h["reason"]?.GetValue<string>(),
        }).ToArray());
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var update = new Npgsql.NpgsqlCommand(
                $"update {MartenSetup.Schema}.mt_doc_person set data = jsonb_set(data, '{{placements}}', (select jsonb_object_agg(k, v || jsonb_build_object('entries', @entries::jsonb)) "
                + "from jsonb_each(data -> 'placements') as t(k, v))) where id = @id", conn);
            update.Parameters.AddWithValue("entries", legacyEntries.ToJsonString());
            update.Parameters.AddWithValue("id", person);
            (await update.ExecuteNonQueryAsync()).Should().Be(1);
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {HourRows.Qualified(MartenSetup.Schema)} where person_id = @p", conn);
            delete.Parameters.AddWithValue("p", person);
            (await delete.ExecuteNonQueryAsync()).Should().Be(3, "one row per hour event: two entries and a correction");
        }
        (await GetOk(auditor, $"/api/persons/{person}")).ToJsonString().Should().Be(personView, "a stored person with entries still reads");
        (await GetOk(auditor, $"/api/placements/{placement}"))["hours"]!.AsArray().Should().BeEmpty("the hour rows are not there yet");

        // The host's daemon must be idle: a rebuild in this process shares its shard state with it.
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await ProjectionRebuild.RunAll(Factory.Store, NullLogger.Instance, CancellationToken.None);

        (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString().Should().Be(placementView);
        (await GetOk(auditor, $"/api/persons/{person}")).ToJsonString().Should().Be(personView);
        // The rules read the rebuilt rows: the corrected Wednesday holds 120 minutes.
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 375 }), 422, "daily-limit");
    }
}
