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
