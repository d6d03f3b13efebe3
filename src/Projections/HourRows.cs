using AGH.Domain.Common;
using AGH.Domain.Placements;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace AGH.Projections;

/// <summary>
/// One row per hour event (<see cref="HoursLogged"/>, <see cref="HoursCorrected"/>) with typed columns, keyed by the
/// person's stream and the event's version in it. Commands read the rows of one ISO week, views the rows of a
/// placement, each by index, so neither reads more as a case grows, and appending an entry writes one row.
/// </summary>
public static class HourRows
{
    public const string TableName = "hour_entries";

    public static string Qualified(string schema) => $"{schema}.{TableName}";

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Created and migrated by Marten's schema management, as every document table is.</summary>
    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("person_id").NotNull().AsPrimaryKey();
        // The event's version in the person's stream: the order the entries were recorded in.
        table.AddColumn<long>("version").NotNull().AsPrimaryKey();
        table.AddColumn<Guid>("placement_id").NotNull();
        table.AddColumn<Guid>("entry_id").NotNull();
        table.AddColumn("date", "date").NotNull();
        table.AddColumn<int>("minutes").NotNull();
        table.AddColumn<Guid>("corrects_entry_id").AllowNulls();
        table.AddColumn<string>("reason").AllowNulls();
        // Who logged it and whether the office did so after the provider confirmed the month (contract v3c): "office" and
        // false for events recorded before v3c. Nullable only so the migration can add them to a table with rows; every
        // row written carries them, and HourRowsBackfill fills the rows written before the columns existed.
        table.AddColumn<string>("source").AllowNulls();
        table.AddColumn<bool>("after_confirmation").AllowNulls();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_placement") { Columns = ["placement_id", "version"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_person_date") { Columns = ["person_id", "date"] });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_entry") { Columns = ["entry_id"] });
        // The few corrections of a placement, found without reading its other entries: what a placement's newest entries
        // and its pages need to tell superseded entries and the effective total (PlacementHours).
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_corrections")
            { Columns = ["placement_id", "version"], Predicate = "corrects_entry_id is not null" });
        return table;
    }

    public const string TotalsTableName = "hour_totals";

    public static string QualifiedTotals(string schema) => $"{schema}.{TotalsTableName}";

    /// <summary>
    /// One row per placement with hour rows: how many entries it has and their effective minutes, kept with the rows in
    /// the same statement batch, so a placement's answer reads its totals by key instead of summing all its rows.
    /// </summary>
    public static Table TotalsTable(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TotalsTableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("placement_id").NotNull().AsPrimaryKey();
        table.AddColumn<Guid>("person_id").NotNull();
        table.AddColumn<int>("entries").NotNull();
        table.AddColumn<int>("minutes").NotNull();
        // Erasure folds a person's rows again and so their totals (delete, then add).
        table.Indexes.Add(new IndexDefinition($"ix_{TotalsTableName}_person") { Columns = ["person_id"] });
        return table;
    }

    // The minutes a correction (alias c) supersedes: the latest earlier entry of its original, the original itself (by the
    // entry index) or an earlier correction (by the corrections' partial index); 0 for an entry that is no correction.
    private static string Superseded(string schema) =>
        $"case when c.corrects_entry_id is null then 0 else coalesce((select q.minutes from (" +
        $"select p.minutes, p.version from {Qualified(schema)} p where p.entry_id = c.corrects_entry_id and p.placement_id = c.placement_id union all " +
        $"select p.minutes, p.version from {Qualified(schema)} p where p.placement_id = c.placement_id and p.corrects_entry_id = c.corrects_entry_id and p.version < c.version" +
        ") q order by q.version desc limit 1), 0) end";

    // Adds the rows selected (alias c) to their placements' totals: each row one entry, its minutes less those it supersedes.
    private static string AddToTotals(string schema, string rows) =>
        $"insert into {QualifiedTotals(schema)} as t (placement_id, person_id, entries, minutes) " +
        $"select c.placement_id, c.person_id, count(*)::int, sum(c.minutes - {Superseded(schema)})::int from {rows} " +
        "group by c.placement_id, c.person_id " +
        "on conflict (placement_id) do update set entries = t.entries + excluded.entries, minutes = t.minutes + excluded.minutes";

    /// <summary>Every placement's totals from its rows (the rebuild, the start-up backfill): the same sums the append path adds up.</summary>
    public static string TotalsFromRows(string schema) => AddToTotals(schema, $"{Qualified(schema)} c");

    /// <summary>Removes a person's rows and totals (erasure writes them again from the masked events with <see cref="Queue"/>).</summary>
    public static void DeletePerson(IDocumentOperations operations, string schema, Guid personId)
    {
        operations.QueueSqlCommand($"delete from {Qualified(schema)} where person_id = ?", personId);
        operations.QueueSqlCommand($"delete from {QualifiedTotals(schema)} where person_id = ?", personId);
    }

    private const string Columns = "person_id, version, placement_id, entry_id, date, minutes, corrects_entry_id, reason, source, after_confirmation";

    /// <summary>The column's text for a source: the enum value as the API and the stored events write it.</summary>
    public static string SourceText(HourSource source) => source switch
    {
        HourSource.Office => "office",
        HourSource.Provider => "provider",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    /// <summary>The source a column value names; null (a row written before the column existed) reads office.</summary>
    public static HourSource SourceOf(string? text) => text == "provider" ? HourSource.Provider : HourSource.Office;

    /// <summary>
    /// Queues the rows of the hour events among <paramref name="events"/> into the unit of work as one statement (arrays
    /// unnested by PostgreSQL), so they commit with the events and a bulk append writes them in one go; other events are skipped.
    /// </summary>
    public static void Queue(IDocumentOperations operations, string schema, IEnumerable<IEvent> events)
    {
        List<IEvent>? hours = null;
        foreach (var e in events)
            if (e.Data is HoursLogged or HoursCorrected) (hours ??= []).Add(e);
        if (hours is null) return;
        var persons = new Guid[hours.Count];
        var versions = new long[hours.Count];
        var placements = new Guid[hours.Count];
        var entries = new Guid[hours.Count];
        var dates = new DateOnly[hours.Count];
        var minutes = new int[hours.Count];
        var corrects = new Guid?[hours.Count];
        var reasons = new string?[hours.Count];
        var sources = new string[hours.Count];
        var afterConfirmation = new bool[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var e = hours[i];
            (persons[i], versions[i]) = (e.StreamId, e.Version);
            switch (e.Data)
            {
                case HoursLogged l:
                    (placements[i], entries[i], dates[i], minutes[i]) = (l.PlacementId, l.EntryId, l.Date, l.Minutes);
                    (sources[i], afterConfirmation[i]) = (SourceText(l.SourceOrOffice), l.AfterConfirmation == true);
                    break;
                case HoursCorrected c:
                    (placements[i], entries[i], dates[i], minutes[i], corrects[i], reasons[i]) =
                        (c.PlacementId, c.EntryId, c.Date, c.Minutes, c.CorrectsEntryId, c.Reason);
                    // Only the office corrects.
                    (sources[i], afterConfirmation[i]) = (SourceText(HourSource.Office), c.AfterConfirmation == true);
                    break;
            }
        }
        operations.QueueSqlCommand($"insert into {Qualified(schema)} ({Columns}) " +
            "select * from unnest(?::uuid[], ?::bigint[], ?::uuid[], ?::uuid[], ?::date[], ?::int[], ?::uuid[], ?::text[], ?::text[], ?::boolean[])",
            persons, versions, placements, entries, dates, minutes, corrects, reasons, sources, afterConfirmation);
        // After the rows (statements run in order): a correction's superseded entry may be among them. The new rows are
        // given as values, not joined back from the table: the planner cannot size an unnest and scanned the table for it.
        operations.QueueSqlCommand(AddToTotals(schema,
            "unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::int[], ?::uuid[]) c(person_id, placement_id, version, minutes, corrects_entry_id)"),
            persons, placements, versions, minutes, corrects);
    }

    /// <summary>
    /// The rows built from the stored events in one statement: the same columns <see cref="Queue"/> writes, taken from
    /// the events' JSON (RebuildTests.The_rebuilt_hour_rows_equal_the_rows_written_with_the_events proves both equal). Run inside a transaction after emptying the table.
    /// </summary>
    public static string InsertFromEvents(string schema) =>
        $"insert into {Qualified(schema)} ({Columns}) " +
        "select e.stream_id, e.version, (e.data ->> 'placementId')::uuid, (e.data ->> 'entryId')::uuid, (e.data ->> 'date')::date, " +
        "(e.data ->> 'minutes')::int, " +
        $"case when e.type = '{CorrectedType}' then (e.data ->> 'correctsEntryId')::uuid end, " +
        $"case when e.type = '{CorrectedType}' then e.data ->> 'reason' end, " +
        SourceAndConfirmation +
        $"from {schema}.mt_events e where e.type in ('{LoggedType}', '{CorrectedType}')";

    // The source and after-confirmation columns from an event's JSON (alias e), as Queue writes them: corrections and
    // events recorded before v3c (no source, no afterConfirmation) read office and false. lower(): the stored enum's
    // spelling is the event serializer's, not the API's.
    private const string SourceAndConfirmation =
        $"case when e.type = '{LoggedType}' and lower(e.data ->> 'source') = 'provider' then 'provider' else 'office' end, " +
        "coalesce((e.data ->> 'afterConfirmation')::boolean, false) ";

    /// <summary>
    /// Fills the source and after-confirmation columns of rows written before those columns existed (null there) from
    /// their events, in one statement; returns how many rows it filled. Stored events are not changed.
    /// </summary>
    public static string FillSourceFromEvents(string schema) =>
        $"update {Qualified(schema)} h set (source, after_confirmation) = ({SourceAndConfirmation}) " +
        $"from {schema}.mt_events e where h.source is null and e.stream_id = h.person_id and e.version = h.version " +
        $"and e.type in ('{LoggedType}', '{CorrectedType}')";

    // Marten's stored type names (snake case of the class name).
    public const string LoggedType = "hours_logged";
    public const string CorrectedType = "hours_corrected";
}

/// <summary>
/// Writes <see cref="HourRows"/> inline, in the transaction that appends the hour events: one statement per unit of
/// work, however many hour events it appends. Rebuilt set-based (HourRowsRebuild), not by the daemon. The table is
/// registered with Marten's schema objects (MartenSetup), so its migration creates and updates it.
/// </summary>
public sealed class HourRowsProjection(string schema) : IProjection
{
    /// <summary>The events it writes rows for; every other event is skipped.</summary>
    public static IReadOnlyList<Type> IncludedEventTypes => EventTypes.Hours;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        HourRows.Queue(operations, schema, events);
        return Task.CompletedTask;
    }
}
