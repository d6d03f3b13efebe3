using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashSafetyCollection
{
    public const string Name = "crash-safety";
}

/// <summary>
/// Kills the service with SIGKILL while clients write, restarts it on the same database, and checks that every answered
/// command survived and that no view was left half-written.
/// </summary>
[Collection(CrashSafetyCollection.Name)]
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Workers = 6;
    private const int Places = 100;
    private const int HourEntriesPerPlacement = 3;
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(2);
    private const int KillAfterSuccesses = 400;
    private const string Municipality = "bad-iburg";

    private sealed record PersonWritten(Guid Id, string GivenName, string FileReference);
    private sealed record PlacementWritten(Guid Id, Guid PersonId);
    private sealed record HoursWritten(Guid PlacementId, Guid EntryId, DateOnly Date, int Minutes);

    [SkippableFact]
    public async Task Every_answered_command_survives_a_SIGKILL_and_no_view_is_half_written()
    {
        await using var database = await TestDatabase.Create();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        string D(DateOnly d) => d.ToString("yyyy-MM-dd");

        Guid offerId;
        var persons = new ConcurrentBag<PersonWritten>();
        var placements = new ConcurrentBag<PlacementWritten>();
        var hours = new ConcurrentBag<HoursWritten>();
        var successes = 0;
        var unknown = 0;
        var killing = 0;
        var unansweredBeforeKill = new ConcurrentQueue<string>();
        var refused = new ConcurrentDictionary<string, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();

        await using (var first = ApiProcess.Start(database.ConnectionString))
        {
            await first.WaitReady(TimeSpan.FromSeconds(60));
            output.WriteLine($"first process {first.Pid} ready after {watch.ElapsedMilliseconds} ms");
            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            var caseworker = await Token(http, "caseworker-crash", "caseworker", Municipality);
            var coordinator = await Token(http, "coordinator-crash", "coordinator", null);

            offerId = IdOf(await Created(await Send(http, coordinator, "/api/offers", new
            {
                providerType = "municipality", providerName = "Gemeinde Bauhof", municipality = Municipality, title = "Grünflächenpflege",
                activity = "Pflege öffentlicher Grünflächen", places = Places, hoursPerWeek = 20, startsOn = D(today.AddYears(-1)),
                reportTo = "Bauhof, Am Markt 1", servesPublicBenefit = true,
            }, CancellationToken.None)));

            using var killed = new CancellationTokenSource();

            // One client's commands; a 2xx is recorded with its id, anything else (a refusal, or no answer because the
            // process died) is not: only answered commands are promised to be durable.
            async Task<JsonNode?> Command(string url, object body)
            {
                try
                {
                    using var response = await Send(http, caseworker, url, body, killed.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        var code = (int)response.StatusCode;
                        refused.AddOrUpdate($"{url.Split('/')[2]} {code}", 1, (_, n) => n + 1);
                        // An answer comes from a live process: a SIGKILL leaves none, so a 5xx is a fault of the service under load.
                        if (code >= 500) serverErrors.Enqueue($"{url}: {code} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                        return null;
                    }
                    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(killed.Token))!;
                    Interlocked.Increment(ref successes);
                    return json;
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                {
                    // No answer: the process is gone (or going); the command may or may not have been stored.
                    Interlocked.Increment(ref unknown);
                    if (Volatile.Read(ref killing) == 0) unansweredBeforeKill.Enqueue($"{url}: {e.GetType().Name} {e.Message}");
                    return null;
                }
            }

            async Task Worker(int worker)
            {
                for (var i = 0; Volatile.Read(ref killing) == 0; i++)
                {
                    var givenName = $"W{worker}-{i}";
                    var fileReference = $"AZ-CR-{worker}-{i}";
                    var person = await Command("/api/persons", new
                    {
                        municipality = Municipality, givenName, familyName = "Crash", dateOfBirth = D(today.AddYears(-30)),
                        confirmedNotDuplicate = true, entitledSince = D(today.AddYears(-2)), fileReference,
                    });
                    if (person is null) continue;
                    var personId = IdOf(person);
                    persons.Add(new PersonWritten(personId, givenName, fileReference));

                    var placement = await Command("/api/placements", new
                    {
                        personId, offerId, noticeServedOn = D(today.AddDays(-60)), startsOn = D(today.AddDays(-50)), hoursPerWeek = 15,
                    });
                    if (placement is null) continue;
                    var placementId = IdOf(placement);
                    placements.Add(new PlacementWritten(placementId, personId));

                    for (var day = 1; day <= HourEntriesPerPlacement; day++)
                    {
                        var date = today.AddDays(-day);
                        var entry = await Command($"/api/placements/{placementId}/hours", new { date = D(date), minutes = 60 });
                        if (entry is not null) hours.Add(new HoursWritten(placementId, IdOf(entry, "entryId"), date, 60));
                    }
                }
            }

            var load = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => Worker(w))).ToArray();
            using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20)))
            {
                // After ~2 s, or enough answers; on a slow machine not before a few placements and hour entries were answered.
                bool enough() => placements.Count >= 5 && hours.Count >= 5;
                while ((load.Elapsed < KillAfter || (!enough() && load.Elapsed < TimeSpan.FromSeconds(15)))
                       && Volatile.Read(ref successes) < KillAfterSuccesses && placements.Count < Places - 10
                       && !workers.All(w => w.IsCompleted))
                    await timer.WaitForNextTickAsync();
            }

            var stillRunning = !first.HasExited;
            var unansweredWhileUp = unansweredBeforeKill.ToArray();
            Volatile.Write(ref killing, 1);
            await first.Kill();
            var answeredBeforeKill = Volatile.Read(ref successes);
            killed.Cancel();
            await Task.WhenAll(workers);
            output.WriteLine($"killed pid {first.Pid} after {load.ElapsedMilliseconds} ms of load: {answeredBeforeKill} commands answered 2xx " +
                $"({persons.Count} persons, {placements.Count} placements, {hours.Count} hour entries), {unknown} without an answer, " +
                $"refused: {string.Join(", ", refused.Select(r => $"{r.Key}×{r.Value}"))}");
            stillRunning.Should().BeTrue($"the service must not die before the kill:\n{first.RecentOutput}");
            unansweredWhileUp.Should().BeEmpty("while the service is up every command gets an answer");
            serverErrors.Should().BeEmpty("a service that is up answers no command with a 5xx, however loaded");
            first.HasExited.Should().BeTrue();
            if (OperatingSystem.IsLinux()) first.ExitCode.Should().Be(137, "the service died of SIGKILL, not a graceful shutdown");
            placements.Should().NotBeEmpty("the kill must land while commands are being written");
            hours.Should().NotBeEmpty();
        }

        var restart = Stopwatch.StartNew();
        await using var second = ApiProcess.Start(database.ConnectionString);
        await second.WaitReady(TimeSpan.FromSeconds(60));
        output.WriteLine($"restarted process {second.Pid} ready after {restart.ElapsedMilliseconds} ms");
        using var client = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        var reader = await Token(client, "caseworker-after", "caseworker", Municipality);

        // Every answered command is in the views...
        foreach (var p in persons)
        {
            var person = await GetOk(client, reader, $"/api/persons/{p.Id}");
            person["givenName"]!.GetValue<string>().Should().Be(p.GivenName);
            person["familyName"]!.GetValue<string>().Should().Be("Crash");
            person["fileReference"]!.GetValue<string>().Should().Be(p.FileReference);
        }
        var hoursByPlacement = hours.ToLookup(h => h.PlacementId);
        foreach (var p in placements)
        {
            var placement = await GetOk(client, reader, $"/api/placements/{p.Id}");
            placement["personId"]!.GetValue<Guid>().Should().Be(p.PersonId);
            placement["offerId"]!.GetValue<Guid>().Should().Be(offerId);
            placement["status"]!.GetValue<string>().Should().Be("active");
            var entries = placement["hours"]!.AsArray().ToDictionary(h => h!["entryId"]!.GetValue<Guid>());
            foreach (var h in hoursByPlacement[p.Id])
            {
                entries.Should().ContainKey(h.EntryId, $"hours {h.EntryId} were answered 201 for placement {p.Id}");
                entries[h.EntryId]!["minutes"]!.GetValue<int>().Should().Be(h.Minutes);
                entries[h.EntryId]!["date"]!.GetValue<string>().Should().Be(D(h.Date));
            }
            placement["minutesLogged"]!.GetValue<int>().Should().Be(entries.Values.Sum(e => e!["minutes"]!.GetValue<int>()));
        }

        // ...and in the event store.
        await using (var conn = await database.Open())
        {
            var registered = await Ids(conn, "select stream_id from agh.mt_events where type = 'person_registered'");
            registered.Should().Contain(persons.Select(p => p.Id));
            var assigned = await Ids(conn, "select (data->>'placementId')::uuid from agh.mt_events where type = 'person_assigned'");
            assigned.Should().Contain(placements.Select(p => p.Id));
            var logged = await Ids(conn, "select (data->>'entryId')::uuid from agh.mt_events where type = 'hours_logged'");
            logged.Should().Contain(hours.Select(h => h.EntryId));

            // No view is half-written: each inline document has folded exactly the events of its stream up to the last
            // one it reads (the person's view skips hour events, which the hour rows hold: its revision is the
            // version of its last other event; an offer's is its stream version). Marten's tombstone stream, which fills
            // the sequence numbers of failed appends such as lost write races, has none... It is inserted at version 0 (a
            // new id per process) after any failed write, and holds no event when the write spent no sequence number (an
            // hour command refused at the commit for its copy's versions, HoursCopies); person and offer streams start at 1.
            var mismatched = await Rows(conn, $$"""
                select s.id::text || ' ' || coalesce(d.kind, 'no document') || ' revision ' || coalesce(d.revision::text, '-') || ', expected ' || coalesce(x.expected::text, '-')
                  || ', stream version ' || s.version || ', stream type ' || coalesce(s.type, '-') || ', events: '
                  || coalesce((select string_agg(distinct e.type, ',') from agh.mt_events e where e.stream_id = s.id), 'none')
                from agh.mt_streams s
                left join (select id, 'person' as kind, (data->>'revision')::bigint as revision from agh.mt_doc_person
                           union all select id, 'offer', (data->>'revision')::bigint from agh.mt_doc_offer) d on d.id = s.id
                left join lateral (select case when d.kind = 'person'
                                          then (select max(e.version) from agh.mt_events e where e.stream_id = s.id and e.type not in ('hours_logged', 'hours_corrected'))
                                          else s.version end as expected) x on true
                where d.revision is distinct from x.expected and s.id not in ({{TombstoneStreams}})
                """);
            mismatched.Should().BeEmpty("every person document has folded its stream up to its last event other than hours, every offer document its whole stream");
            var hourRows = await Count(conn, "select count(*) from agh.hour_entries");
            var hourEvents = await Count(conn, "select count(*) from agh.mt_events where type in ('hours_logged', 'hours_corrected')");
            var unmatched = await Count(conn, """
                select count(*) from agh.mt_events e where e.type in ('hours_logged', 'hours_corrected')
                  and (select count(*) from agh.hour_entries h where h.person_id = e.stream_id and h.version = e.version
                       and h.entry_id = (e.data->>'entryId')::uuid) <> 1
                """);
            unmatched.Should().Be(0, "every stored hour event is in exactly one hour row");
            hourRows.Should().Be(hourEvents, "every hour row is a stored hour event");
            var documents = await Count(conn, "select (select count(*) from agh.mt_doc_person) + (select count(*) from agh.mt_doc_offer)");
            var streams = await Count(conn, $"select count(*) from agh.mt_streams where id not in ({TombstoneStreams})");
            documents.Should().Be(streams, "every stream is a person or an offer here, each with its document");

            // ...and both sides of an assignment were written together: the offer's places match the persons' placements.
            var occupiedEvents = await Count(conn, $"select count(*) from agh.mt_events where stream_id = '{offerId}' and type = 'place_occupied'")
                - await Count(conn, $"select count(*) from agh.mt_events where stream_id = '{offerId}' and type = 'place_released'");
            occupiedEvents.Should().Be(assigned.Count, "each PersonAssigned has its PlaceOccupied in the same transaction");
            var indexActive = await Count(conn, $"select count(*) from agh.mt_doc_placementindex where data->>'offerId' = '{offerId}' and (data->>'active')::boolean");
            indexActive.Should().Be(assigned.Count);
            output.WriteLine($"after the restart: {registered.Count} persons and {assigned.Count} placements stored " +
                $"({registered.Count - persons.Count} persons and {assigned.Count - placements.Count} placements written without an answer), {logged.Count} hour entries");
        }

        var offer = await GetOk(client, reader, $"/api/offers/{offerId}");
        var active = (await GetOk(client, reader, $"/api/placements?offerId={offerId}&status=active&pageSize=500")).AsArray();
        offer["occupied"]!.GetValue<int>().Should().Be(active.Count, "the offer's occupied equals its active placements");
        offer["free"]!.GetValue<int>().Should().Be(Places - active.Count);
        active.Count.Should().BeGreaterThanOrEqualTo(placements.Count);

        // The restarted service takes new commands.
        var writer = await Token(client, "caseworker-after", "caseworker", Municipality);
        var newPerson = IdOf(await Created(await Send(client, writer, "/api/persons", new
        {
            municipality = Municipality, givenName = "After", familyName = "Restart", dateOfBirth = D(today.AddYears(-25)),
            confirmedNotDuplicate = true, entitledSince = D(today.AddYears(-1)), fileReference = "AZ-CR-after",
        }, CancellationToken.None)));
        if (active.Count < Places)
        {
            var newPlacement = IdOf(await Created(await Send(client, writer, "/api/placements", new
            {
                personId = newPerson, offerId, noticeServedOn = D(today.AddDays(-20)), startsOn = D(today.AddDays(-10)), hoursPerWeek = 10,
            }, CancellationToken.None)));
            await Created(await Send(client, writer, $"/api/placements/{newPlacement}/hours", new { date = D(today.AddDays(-1)), minutes = 45 }, CancellationToken.None));
            (await GetOk(client, reader, $"/api/offers/{offerId}"))["occupied"]!.GetValue<int>().Should().Be(active.Count + 1);
        }
        output.WriteLine($"whole test {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>Marten's tombstone streams: with the tombstones of spent sequence numbers, or empty at version 0.</summary>
    private const string TombstoneStreams = "select stream_id from agh.mt_events where type = 'tombstone' "
        + "union select s.id from agh.mt_streams s where s.version = 0 and not exists (select 1 from agh.mt_events e where e.stream_id = s.id)";

    private static async Task<string> Token(HttpClient client, string userId, string role, string? municipality)
    {
        using var response = await client.PostAsJsonAsync("/dev/token", new { userId, name = $"Test {userId}", role, municipality });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, string url, object body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request, ct);
    }

    private static async Task<JsonNode> Created(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> GetOk(HttpClient client, string token, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static Guid IdOf(JsonNode body, string field = "id") => Guid.Parse(body[field]!.GetValue<string>());

    private static async Task<HashSet<Guid>> Ids(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
        return ids;
    }

    private static async Task<List<string>> Rows(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static async Task<long> Count(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}

/// <summary>
/// A fresh database for a service process: on the AGH_TEST_CONNECTION cluster, else on a cluster of the test's own
/// (scripts/pg.sh); skips the test when neither is available (fails it where guarantees are required). Dropped, and the own cluster stopped, on dispose.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;
    private readonly PgCluster? _cluster;

    private TestDatabase(string admin, string name, PgCluster? cluster)
    {
        _admin = admin;
        _name = name;
        _cluster = cluster;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 200 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> Create()
    {
        PgCluster? cluster = null;
        var admin = Environment.GetEnvironmentVariable("AGH_TEST_CONNECTION");
        if (string.IsNullOrWhiteSpace(admin))
        {
            var unavailable = PgCluster.Unavailable();
            Guarantees.SkipOrFailIf(unavailable is null ? null : $"AGH_TEST_CONNECTION is not set and no cluster of its own can be started: {unavailable}");
            cluster = await PgCluster.Start();
            admin = cluster.ConnectionString;
        }
        var name = "agh_crash_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch
        {
            if (cluster is not null) await cluster.DisposeAsync();
            throw;
        }
        return new TestDatabase(admin, name, cluster);
    }

    public async Task<NpgsqlConnection> Open()
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { }
        finally
        {
            if (_cluster is not null) await _cluster.DisposeAsync();
        }
    }
}
