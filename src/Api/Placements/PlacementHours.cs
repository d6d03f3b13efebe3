using System.Buffers;
using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace AGH.Api.Placements;

/// <summary>
/// A placement's <c>hours</c> and <c>minutesLogged</c>, read as plain rows of the placement's hour rows
/// (<see cref="HourRows"/>, by the (placement_id, version) index) and written by the answer's serializer straight from
/// those rows. The answer carries every entry (2,000 after a year), so no entry or DTO object is made per entry, and nothing
/// the size of the answer is allocated. The JSON is the serializer's for <see cref="HourEntryDto"/> (names, order,
/// formats, escaping); superseded is decided as <see cref="HourLog.Effective"/> decides it: the latest entry per
/// original, in recorded order, counts.
/// </summary>
public sealed class PlacementHours : IReadOnlyList<HourEntryDto>, IDisposable
{
    private Row[]? _rows;

    private PlacementHours(Row[]? rows, int count, int minutesLogged, int total) =>
        (_rows, Count, MinutesLogged, Total) = (rows, count, minutesLogged, total);

    public static readonly PlacementHours Empty = new(null, 0, 0, 0);

    /// <summary>The entries held (and written): all of them, or the newest <see cref="NewestLimit"/>, or one page.</summary>
    public int Count { get; }

    /// <summary>The effective minutes of all the placement's entries, also where only some are held.</summary>
    public int MinutesLogged { get; }

    /// <summary>How many entries the placement has, also where only some are held (hoursTotal).</summary>
    public int Total { get; }

    /// <summary>The most entries a placement's answer carries (the newest); the others are read by page (GET /api/placements/{id}/hours).</summary>
    public const int NewestLimit = 100;

    /// <summary>The largest page of GET /api/placements/{id}/hours.</summary>
    public const int MaxPageLimit = 1000;

    public HourEntryDto this[int index] => (uint)index < (uint)Count ? _rows![index].Dto() : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<HourEntryDto> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return _rows![i].Dto();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gives the rows back to the pool; call once the answer is written (<c>RegisterForDispose</c>).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rows, null) is { } rows) ArrayPool<Row>.Shared.Return(rows, clearArray: true);
    }

    private readonly record struct Row(Guid EntryId, DateOnly Date, int Minutes, Guid? CorrectsEntryId, string? Reason, long Version, bool Superseded,
        HourSource Source, bool AfterConfirmation)
    {
        public HourEntryDto Dto() => new(EntryId, Date, Minutes, CorrectsEntryId, Reason, Superseded, Source, AfterConfirmation);
    }

    // Rows of several placements may come interleaved; they are put in recorded order here.
    private static readonly string Sql =
        "select placement_id, entry_id, date, minutes, corrects_entry_id, reason, version, source, after_confirmation " +
        $"from {HourRows.Qualified(MartenSetup.Schema)} where placement_id = any(@placements)";

    /// <summary>The hours of one placement.</summary>
    public static async Task<PlacementHours> Of(IQuerySession session, Placement placement, CancellationToken ct) =>
        (await Of(session, [placement], ct)).GetValueOrDefault(placement.PlacementId, Empty);

    /// <summary>The hours of several placements in one query, by placement id (a placement without entries is absent).</summary>
    public static async Task<Dictionary<Guid, PlacementHours>> Of(IQuerySession session, IReadOnlyCollection<Placement> placements, CancellationToken ct)
    {
        var result = new Dictionary<Guid, PlacementHours>();
        if (placements.Count == 0) return result;
        await using var command = new NpgsqlCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter("placements", NpgsqlDbType.Array | NpgsqlDbType.Uuid)
            { Value = placements.Select(p => p.PlacementId).ToArray() });
        var rows = new Dictionary<Guid, (Row[] Rows, int Count)>();
        await using (var reader = await session.ExecuteReaderAsync(command, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var placementId = reader.GetGuid(0);
                var (list, count) = rows.GetValueOrDefault(placementId);
                list = Room(list, count);
                list[count] = new Row(reader.GetGuid(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6), false,
                    HourRows.SourceOf(reader.IsDBNull(7) ? null : reader.GetString(7)), !reader.IsDBNull(8) && reader.GetBoolean(8));
                rows[placementId] = (list, count + 1);
            }
        }
        foreach (var (placementId, (list, count)) in rows) result[placementId] = Effective(list, count);
        return result;
    }

    private static readonly string Columns =
        "entry_id, date, minutes, corrects_entry_id, reason, version, source, after_confirmation";

    private static readonly string Table = HourRows.Qualified(MartenSetup.Schema);

    // How many entries and their effective minutes, kept per placement with the rows (HourRows.TotalsTable): one row by
    // key, so the answer sums nothing however many entries the placement has. No row: no entries.
    private static readonly string TotalsSql =
        $"select coalesce(max(entries), 0), coalesce(max(minutes), 0) from {HourRows.QualifiedTotals(MartenSetup.Schema)} where placement_id = @placement";

    // Npgsql prepares a statement after its fifth use, and PostgreSQL then plans it once for the average placement
    // (a dozen entries): a bitmap scan of all the placement's rows and a sort, which grows with a placement of 2,000.
    // Planned for the placement at hand, the read walks the (placement_id, version) index and stops after its rows.
    // Local to the batch's implicit transaction, so the connection goes back to the pool unchanged.
    private const string PlanForThisPlacement = "select set_config('plan_cache_mode', 'force_custom_plan', true)";

    /// <summary>
    /// The placement's newest <see cref="NewestLimit"/> entries in recorded order, with the count and effective minutes of
    /// all (one round trip). Superseded is decided on these rows alone: a correction is recorded after what it supersedes.
    /// </summary>
    public static async Task<PlacementHours> Newest(IQuerySession session, Placement placement, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"{PlanForThisPlacement}; {TotalsSql}; select {Columns} from {Table} where placement_id = @placement order by version desc limit {NewestLimit}");
        command.Parameters.Add(new NpgsqlParameter("placement", NpgsqlDbType.Uuid) { Value = placement.PlacementId });
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var (total, minutes) = (reader.GetInt32(0), reader.GetInt32(1));
        await reader.NextResultAsync(ct);
        var (rows, count) = await ReadRows(reader, ct, _ => false);
        if (count == 0) return new PlacementHours(null, 0, minutes, total);
        // Marks the superseded among them; its sum of their minutes is not the placement's.
        Effective(rows!, count);
        return new PlacementHours(rows, count, minutes, total);
    }

    /// <summary>
    /// One page of all the placement's entries in recorded order: at most <paramref name="limit"/> recorded after the
    /// entry <paramref name="after"/> (its version), and whether more follow. Superseded is decided against every later
    /// correction (by their partial index), so an entry reads the same on any page as in the placement's answer.
    /// </summary>
    public static async Task<(PlacementHours Page, bool More)> Page(IQuerySession session, Guid placementId, int limit, long after,
        DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"{PlanForThisPlacement}; {TotalsSql}; " +
            $"select {Columns}, exists (select 1 from {Table} c where c.placement_id = h.placement_id and c.corrects_entry_id is not null " +
            "and c.corrects_entry_id = coalesce(h.corrects_entry_id, h.entry_id) and c.version > h.version) " +
            $"from {Table} h where h.placement_id = @placement and h.version > @after " +
            // Dates filter the placement's rows (by its index, in recorded order); a correction carries its original's date.
            (from is null ? "" : "and h.date >= @from ") + (to is null ? "" : "and h.date <= @to ") +
            "order by h.version limit @limit");
        if (from is { } f) command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = f });
        if (to is { } t) command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = t });
        command.Parameters.Add(new NpgsqlParameter("placement", NpgsqlDbType.Uuid) { Value = placementId });
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Bigint) { Value = after });
        // One more than asked: whether a next page exists, without an empty last page.
        command.Parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit + 1 });
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(ct);
        var (rows, count) = await ReadRows(reader, ct, r => r.GetBoolean(8));
        var more = count > limit;
        count = Math.Min(count, limit);
        return (new PlacementHours(rows, count, 0, total), more);
    }

    /// <summary>The version (recorded position) of one of the placement's entries, or null when it has none by that id.</summary>
    public static async Task<long?> VersionOf(IQuerySession session, Guid placementId, Guid entryId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select version from {Table} where entry_id = @entry and placement_id = @placement");
        command.Parameters.Add(new NpgsqlParameter("placement", NpgsqlDbType.Uuid) { Value = placementId });
        command.Parameters.Add(new NpgsqlParameter("entry", NpgsqlDbType.Uuid) { Value = entryId });
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        return await reader.ReadAsync(ct) ? reader.GetInt64(0) : null;
    }

    /// <summary>Rows of <see cref="Columns"/> (and a superseded column where <paramref name="superseded"/> reads one) into a pooled array.</summary>
    private static async Task<(Row[]? Rows, int Count)> ReadRows(DbDataReader reader, CancellationToken ct, Func<DbDataReader, bool> superseded)
    {
        Row[]? list = null;
        var count = 0;
        while (await reader.ReadAsync(ct))
        {
            list = Room(list, count);
            list[count++] = new Row(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), superseded(reader),
                HourRows.SourceOf(reader.IsDBNull(6) ? null : reader.GetString(6)), !reader.IsDBNull(7) && reader.GetBoolean(7));
        }
        return (list, count);
    }

    /// <summary>The pooled array itself while it has room for one more row, else a pooled one twice its size holding its rows.</summary>
    private static Row[] Room(Row[]? list, int count)
    {
        if (list is not null && count < list.Length) return list;
        var larger = ArrayPool<Row>.Shared.Rent(Math.Max(64, count * 2));
        if (list is null) return larger;
        Array.Copy(list, larger, count);
        ArrayPool<Row>.Shared.Return(list, clearArray: true);
        return larger;
    }

    /// <summary>
    /// Where only the newest entries are held: names the route that pages through all of them in Link (rel="hours"),
    /// so a client sees that entries were left out without comparing counts.
    /// </summary>
    public static void AnnounceAll(HttpContext http, Guid placementId, PlacementHours hours)
    {
        if (hours.Total > hours.Count)
            http.Response.Headers.Link = $"<{http.Request.PathBase}/api/placements/{placementId}/hours?limit={MaxPageLimit}>; rel=\"hours\"";
    }

    /// <summary>The version of the last entry held (the cursor of the next page).</summary>
    public long LastVersion => Count == 0 ? 0 : _rows![Count - 1].Version;

    /// <summary>The id of the last entry held (what a client passes as after).</summary>
    public Guid LastEntryId => _rows![Count - 1].EntryId;

    private static PlacementHours Effective(Row[] rows, int count)
    {
        // Recorded order (the person's stream version), as HourLog keeps it; a placement's entries are one person's.
        Array.Sort(rows, 0, count, ByVersion.Instance);
        // A correction names its original and is recorded after it: an entry is superseded by a later one of its original.
        Dictionary<Guid, int>? lastCorrection = null;
        for (var i = 0; i < count; i++)
            if (rows[i].CorrectsEntryId is { } original) (lastCorrection ??= [])[original] = i;
        var minutes = 0;
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (lastCorrection is not null && lastCorrection.TryGetValue(row.CorrectsEntryId ?? row.EntryId, out var last) && last > i)
                rows[i] = row with { Superseded = true };
            else
                minutes += row.Minutes;
        }
        return new PlacementHours(rows, count, minutes, count);
    }

    private sealed class ByVersion : IComparer<Row>
    {
        public static readonly ByVersion Instance = new();

        public int Compare(Row a, Row b) => a.Version.CompareTo(b.Version);
    }

    private static readonly JsonEncodedText EntryIdName = JsonEncodedText.Encode("entryId");
    private static readonly JsonEncodedText DateName = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText MinutesName = JsonEncodedText.Encode("minutes");
    private static readonly JsonEncodedText CorrectsEntryIdName = JsonEncodedText.Encode("correctsEntryId");
    private static readonly JsonEncodedText ReasonName = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText SupersededName = JsonEncodedText.Encode("superseded");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText AfterConfirmationName = JsonEncodedText.Encode("afterConfirmation");
    private static readonly JsonEncodedText OfficeText = JsonEncodedText.Encode(HourRows.SourceText(HourSource.Office));
    private static readonly JsonEncodedText ProviderText = JsonEncodedText.Encode(HourRows.SourceText(HourSource.Provider));

    /// <summary>What the serializer writes for the entries as <see cref="HourEntryDto"/> objects, without making them.</summary>
    private void Write(Utf8JsonWriter writer)
    {
        // The serializer's text for a DateOnly, formatted without a string per row.
        Span<char> date = stackalloc char[10];
        writer.WriteStartArray();
        for (var i = 0; i < Count; i++)
        {
            var row = _rows![i];
            writer.WriteStartObject();
            writer.WriteString(EntryIdName, row.EntryId);
            row.Date.TryFormat(date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteString(DateName, date);
            writer.WriteNumber(MinutesName, row.Minutes);
            if (row.CorrectsEntryId is { } corrects) writer.WriteString(CorrectsEntryIdName, corrects);
            else writer.WriteNull(CorrectsEntryIdName);
            if (row.Reason is { } reason) writer.WriteString(ReasonName, reason);
            else writer.WriteNull(ReasonName);
            writer.WriteBoolean(SupersededName, row.Superseded);
            writer.WriteString(SourceName, row.Source == HourSource.Provider ? ProviderText : OfficeText);
            writer.WriteBoolean(AfterConfirmationName, row.AfterConfirmation);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// The answer's serializer options: the host's, plus writing a <see cref="PlacementHours"/> from its rows. Kept apart
    /// from the host's options, so the OpenAPI document still describes <c>hours</c> as the array of entries it is.
    /// </summary>
    public static JsonSerializerOptions AnswerOptions(HttpContext http) =>
        _answerOptions ??= WithConverter(http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions);

    private static JsonSerializerOptions? _answerOptions;

    private static JsonSerializerOptions WithConverter(JsonSerializerOptions host)
    {
        var options = new JsonSerializerOptions(host);
        options.Converters.Add(new Converter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Answers 200 with <paramref name="value"/>, its hours written from their rows, which go back to the pool afterwards.</summary>
    public static IResult Answer<T>(HttpContext http, T value, IEnumerable<PlacementHours> hours)
    {
        var held = 0;
        foreach (var h in hours)
        {
            http.Response.RegisterForDispose(h);
            held += h.Count;
        }
        // A list with every entry of its placements is streamed; one placement or one page is written at once.
        return held <= MaxPageLimit
            ? new Buffered(JsonSerializer.SerializeToUtf8Bytes(value, value!.GetType(), AnswerOptions(http)))
            : Results.Json(value, AnswerOptions(http));
    }

    /// <summary>
    /// The JSON sent with Content-Length in one write: streamed, the serializer flushes a chunk every 16 KB and Kestrel
    /// ends with a chunk of its own, each a send to the client. The status stays as set (201 for a command's answer).
    /// </summary>
    private sealed class Buffered(byte[] body) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body, http.RequestAborted).AsTask();
        }
    }

    private sealed class Converter : JsonConverter<IReadOnlyList<HourEntryDto>>
    {
        public override IReadOnlyList<HourEntryDto> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<List<HourEntryDto>>(ref reader, options)!;

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<HourEntryDto> value, JsonSerializerOptions options)
        {
            if (value is PlacementHours hours)
            {
                hours.Write(writer);
                return;
            }
            writer.WriteStartArray();
            foreach (var entry in value) JsonSerializer.Serialize(writer, entry, options);
            writer.WriteEndArray();
        }
    }
}
