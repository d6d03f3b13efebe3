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
    public async Task A_database_from_before_the_week_documents_reads_and_rebuilds_to_the_same_placement_view()
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

        // As the database stood before: the events unchanged, the person's document with its entries, no week documents.
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
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {MartenSetup.Schema}.mt_doc_weekhours where data ->> 'personId' = @p", conn);
            delete.Parameters.AddWithValue("p", person.ToString());
            (await delete.ExecuteNonQueryAsync()).Should().Be(2, "the entries lie in two ISO weeks");
        }
        (await GetOk(auditor, $"/api/persons/{person}")).ToJsonString().Should().Be(personView, "a stored person with entries still reads");
        (await GetOk(auditor, $"/api/placements/{placement}"))["hours"]!.AsArray().Should().BeEmpty("the week documents are not there yet");

        await ProjectionRebuild.RunAll(Factory.Store, NullLogger.Instance, CancellationToken.None);

        (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString().Should().Be(placementView);
        (await GetOk(auditor, $"/api/persons/{person}")).ToJsonString().Should().Be(personView);
        // The rules read the rebuilt weeks: the corrected Wednesday holds 120 minutes.
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(2)), minutes = 375 }), 422, "daily-limit");
    }

    [Fact]
    public async Task A_database_without_any_week_documents_gets_them_built_at_start_up()
    {
        var cw = await Caseworker("hagen");
        var monday = Today.AddDays(-21 - ((int)Today.DayOfWeek + 6) % 7);
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, monday.AddDays(-7), monday, hoursPerWeek: 20);
        var url = $"/api/placements/{placement}/hours";
        await Ok(await Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 300 }), HttpStatusCode.Created);
        var auditor = await As("auditor");
        var placementView = (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString();

        // As a database written before the week documents existed: hour events, no weeks at all.
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {MartenSetup.Schema}.mt_doc_weekhours", conn);
            (await delete.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }
        (await GetOk(auditor, $"/api/placements/{placement}"))["hours"]!.AsArray().Should().BeEmpty();

        var backfill = Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<WeekHoursBackfill>().Single();
        await backfill.StartAsync(CancellationToken.None);

        (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString().Should().Be(placementView);
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(1)), minutes = 195 }), 422, "daily-limit");
    }

    internal static string QuotaWithoutTimestamp(System.Text.Json.Nodes.JsonNode quota)
    {
        quota.AsObject().Remove("asOf");
        return quota.ToJsonString();
    }
}
