namespace AGH.Api.Infrastructure;

/// <summary>
/// A database written before hours had their own rows (it held week documents, or hours in the person's document)
/// holds hour events but no rows: without them the caps would ignore old hours and placements would show none. At
/// start-up such a database gets its rows built from the events once (stored events are never changed). One node
/// builds them; the others wait on the same lock. Rows written before the source and after-confirmation columns existed
/// (contract v3c) get those filled from their events the same way, and rows written before the placements' totals existed
/// get their totals summed from the rows.
/// </summary>
public sealed class HourRowsBackfill(IDocumentStore store, ILogger<HourRowsBackfill> log) : IHostedService
{
    // Any fixed number: the key of the session-level advisory lock the nodes share for this one job.
    private const long LockKey = 0x4147_4848_524F_5731;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        if (!await Missing(conn, ct) && !await SourceMissing(conn, ct) && !await TotalsMissing(conn, ct)) return;
        await using (var take = conn.CreateCommand())
        {
            take.CommandText = $"select pg_advisory_lock({LockKey})";
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            var started = DateTimeOffset.UtcNow;
            if (await Missing(conn, ct))
            {
                var rows = await HourRowsRebuild.Run(store, ct);
                log.LogInformation("Built {Rows} hour rows from the stored hour events in {Seconds:0.0} s", rows, (DateTimeOffset.UtcNow - started).TotalSeconds);
            }
            else if (await SourceMissing(conn, ct))
            {
                await using var fill = conn.CreateCommand();
                fill.CommandText = HourRows.FillSourceFromEvents(MartenSetup.Schema);
                fill.CommandTimeout = 0;
                var rows = await fill.ExecuteNonQueryAsync(ct);
                log.LogInformation("Filled the source of {Rows} hour rows from the stored hour events in {Seconds:0.0} s", rows, (DateTimeOffset.UtcNow - started).TotalSeconds);
            }
            if (await TotalsMissing(conn, ct))
            {
                var placements = await HourRowsRebuild.RunTotals(store, ct);
                log.LogInformation("Summed the hour totals of {Placements} placements from their rows in {Seconds:0.0} s", placements, (DateTimeOffset.UtcNow - started).TotalSeconds);
            }
        }
        finally
        {
            await using var release = conn.CreateCommand();
            release.CommandText = $"select pg_advisory_unlock({LockKey})";
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task<bool> Missing(Npgsql.NpgsqlConnection conn, CancellationToken ct)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = $"select not exists (select 1 from {HourRows.Qualified(MartenSetup.Schema)}) " +
            $"and exists (select 1 from {MartenSetup.Schema}.mt_events where type in ('{HourRows.LoggedType}', '{HourRows.CorrectedType}'))";
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> TotalsMissing(Npgsql.NpgsqlConnection conn, CancellationToken ct)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = $"select exists (select 1 from {HourRows.Qualified(MartenSetup.Schema)}) " +
            $"and not exists (select 1 from {HourRows.QualifiedTotals(MartenSetup.Schema)})";
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<bool> SourceMissing(Npgsql.NpgsqlConnection conn, CancellationToken ct)
    {
        await using var command = conn.CreateCommand();
        command.CommandText = $"select exists (select 1 from {HourRows.Qualified(MartenSetup.Schema)} where source is null)";
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
