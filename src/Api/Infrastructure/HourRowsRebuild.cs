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

    /// <summary>The progression row, as Marten's daemon keeps one per rebuilt shard.</summary>
    public const string ShardName = "HourRows:All";

    /// <summary>Rebuilds every row; returns how many there are.</summary>
    public static async Task<long> Run(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var truncate = conn.CreateCommand())
        {
            truncate.CommandText = $"truncate {HourRows.Qualified(Schema)}, {HourRows.QualifiedTotals(Schema)}";
            await truncate.ExecuteNonQueryAsync(ct);
        }
        // The indexes and the primary key are dropped and made again afterwards: building an index from a million rows
        // at once costs PostgreSQL a fraction of updating it row by row. Their definitions are read back as Marten made
        // them, so the schema stays what its migration expects.
        var table = HourRows.Qualified(Schema);
        var drop = new List<string>();
        var make = new List<string>();
        await using (var read = conn.CreateCommand())
        {
            read.CommandText =
                "select 'alter table ' || @table || ' drop constraint ' || quote_ident(c.conname), " +
                "'alter table ' || @table || ' add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) " +
                "from pg_constraint c where c.conrelid = @table::regclass and c.contype = 'p' " +
                "union all select 'drop index ' || i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) " +
                "from pg_index i where i.indrelid = @table::regclass and not i.indisprimary";
            read.Parameters.AddWithValue("table", table);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                drop.Add(reader.GetString(0));
                make.Add(reader.GetString(1));
            }
        }
        await Execute(conn, string.Concat(drop.Select(d => d + ";")), ct);
        long rows;
        await using (var insert = conn.CreateCommand())
        {
            insert.CommandText = HourRows.InsertFromEvents(Schema);
            insert.CommandTimeout = 0;
            rows = await insert.ExecuteNonQueryAsync(ct);
        }
        await Execute(conn, "set local maintenance_work_mem = '256MB';" + string.Concat(make.Select(m => m + ";")), ct);
        // The placements' totals from the rows, once their indexes exist (a correction finds what it supersedes by them).
        await Execute(conn, HourRows.TotalsFromRows(Schema), ct);
        await using (var progression = conn.CreateCommand())
        {
            progression.CommandText = $"insert into {Schema}.mt_event_progression (name, last_seq_id, last_updated) " +
                $"values (@name, (select coalesce(max(seq_id), 0) from {Schema}.mt_events), transaction_timestamp()) " +
                "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated";
            progression.Parameters.AddWithValue("name", ShardName);
            await progression.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        // The truncate dropped the tables' statistics: without them PostgreSQL reads a large placement's every row and
        // sorts them for its newest 100, until autovacuum comes round.
        await Execute(conn, $"analyze {HourRows.Qualified(Schema)}, {HourRows.QualifiedTotals(Schema)}", ct);
        return rows;
    }

    /// <summary>
    /// Builds only the placements' totals from the hour rows (a database whose rows were written before the totals
    /// existed); returns how many placements have totals.
    /// </summary>
    public static async Task<int> RunTotals(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Locks out writers of rows meanwhile, so no row is counted twice or missed.
        await Execute(conn, $"lock table {HourRows.Qualified(Schema)} in share mode; truncate {HourRows.QualifiedTotals(Schema)}", ct);
        await using var insert = conn.CreateCommand();
        insert.CommandText = HourRows.TotalsFromRows(Schema);
        insert.CommandTimeout = 0;
        var placements = await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return placements;
    }

    private static async Task Execute(Npgsql.NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        if (sql.Length == 0) return;
        await using var command = conn.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
