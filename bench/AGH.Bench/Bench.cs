using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Placements;
using JasperFx;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace AGH.Bench;

public sealed record Options(string Connection, string ApiDll, string Output, bool Quick, string LogDir, bool CommandsOnly = false, bool RebuildOnly = false, bool GrowthOnly = false,
    bool PayoutOnly = false)
{
    public static Options Parse(string[] args)
    {
        string? conn = null, api = null, output = null, logDir = null;
        bool quick = false, commandsOnly = false, rebuildOnly = false, growthOnly = false, payoutOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection": conn = args[++i]; break;
                case "--api": api = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--logs": logDir = args[++i]; break;
                case "--quick": quick = true; break;
                // Profiling aid: only the command load and the growth figures (no rebuild, history, payout).
                case "--commands-only": commandsOnly = true; break;
                // Profiling aid: only the rebuild (its ~1,000,000 events are generated first; no service, no other phase).
                case "--rebuild-only": rebuildOnly = true; break;
                // Profiling aid: only the growth figures (a few seconds; the command load before them is skipped).
                case "--growth-only": growthOnly = true; break;
                // Profiling aid: only the payout run (and the search over its persons), on a database of its own.
                case "--payout-only": payoutOnly = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (conn is null || api is null)
            throw new ArgumentException("usage: AGH.Bench --connection <npgsql connection string> --api <path to AGH.Api.dll> [--out results.json] [--logs dir] [--quick] [--commands-only | --growth-only | --rebuild-only | --payout-only]");
        output ??= "bench/results/latest.json";
        return new Options(conn, api, output, quick, logDir ?? Path.GetTempPath(), commandsOnly, rebuildOnly, growthOnly, payoutOnly);
    }
}

/// <summary>Sizes of every measurement; QUICK keeps the whole run well under three minutes.</summary>
public sealed record Sizes(
    int Clients, int CommandPlacements, TimeSpan Warmup, TimeSpan CommandLoad, TimeSpan RawInsert,
    int AppendBatches, int RebuildPersons, int HistoryReads, int PayoutPersons, TimeSpan DaemonCatchUp, int GrowthCommands)
{
    public static readonly Sizes Full = new(16, 2000, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
        200, 1000, 200, 100_000, TimeSpan.FromMinutes(5), 200);

    public static readonly Sizes Quick = new(16, 320, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5),
        20, 20, 50, 2000, TimeSpan.FromSeconds(60), 40);
}

public static class BenchMain
{
    private static readonly Stopwatch Total = Stopwatch.StartNew();

    public static void Log(string message) => Console.Error.WriteLine($"[{Total.Elapsed:mm\\:ss}] {message}");

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var o = Options.Parse(args);
        var sizes = o.Quick ? Sizes.Quick : Sizes.Full;
        var r = new Results(o.Quick);
        var serviceLog = Path.Combine(o.LogDir, "agh-bench-service.log");
        Log($"{(o.Quick ? "QUICK" : "FULL")} run; service log: {serviceLog}");
        ThreadPool.SetMinThreads(64, 64);
        // A failed phase must not leave a service running on after the bench: it would load the machine of the next run.
        try { return await Run(o, sizes, r, serviceLog); }
        finally { await ServiceProcess.StopAll(); }
    }

    private static async Task<int> Run(Options o, Sizes sizes, Results r, string serviceLog)
    {
        if (o.RebuildOnly) return await RebuildOnly(o, sizes, r);
        if (o.PayoutOnly) return await PayoutOnly(o, sizes, r, serviceLog);

        // ---- cold start: the first-ever start creates the schema; the reported figure is a start on an existing schema.
        await using (var first = await ServiceProcess.Start(o.ApiDll, o.Connection, serviceLog, TimeSpan.FromMinutes(2)))
            r.Detail("coldStartFirstEverSeconds", first.ColdStartSeconds);
        var service = await ServiceProcess.Start(o.ApiDll, o.Connection, serviceLog, TimeSpan.FromMinutes(2));
        r.Set("coldStartSeconds", service.ColdStartSeconds);
        Log($"cold start: first ever {r.Details["coldStartFirstEverSeconds"]:0.000} s, schema present {service.ColdStartSeconds:0.000} s");

        await using var generator = await Generator.Create(o.Connection);
        var today = generator.Today;
        try
        {
            return await Phases(o, sizes, r, service, generator, serviceLog, today);
        }
        catch (Exception e)
        {
            // A later phase failing (a timeout on a machine shared with other work) must not lose the figures already measured.
            Log($"bench failed: {e.GetType().Name}: {e.Message}");
            var why = $"{e.GetType().Name}: {e.Message}";
            r.Text("failed", JsonValue.Create(why.Length > 300 ? why[..300] : why)!);
            return await Finish(o, r, 1);
        }
    }

    private static async Task<int> RebuildOnly(Options o, Sizes sizes, Results r)
    {
        // The schema is created by the generator's store; the service never runs.
        await using var generator = await Generator.Create(o.Connection);
        await Rebuild(o, sizes, r, generator, generator.Today);
        return await Finish(o, r);
    }

    private static async Task<int> PayoutOnly(Options o, Sizes sizes, Results r, string serviceLog)
    {
        await using (var generator = await Generator.Create(o.Connection))
            await Payout(o, sizes, r, serviceLog, generator.Today);
        return await Finish(o, r);
    }

    /// <summary>The run's total time, the results file with the machine, the table; the exit code.</summary>
    private static async Task<int> Finish(Options o, Results r, int exitCode = 0)
    {
        r.Detail("totalSeconds", Total.Elapsed.TotalSeconds);
        await r.Write(o.Output, await Machine(o.Connection));
        r.Print();
        return exitCode;
    }

    private static async Task<int> Phases(Options o, Sizes sizes, Results r, ServiceProcess service, Generator generator, string serviceLog, DateOnly today)
    {
        // ---- command load
        if (!o.GrowthOnly) await CommandLoad(o, sizes, r, service, generator);

        // ---- does a command (and a read) cost more on a placement with 2,000 earlier entries?
        await Growth.Measure(o, sizes, r, service, generator);
        if (o.CommandsOnly || o.GrowthOnly)
        {
            await service.DisposeAsync();
            return await Finish(o, r);
        }

        // ---- baselines and Marten append (separate tables/schema: the service's data is untouched)
        await RawInserts(o, sizes, r);
        await Append(o, sizes, r);

        // ---- rebuild over ~1,000,000 events (the service is stopped meanwhile)
        await service.DisposeAsync();
        var historyPerson = await Rebuild(o, sizes, r, generator, today);

        // ---- history of a person with ~1,000 events
        service = await ServiceProcess.Start(o.ApiDll, o.Connection, serviceLog, TimeSpan.FromMinutes(2));
        r.Detail("coldStartAfterRebuildDataSeconds", service.ColdStartSeconds);
        // The restarted service's async views catch up with the rebuilt million events; that work is not the history's cost.
        var settle = Stopwatch.StartNew();
        var settled = await Growth.DaemonCaughtUp(o.Connection, TimeSpan.FromSeconds(180));
        r.Detail("historyDaemonCatchUpSeconds", Math.Round(settle.Elapsed.TotalSeconds, 2));
        Log($"history: async views {(settled ? "caught up" : "NOT caught up")} after {settle.Elapsed.TotalSeconds:0.0} s");
        await History(sizes, r, service, historyPerson);
        await service.DisposeAsync();

        // ---- payout run over its own database (so the year of hours above is not paid as arrears)
        await Payout(o, sizes, r, serviceLog, today);

        return await Finish(o, r);
    }

    // ------------------------------------------------------------------------------------------------ command load

    private sealed class Cursor(IReadOnlyList<Guid> placements, DateOnly today)
    {
        private int _index;
        private int _day;

        /// <summary>One 15-minute entry per placement and day, days walking backwards: never near the daily or weekly limits.</summary>
        public (Guid Placement, DateOnly Date) Next()
        {
            var result = (placements[_index], today.AddDays(-_day));
            if (++_index == placements.Count)
            {
                _index = 0;
                _day = (_day + 1) % 360;
            }
            return result;
        }
    }

    private static async Task CommandLoad(Options o, Sizes s, Results r, ServiceProcess service, Generator g)
    {
        var today = g.Today;
        var sw = Stopwatch.StartNew();
        // Client c works for municipality c (its own caseworker token) on its own placements.
        var population = await g.Placements(s.CommandPlacements, i => Generator.Municipalities[i % s.Clients], today.AddDays(-365), 30,
            (_, _, _) => [], offersPerBatch: 2, parallel: 2);
        Log($"command seed: {s.CommandPlacements} placements, {population.Events} events in {sw.Elapsed.TotalSeconds:0.0} s");
        // The seed's person events feed the async views (quota, district report); their catch-up is not the commands' cost.
        var settle = Stopwatch.StartNew();
        var settled = await Growth.DaemonCaughtUp(o.Connection, TimeSpan.FromSeconds(120));
        r.Detail("commandSeedDaemonCatchUpSeconds", Math.Round(settle.Elapsed.TotalSeconds, 2));
        Log($"command seed: async views {(settled ? "caught up" : "NOT caught up")} after {settle.Elapsed.TotalSeconds:0.0} s");

        var tokens = new string[s.Clients];
        var cursors = new Cursor[s.Clients];
        for (var c = 0; c < s.Clients; c++)
        {
            tokens[c] = await service.Token($"bench-cw-{c}", Roles.Caseworker, Generator.Municipalities[c]);
            cursors[c] = new Cursor(population.PlacementIds.Where((_, i) => i % s.Clients == c).ToList(), today);
        }

        using var http = ServiceProcess.NewClient(service.BaseUrl);
        double peakRss = 0;
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stopSampling.IsCancellationRequested)
            {
                peakRss = Math.Max(peakRss, service.Memory().Rss);
                try { await Task.Delay(100, stopSampling.Token); } catch (OperationCanceledException) { }
            }
        });

        async Task<(LatencyRecorder Latencies, long Ok, Dictionary<string, long> Errors, double Seconds)> Run(TimeSpan duration)
        {
            var recorder = new LatencyRecorder();
            var errors = new Dictionary<string, long>();
            long ok = 0;
            var clock = Stopwatch.StartNew();
            var tasks = Enumerable.Range(0, s.Clients).Select(c => Task.Run(async () =>
            {
                var latencies = recorder.NewList();
                var auth = new AuthenticationHeaderValue("Bearer", tokens[c]);
                while (clock.Elapsed < duration)
                {
                    var (placement, date) = cursors[c].Next();
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/placements/{placement}/hours")
                    {
                        Content = new StringContent($"{{\"date\":\"{date:yyyy-MM-dd}\",\"minutes\":15}}", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = auth;
                    var t0 = Stopwatch.GetTimestamp();
                    string outcome;
                    try
                    {
                        using var response = await http.SendAsync(request);
                        await response.Content.LoadIntoBufferAsync();
                        outcome = response.StatusCode == HttpStatusCode.Created ? "" : ((int)response.StatusCode).ToString();
                        if (outcome == "422" || outcome == "409")
                            outcome += " " + (JsonNode.Parse(await response.Content.ReadAsStringAsync())?["code"]?.GetValue<string>() ?? "");
                    }
                    catch (Exception e) { outcome = e.GetType().Name; }
                    var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                    if (outcome == "")
                    {
                        latencies.Add(ms);
                        Interlocked.Increment(ref ok);
                    }
                    else lock (errors) errors[outcome] = errors.GetValueOrDefault(outcome) + 1;
                }
            })).ToArray();
            await Task.WhenAll(tasks);
            return (recorder, ok, errors, clock.Elapsed.TotalSeconds);
        }

        Log($"command load: {s.Clients} clients, warm-up {s.Warmup.TotalSeconds} s, then {s.CommandLoad.TotalSeconds} s");
        await Run(s.Warmup);
        var postmaster = await Cpu.Postmaster(o.Connection);
        var statements = await Statements.Enable(o.Connection);
        var cpu0 = Cpu.Snapshot(service.Pid, postmaster);
        var (latencies, okCount, errs, seconds) = await Run(s.CommandLoad);
        var cpu = Cpu.Snapshot(service.Pid, postmaster) - cpu0;
        if (statements is not null)
        {
            // Everything the database ran during the load (commands, async daemon, Wolverine's agents), per command done.
            var all = await statements.Read();
            r.Set("statementsPerCommand", (double)all.Sum(x => x.Calls) / Math.Max(1, okCount));
            Statements.Report(r, all, okCount, "commandLoad");
        }
        await stopSampling.CancelAsync();
        await sampler;
        var sorted = latencies.Sorted();
        var memory = service.Memory();
        r.Set("commandsPerSecond", okCount / seconds);
        r.Set("commandP99Ms", LatencyRecorder.Percentile(sorted, 0.99));
        r.Set("peakRssMb", memory.Peak);
        r.Detail("commandCount", okCount);
        r.Detail("commandErrors", errs.Values.Sum());
        r.Detail("commandP50Ms", LatencyRecorder.Percentile(sorted, 0.50));
        r.Detail("commandP90Ms", LatencyRecorder.Percentile(sorted, 0.90));
        r.Detail("commandMaxMs", sorted.Length > 0 ? sorted[^1] : double.NaN);
        r.Detail("rssSampledMaxDuringLoadMb", peakRss);
        r.Detail("rssAfterLoadMb", memory.Rss);
        // Where the CPU went during the load (2 cores are shared by the load driver, the service and PostgreSQL).
        r.Detail("commandLoadMachineBusyPercent", cpu.BusyPercent);
        r.Detail("commandLoadServiceCpuMsPerCommand", cpu.ProcessSeconds * 1000 / Math.Max(1, okCount));
        r.Detail("commandLoadPostgresCpuMsPerCommand", cpu.PostgresSeconds * 1000 / Math.Max(1, okCount));
        r.Detail("commandLoadDriverCpuMsPerCommand", cpu.SelfSeconds * 1000 / Math.Max(1, okCount));
        r.Detail("commandLoadOtherCpuPercent", cpu.OtherPercent);
        Log($"command load CPU: machine {cpu.BusyPercent:0}% busy; per command: service {cpu.ProcessSeconds * 1000 / Math.Max(1, okCount):0.00} ms, " +
            $"PostgreSQL {cpu.PostgresSeconds * 1000 / Math.Max(1, okCount):0.00} ms, load driver {cpu.SelfSeconds * 1000 / Math.Max(1, okCount):0.00} ms; " +
            $"other processes {cpu.OtherPercent:0}% of the machine");
        Log($"command load: {okCount} × 201 in {seconds:0.0} s = {okCount / seconds:0} /s, p50 {r.Details["commandP50Ms"]:0.0} ms, " +
            $"p99 {r.Values["commandP99Ms"]:0.0} ms, errors {string.Join(", ", errs.Select(e => $"{e.Key}: {e.Value}"))}; " +
            $"VmHWM {memory.Peak:0} MB, sampled max VmRSS {peakRss:0} MB");
    }

    // ------------------------------------------------------------------------------------------------ raw INSERT baseline

    private static async Task RawInserts(Options o, Sizes s, Results r)
    {
        var builder = new NpgsqlConnectionStringBuilder(o.Connection) { MaxPoolSize = s.Clients + 4, Pooling = true };
        await using var data = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var setup = data.CreateCommand("DROP TABLE IF EXISTS public.bench_raw; CREATE TABLE public.bench_raw(id uuid PRIMARY KEY, payload jsonb NOT NULL)"))
            await setup.ExecuteNonQueryAsync();
        long count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, s.Clients).Select(c => Task.Run(async () =>
        {
            await using var conn = await data.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand("INSERT INTO public.bench_raw(id, payload) VALUES ($1, $2)", conn);
            var id = new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid };
            var payload = new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Jsonb };
            cmd.Parameters.Add(id);
            cmd.Parameters.Add(payload);
            await cmd.PrepareAsync();
            var placement = Guid.NewGuid();
            var person = Guid.NewGuid();
            var n = 0;
            while (clock.Elapsed < s.RawInsert)
            {
                id.TypedValue = Guid.CreateVersion7();
                payload.TypedValue = JsonSerializer.Serialize(new HoursLogged(placement, person, id.TypedValue, new DateOnly(2026, 1, 1).AddDays(n++ % 300), 15), Json.Options);
                await cmd.ExecuteNonQueryAsync(); // auto-commit: one transaction per row
                Interlocked.Increment(ref count);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        r.Set("rawInsertPerSecond", count / seconds);
        r.Set("commandRatio", r.Values["commandsPerSecond"] / r.Values["rawInsertPerSecond"]);
        Log($"raw insert: {count} rows in {seconds:0.0} s = {count / seconds:0} /s");
    }

    // ------------------------------------------------------------------------------------------------ append vs COPY

    private static async Task Append(Options o, Sizes s, Results r)
    {
        const string schema = "bench_append";
        const int batch = 500;
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(o.Connection);
            opts.DatabaseSchemaName = schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Configure);
            opts.Events.MetadataConfig.HeadersEnabled = true;
            opts.Events.MetadataConfig.UserNameEnabled = true;
            opts.Events.AddEventTypes(EventTypes.All);
            opts.AutoCreateSchemaObjects = AutoCreate.All;
        });
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var actor = new Actor("bench-append", "Bench", Roles.Caseworker, "melle");
        var now = DateTimeOffset.UtcNow;

        static object[] Events(Guid person, Guid placement) =>
            Enumerable.Range(0, batch).Select(i => (object)new HoursLogged(placement, person, Guid.CreateVersion7(), new DateOnly(2026, 1, 1).AddDays(i % 300), 15)).ToArray();

        async Task AppendBatch()
        {
            var person = Guid.CreateVersion7();
            await using var session = store.LightweightSession();
            session.LastModifiedBy = actor.UserId;
            var action = session.Events.Append(person, Events(person, Guid.CreateVersion7()));
            foreach (var e in action.Events) EventHeaders.Stamp(e, actor, now);
            await session.SaveChangesAsync();
        }

        for (var i = 0; i < 3; i++) await AppendBatch(); // warm-up
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < s.AppendBatches; i++) await AppendBatch();
        var appendSeconds = clock.Elapsed.TotalSeconds;
        var events = (double)s.AppendBatches * batch;

        // The same rows (id, stream id, version, type, jsonb data and headers, timestamp) into a plain table with binary COPY,
        // one COPY (= one transaction) per batch of 500, serialized with the same JSON options.
        await using var data = NpgsqlDataSource.Create(o.Connection);
        await using (var setup = data.CreateCommand($"DROP TABLE IF EXISTS {schema}.copy_events; CREATE TABLE {schema}.copy_events(" +
                         "id uuid NOT NULL, stream_id uuid NOT NULL, version bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL, headers jsonb, " +
                         "timestamp timestamptz NOT NULL)"))
            await setup.ExecuteNonQueryAsync();
        var headers = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [EventHeaders.Actor] = actor, [EventHeaders.LegalBasis] = LegalBasis.Allowance, [EventHeaders.RecordedAt] = now.ToString("O"),
        }, Json.Options);
        await using var conn = await data.OpenConnectionAsync();

        async Task CopyBatch()
        {
            var stream = Guid.CreateVersion7();
            var rows = Events(stream, Guid.CreateVersion7());
            await using var writer = await conn.BeginBinaryImportAsync(
                $"COPY {schema}.copy_events (id, stream_id, version, type, data, headers, timestamp) FROM STDIN (FORMAT BINARY)");
            for (var v = 0; v < rows.Length; v++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(stream, NpgsqlDbType.Uuid);
                await writer.WriteAsync((long)v + 1, NpgsqlDbType.Bigint);
                await writer.WriteAsync("hours_logged", NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(rows[v], rows[v].GetType(), Json.Options), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(headers, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }

        for (var i = 0; i < 3; i++) await CopyBatch();
        clock.Restart();
        for (var i = 0; i < s.AppendBatches; i++) await CopyBatch();
        var copySeconds = clock.Elapsed.TotalSeconds;
        r.Set("appendEventsPerSecond", events / appendSeconds);
        r.Set("copyRowsPerSecond", events / copySeconds);
        r.Set("appendRatio", r.Values["appendEventsPerSecond"] / r.Values["copyRowsPerSecond"]);
        Log($"append: {events} events in {appendSeconds:0.0} s = {events / appendSeconds:0} /s; COPY {copySeconds:0.0} s = {events / copySeconds:0} /s");
        await store.Advanced.Clean.CompletelyRemoveAllAsync();
        await using (var drop = data.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP TABLE IF EXISTS public.bench_raw"))
            await drop.ExecuteNonQueryAsync();
    }

    // ------------------------------------------------------------------------------------------------ projection rebuild

    private static async Task<Guid> Rebuild(Options o, Sizes s, Results r, Generator g, DateOnly today)
    {
        var startsOn = today.AddDays(-365);
        var sw = Stopwatch.StartNew();
        // One offer (100 persons) per batch: about 100,000 events a transaction, three writers.
        var population = await g.Placements(s.RebuildPersons, i => Generator.Municipalities[i % Generator.Municipalities.Length], startsOn, 30,
            (i, person, placement) => Generator.YearOfHours(i, person, placement, startsOn, today), offersPerBatch: 1, parallel: 3);
        Log($"rebuild data: {population.Events} events for {s.RebuildPersons} persons in {sw.Elapsed.TotalSeconds:0.0} s " +
            $"({population.Events / sw.Elapsed.TotalSeconds:0} events/s with inline projections)");
        r.Detail("rebuildDataGenerationSeconds", sw.Elapsed.TotalSeconds);

        await using var data = NpgsqlDataSource.Create(o.Connection);
        await VacuumAnalyze.Run(data);
        long total;
        await using (var count = data.CreateCommand($"SELECT count(*) FROM {MartenSetup.Schema}.mt_events"))
            total = (long)(await count.ExecuteScalarAsync())!;

        var psi = ServiceProcess.StartInfo(o.ApiDll, ["projections", "rebuild"], ServiceProcess.Environment(o.Connection, "Information"));
        var output = new StringBuilder();
        // The machine may be shared: CPU seconds of PostgreSQL (measured here) and of the rebuild process (it logs its own).
        var postmaster = await Cpu.Postmaster(o.Connection);
        var cpu0 = Cpu.Snapshot(Environment.ProcessId, postmaster);
        sw.Restart();
        using (var p = Process.Start(psi)!)
        {
            p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            await p.WaitForExitAsync();
            if (p.ExitCode != 0) throw new InvalidOperationException($"projections rebuild failed ({p.ExitCode}):\n{output}");
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var cpu = Cpu.Snapshot(Environment.ProcessId, postmaster) - cpu0;
        var processCpu = Regex.Match(output.ToString(), @"Rebuilt all views in [\d.,]+ s, CPU ([\d.,]+) s") is { Success: true } m
            ? double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : double.NaN;
        var parts = Regex.Matches(output.ToString(), @"Rebuilt (\w+) in ([\d.,]+) s")
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture))).ToList();
        r.Set("rebuildEventsPerSecond", total / seconds);
        r.Detail("rebuildEvents", total);
        r.Detail("rebuildSeconds", seconds);
        foreach (var (name, sec) in parts) r.Detail($"rebuild{name}Seconds", sec);
        r.Detail("rebuildProcessCpuSeconds", processCpu);
        r.Detail("rebuildPostgresCpuSeconds", cpu.PostgresSeconds);
        r.Detail("rebuildMachineBusyPercent", cpu.BusyPercent);
        Log($"rebuild: {total} events in {seconds:0.0} s (process wall time) = {total / seconds:0} events/s; " +
            string.Join(", ", parts.Select(p => $"{p.Item1} {p.Item2:0.0} s")) +
            $"; CPU: rebuild process {processCpu:0.0} s, PostgreSQL {cpu.PostgresSeconds:0.0} s, machine busy {cpu.BusyPercent:0} %");
        return population.PersonIds[0];
    }

    // ------------------------------------------------------------------------------------------------ history

    private static async Task History(Sizes s, Results r, ServiceProcess service, Guid person)
    {
        var token = await service.Token("bench-auditor", Roles.Auditor, null);
        using var http = ServiceProcess.NewClient(service.BaseUrl);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var entries = 0;
        async Task<double> Read()
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"/api/persons/{person}/history");
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"history: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            if (entries == 0) entries = JsonNode.Parse(body)!["entries"]!.AsArray().Count;
            r.Detail("historyResponseBytes", body.Length);
            return ms;
        }
        for (var i = 0; i < 20; i++) await Read();
        var latencies = new List<double>();
        for (var i = 0; i < s.HistoryReads; i++) latencies.Add(await Read());
        var sorted = latencies.Order().ToArray();
        r.Set("historyP99Ms", LatencyRecorder.Percentile(sorted, 0.99));
        r.Detail("historyP50Ms", LatencyRecorder.Percentile(sorted, 0.50));
        r.Detail("historyEntries", entries);
        Log($"history: {entries} entries, {s.HistoryReads} reads, p50 {r.Details["historyP50Ms"]:0.0} ms, p99 {r.Values["historyP99Ms"]:0.0} ms");

        // Pages of 100: the first, and one after the middle entry's sequence. A service without paging ignores the
        // parameters and answers the whole history: historyPageEntries shows which one was measured.
        long middle;
        using (var full = await http.GetAsync($"/api/persons/{person}/history"))
        {
            var all = JsonNode.Parse(await full.Content.ReadAsByteArrayAsync())!["entries"]!.AsArray();
            middle = all[all.Count / 2]!["sequence"]!.GetValue<long>();
        }
        var pageEntries = new Dictionary<bool, int>();
        var pageBytes = new Dictionary<bool, int>();
        async Task<double> Page(bool after)
        {
            var url = $"/api/persons/{person}/history?limit=100" + (after ? $"&after={middle}" : "");
            var t0 = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"history page: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            pageEntries[after] = JsonNode.Parse(body)!["entries"]!.AsArray().Count;
            pageBytes[after] = body.Length;
            return ms;
        }
        for (var i = 0; i < 20; i++) await Page(i % 2 == 1);
        var pages = new List<double>();
        for (var i = 0; i < s.HistoryReads; i++) pages.Add(await Page(i % 2 == 1));
        var pageSorted = pages.Order().ToArray();
        r.Set("historyPageP99Ms", LatencyRecorder.Percentile(pageSorted, 0.99));
        r.Detail("historyPageP50Ms", LatencyRecorder.Percentile(pageSorted, 0.50));
        r.Detail("historyPageEntries", pageEntries[false]);
        r.Detail("historyPageAfterEntries", pageEntries[true]);
        r.Detail("historyPageResponseBytes", pageBytes[false]);
        r.Detail("historyPageAfterSequence", middle);
        Log($"history pages (limit=100, and after={middle}): {pageEntries[false]} and {pageEntries[true]} entries, {s.HistoryReads} reads, " +
            $"p50 {r.Details["historyPageP50Ms"]:0.0} ms, p99 {r.Values["historyPageP99Ms"]:0.0} ms");
    }

    // ------------------------------------------------------------------------------------------------ payout run

    private static async Task Payout(Options o, Sizes s, Results r, string serviceLog, DateOnly today)
    {
        var builder = new NpgsqlConnectionStringBuilder(o.Connection);
        var database = builder.Database + "_payout";
        await using (var admin = NpgsqlDataSource.Create(o.Connection))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await drop.ExecuteNonQueryAsync();
            await using var create = admin.CreateCommand($"CREATE DATABASE {database}");
            await create.ExecuteNonQueryAsync();
        }
        builder.Database = database;
        var connection = builder.ConnectionString;
        var month = Month.Of(today).Previous;
        var sw = Stopwatch.StartNew();
        long events;
        await using (var g = await Generator.Create(connection))
        {
            var population = await g.Placements(s.PayoutPersons, i => Generator.Municipalities[i % Generator.Municipalities.Length],
                month.First.AddDays(-30), 20, (_, person, placement) => Generator.FourEntries(person, placement, month), offersPerBatch: 2, parallel: 3);
            events = population.Events;
        }
        Log($"payout data: {s.PayoutPersons} persons, {events} events in {sw.Elapsed.TotalSeconds:0.0} s");
        r.Detail("payoutDataGenerationSeconds", sw.Elapsed.TotalSeconds);
        await using var data = NpgsqlDataSource.Create(connection);
        await VacuumAnalyze.Run(data);

        await using var service = await ServiceProcess.Start(o.ApiDll, connection, serviceLog, TimeSpan.FromMinutes(2));
        r.Detail("coldStartPayoutDbSeconds", service.ColdStartSeconds);

        // The async daemon (QuotaOfferProjection, QuotaPersonProjection) catches up on the generated events first; the run is timed on a quiet service.
        sw.Restart();
        var caughtUp = false;
        while (sw.Elapsed < s.DaemonCatchUp)
        {
            await using var q = data.CreateCommand(
                $"SELECT (SELECT coalesce(max(seq_id), 0) FROM {MartenSetup.Schema}.mt_events) - " +
                $"coalesce((SELECT min(last_seq_id) FROM {MartenSetup.Schema}.mt_event_progression WHERE name NOT LIKE 'HighWater%'), 0)");
            if ((long)(await q.ExecuteScalarAsync())! <= 0) { caughtUp = true; break; }
            await Task.Delay(500);
        }
        r.Detail("payoutDaemonCatchUpSeconds", sw.Elapsed.TotalSeconds);
        await using (var q = data.CreateCommand($"SELECT string_agg(name || '=' || last_seq_id, ', ') || ' / max ' || " +
                         $"(SELECT max(seq_id) FROM {MartenSetup.Schema}.mt_events) FROM {MartenSetup.Schema}.mt_event_progression"))
            Log($"payout: daemon progression {await q.ExecuteScalarAsync()}");
        Log($"payout: async daemon {(caughtUp ? "caught up" : "NOT caught up")} after {sw.Elapsed.TotalSeconds:0.0} s");

        var token = await service.Token("bench-payroll", Roles.Payroll, null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payout-runs")
        {
            Content = new StringContent($"{{\"month\":\"{month}\"}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        sw.Restart();
        using var response = await service.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var seconds = sw.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"payout run: {(int)response.StatusCode} {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 2000)))}");
        var lines = JsonNode.Parse(body)!["lines"]!.AsArray().Count;
        r.Set("payoutRunSeconds", seconds);
        r.Detail("payoutLines", lines);
        r.Detail("payoutResponseBytes", body.Length);
        Log($"payout: run for {month} with {lines} lines in {seconds:0.00} s");

        await Search(s, r, service, s.PayoutPersons);
    }

    // ------------------------------------------------------------------------------------------------ search and pages

    /// <summary>
    /// GET /api/persons?q= over the payout database's persons (100,000 in a full run), each query by a caseworker of the
    /// person's municipality: by family name in capitals, by file reference, by given and family name. Then the first and
    /// a late page of the whole list for an auditor, which sorts every person.
    /// </summary>
    private static async Task Search(Sizes s, Results r, ServiceProcess service, int persons)
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var m in Generator.Municipalities)
        {
            var client = ServiceProcess.NewClient(service.BaseUrl);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await service.Token("bench-" + m, Roles.Caseworker, m));
            clients[m] = client;
        }
        var auditor = ServiceProcess.NewClient(service.BaseUrl);
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await service.Token("bench-auditor", Roles.Auditor, null));
        var random = new Random(4711);
        long found = 0;
        async Task<double> Timed(HttpClient client, string url, bool mustFind)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"search: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
            var total = long.Parse(response.Headers.GetValues("X-Total-Count").Single(), CultureInfo.InvariantCulture);
            if (mustFind && total == 0) throw new InvalidOperationException($"search: {url} found nobody");
            found += total;
            return ms;
        }
        Task<double> Query(int k)
        {
            var n = random.Next(persons);
            var client = clients[Generator.Municipalities[n % Generator.Municipalities.Length]];
            var q = (k % 3) switch { 0 => $"FAMILY{n}", 1 => $"az-{n}", _ => $"given{n} family{n}" };
            return Timed(client, "/api/persons?q=" + Uri.EscapeDataString(q), mustFind: true);
        }
        for (var i = 0; i < 20; i++) await Query(i);
        found = 0;
        var latencies = new List<double>();
        for (var i = 0; i < s.HistoryReads; i++) latencies.Add(await Query(i));
        var sorted = latencies.Order().ToArray();
        r.Set("searchP99Ms", LatencyRecorder.Percentile(sorted, 0.99));
        r.Detail("searchP50Ms", LatencyRecorder.Percentile(sorted, 0.50));
        r.Detail("searchPersons", persons);
        r.Detail("searchMeanTotal", (double)found / s.HistoryReads);
        Log($"search: {s.HistoryReads} queries over {persons} persons, p50 {r.Details["searchP50Ms"]:0.0} ms, p99 {r.Values["searchP99Ms"]:0.0} ms");

        var pages = new List<double>();
        var last = Math.Max(1, persons / 50);
        for (var i = 0; i < 20; i++) pages.Add(await Timed(auditor, $"/api/persons?page={(i % 2 == 0 ? 1 : last)}", mustFind: true));
        var pageSorted = pages.Order().ToArray();
        r.Detail("personsPageAllP50Ms", LatencyRecorder.Percentile(pageSorted, 0.50));
        r.Detail("personsPageAllMaxMs", pageSorted[^1]);
        Log($"persons list for an auditor over {persons} persons: p50 {r.Details["personsPageAllP50Ms"]:0.0} ms, max {pageSorted[^1]:0.0} ms");
        foreach (var client in clients.Values) client.Dispose();
        auditor.Dispose();
    }

    // ------------------------------------------------------------------------------------------------ machine

    private static async Task<JsonObject> Machine(string connection)
    {
        string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
        var cpu = Read("/proc/cpuinfo").Split('\n').FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = Read("/proc/meminfo").Split('\n').FirstOrDefault(l => l.StartsWith("MemTotal:")) is { } m
            ? double.Parse(m.Split(':')[1].Trim().Split(' ')[0]) : 0;
        var os = Read("/etc/os-release").Split('\n').FirstOrDefault(l => l.StartsWith("PRETTY_NAME="))?.Split('=', 2)[1].Trim('"')
                 ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        string pg;
        await using (var data = NpgsqlDataSource.Create(connection))
        await using (var cmd = data.CreateCommand("SHOW server_version"))
            pg = (string)(await cmd.ExecuteScalarAsync())!;
        return new JsonObject
        {
            ["cores"] = Environment.ProcessorCount,
            ["ramGb"] = Math.Round(memKb / 1024 / 1024, 1),
            ["cpu"] = cpu,
            ["os"] = os,
            ["kernel"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["dotnet"] = Environment.Version.ToString(),
            ["postgres"] = pg,
            ["serviceRuntimeEnvironment"] = string.Join(' ', ServiceProcess.ImageRuntimeEnvironment().Select(e => $"{e.Key}={e.Value}")),
        };
    }
}
