using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;
using Npgsql;

namespace AGH.Bench;

/// <summary>
/// Does a command's cost grow with the case? Two placements of one offer, each its own person: a fresh one and one
/// with 2,000 earlier hour entries (generated as the API writes them: HoursLogged with the caseworker's headers, eight
/// quarter hours a day over 250 days, so every later entry stays far inside the daily and weekly caps). One client,
/// one request after another, alternating between the two placements so both see the same machine.
/// </summary>
public static class Growth
{
    public const int EarlierEntries = 2000;
    private const int EntriesPerDay = 8;
    private const string Municipality = "melle";

    public static async Task Measure(Options o, Sizes s, Results r, ServiceProcess service, Generator g)
    {
        var today = g.Today;
        var seedDays = EarlierEntries / EntriesPerDay;
        // Measured entries walk back one day each from today; the placement started before all of them.
        var startsOn = today.AddDays(-(Math.Max(seedDays, s.GrowthCommands) + 14));
        // A third placement holds as many entries as the placement's answer embeds: beyond it, does the read still grow?
        var population = await g.Placements(3, _ => Municipality, startsOn, 30,
            (i, person, placement) => i switch
            {
                1 => Earlier(person, placement, today, EarlierEntries),
                2 => Earlier(person, placement, today, AGH.Api.Placements.PlacementHours.NewestLimit),
                _ => [],
            }, offersPerBatch: 1, parallel: 1);
        var fresh = population.PlacementIds[0];
        var grown = population.PlacementIds[1];
        var window = population.PlacementIds[2];
        await DaemonCaughtUp(o.Connection, TimeSpan.FromSeconds(60));
        // A case grows over months, and autovacuum has analysed its rows long before (as the rebuild and payout phases
        // assume): measured right after the seed, without statistics, PostgreSQL reads all 2,000 rows and sorts them.
        await using (var data = NpgsqlDataSource.Create(o.Connection)) await VacuumAnalyze.Run(data);

        using var http = ServiceProcess.NewClient(service.BaseUrl);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await service.Token("bench-growth", Roles.Caseworker, Municipality));

        // Reads first, while the fresh placement has no entries.
        var bytes = new Dictionary<Guid, long>();
        async Task<double> Read(Guid placement)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"/api/placements/{placement}");
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"placement read: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            bytes[placement] = body.Length;
            return ms;
        }
        for (var i = 0; i < 10; i++) { await Read(fresh); await Read(grown); }
        var (freshReads, grownReads) = await Alternate(s.GrowthCommands, Read, fresh, grown);
        for (var i = 0; i < 10; i++) await Read(window);
        var (windowReads, grownAgain) = await Alternate(s.GrowthCommands, Read, window, grown);

        async Task<double> Log(Guid placement, DateOnly date)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/placements/{placement}/hours")
            {
                Content = new StringContent($"{{\"date\":\"{date:yyyy-MM-dd}\",\"minutes\":15}}", Encoding.UTF8, "application/json"),
            };
            var t0 = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"log hours: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            return ms;
        }
        var day = new Dictionary<Guid, int>();
        var (freshCommands, grownCommands) = await Alternate(s.GrowthCommands, p =>
        {
            var d = day.GetValueOrDefault(p);
            day[p] = d + 1;
            return Log(p, today.AddDays(-d));
        }, fresh, grown);

        double Median(List<double> l) => LatencyRecorder.Percentile(l.Order().ToArray(), 0.5);
        r.Set("commandGrowth", Median(grownCommands) / Median(freshCommands));
        r.Set("placementReadGrowth", Median(grownReads) / Median(freshReads));
        r.Detail("growthCommands", s.GrowthCommands);
        r.Detail("growthEarlierEntries", EarlierEntries);
        r.Detail("growthCommandFreshP50Ms", Median(freshCommands));
        r.Detail("growthCommandGrownP50Ms", Median(grownCommands));
        r.Detail("growthReadFreshP50Ms", Median(freshReads));
        r.Detail("growthReadGrownP50Ms", Median(grownReads));
        r.Detail("growthReadWindowEntries", AGH.Api.Placements.PlacementHours.NewestLimit);
        r.Detail("growthReadWindowP50Ms", Median(windowReads));
        r.Detail("growthReadGrownAgainP50Ms", Median(grownAgain));
        r.Detail("growthReadBeyondWindow", Math.Round(Median(grownAgain) / Median(windowReads), 3));
        r.Detail("growthReadWindowBytes", bytes[window]);
        r.Detail("growthReadFreshBytes", bytes[fresh]);
        r.Detail("growthReadGrownBytes", bytes[grown]);
        BenchMain.Log($"growth: {s.GrowthCommands} hour entries each, median {Median(freshCommands):0.00} ms fresh vs. {Median(grownCommands):0.00} ms " +
                      $"at {EarlierEntries} earlier entries (× {r.Values["commandGrowth"]:0.00}); GET placement {Median(freshReads):0.00} ms " +
                      $"({bytes[fresh]} bytes) vs. {Median(grownReads):0.00} ms ({bytes[grown]} bytes) (× {r.Values["placementReadGrowth"]:0.00}); " +
                      $"at the embedded {AGH.Api.Placements.PlacementHours.NewestLimit} entries {Median(windowReads):0.00} ms vs. {Median(grownAgain):0.00} ms at {EarlierEntries} " +
                      $"(× {r.Details["growthReadBeyondWindow"]:0.00})");
    }

    /// <summary>n calls on each placement, alternating which goes first.</summary>
    private static async Task<(List<double> A, List<double> B)> Alternate(int n, Func<Guid, Task<double>> call, Guid a, Guid b)
    {
        var la = new List<double>(n);
        var lb = new List<double>(n);
        for (var i = 0; i < n; i++)
        {
            if (i % 2 == 0) { la.Add(await call(a)); lb.Add(await call(b)); }
            else { lb.Add(await call(b)); la.Add(await call(a)); }
        }
        return (la, lb);
    }

    private static IEnumerable<object> Earlier(Guid person, Guid placement, DateOnly today, int entries)
    {
        for (var n = 0; n < entries; n++)
            yield return new HoursLogged(placement, person, Guid.CreateVersion7(), today.AddDays(-(1 + n / EntriesPerDay)), 15);
    }

    /// <summary>Waits until the async projections have caught up with the last event (or the limit), so the daemon's catch-up is not measured.</summary>
    public static async Task<bool> DaemonCaughtUp(string connection, TimeSpan limit)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            await using var q = data.CreateCommand(
                $"SELECT (SELECT coalesce(max(seq_id), 0) FROM {MartenSetup.Schema}.mt_events) - " +
                $"coalesce((SELECT min(last_seq_id) FROM {MartenSetup.Schema}.mt_event_progression WHERE name NOT LIKE 'HighWater%'), 0)");
            if ((long)(await q.ExecuteScalarAsync())! <= 0) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
