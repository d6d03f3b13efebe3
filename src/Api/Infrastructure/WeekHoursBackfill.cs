using AGH.Domain.Placements;
using AGH.Projections;
using Marten;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A database written before hours had their own week documents holds hour events but no weeks: without them the
/// caps would ignore old hours and placements would show none. At start-up such a database gets its weeks built from
/// the events once (stored events are never changed). One node builds them; the others wait on the same lock.
/// </summary>
public sealed class WeekHoursBackfill(IDocumentStore store, ILogger<WeekHoursBackfill> log) : IHostedService
{
    // Any fixed number: the key of the session-level advisory lock the nodes share for this one job.
    private const long LockKey = 0x4147_4857_4545_4B31;

    public async Task StartAsync(CancellationToken ct)
    {
        if (!await Missing(ct)) return;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using (var take = conn.CreateCommand())
        {
            take.CommandText = $"select pg_advisory_lock({LockKey})";
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            if (!await Missing(ct)) return;
            var started = DateTimeOffset.UtcNow;
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync<WeekHoursProjection>(TimeSpan.FromMinutes(30), ct);
            log.LogInformation("Built the week documents of the stored hours in {Seconds:0.0} s", (DateTimeOffset.UtcNow - started).TotalSeconds);
        }
        finally
        {
            await using var release = conn.CreateCommand();
            release.CommandText = $"select pg_advisory_unlock({LockKey})";
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<bool> Missing(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return !await session.Query<WeekHours>().AnyAsync(ct)
            && await session.Events.QueryRawEventDataOnly<HoursLogged>().AnyAsync(ct);
    }
}
