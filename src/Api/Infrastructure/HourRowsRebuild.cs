using AGH.Projections;
using Marten;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Builds the hour rows from the stored events in one transaction: empty the table, one INSERT … SELECT over the event
/// table, and the projection's progression set to the events' high-water mark. Replaying a million events one by one
/// through the daemon took 45 s; PostgreSQL maps them to rows in a few. Writers wait on the table's lock meanwhile, and
/// the rows of their events follow once the rebuild commits.
/// </summary>
public static class HourRowsRebuild
{
    private static readonly string Schema = MartenSetup.Schema;

    /// <summary>The progression row Marten's daemon keeps for the projection's shard.</summary>
    public static readonly string ShardName = $"{new HourRowsProjection(Schema).Name}:All";

    /// <summary>Rebuilds every row; returns how many there are.</summary>
    public static async Task<long> Run(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var truncate = conn.CreateCommand())
        {
            truncate.CommandText = $"truncate {HourRows.Qualified(Schema)}";
            await truncate.ExecuteNonQueryAsync(ct);
        }
        long rows;
        await using (var insert = conn.CreateCommand())
        {
            insert.CommandText = HourRows.InsertFromEvents(Schema);
            insert.CommandTimeout = 0;
            rows = await insert.ExecuteNonQueryAsync(ct);
        }
        await using (var progression = conn.CreateCommand())
        {
            progression.CommandText = $"insert into {Schema}.mt_event_progression (name, last_seq_id, last_updated) " +
                $"values (@name, (select coalesce(max(seq_id), 0) from {Schema}.mt_events), transaction_timestamp()) " +
                "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated";
            progression.Parameters.AddWithValue("name", ShardName);
            await progression.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows;
    }
}
