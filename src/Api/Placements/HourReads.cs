using Weasel.Storage;
using Marten.Linq.QueryHandlers;
using Npgsql;
using NpgsqlTypes;
using System.Data.Common;
using Weasel.Postgresql;

namespace AGH.Api.Placements;

/// <summary>
/// Reads of the hour rows (<see cref="HourRows"/>): only the rows a command or view needs, each by index (a placement's
/// answer: <see cref="PlacementHours"/>). Whole ISO weeks are read where the rules count per week.
/// </summary>
public static class HourReads
{
    private static readonly string Table = HourRows.Qualified(MartenSetup.Schema);

    private static readonly string Select =
        $"select person_id, placement_id, entry_id, date, minutes, corrects_entry_id, reason, version, source, after_confirmation from {Table} h ";

    /// <summary>The person's entries of the ISO week holding <paramref name="date"/>, across placements.</summary>
    public static Task<HourLog> Week(IQuerySession session, Guid personId, DateOnly date, CancellationToken ct) =>
        One(session, ct, $"{Select}where h.person_id = @person and h.date between @monday and @sunday",
            ("person", personId), ("monday", HourRows.MondayOf(date)), ("sunday", HourRows.MondayOf(date).AddDays(6)));

    /// <summary>The same read as the overload on a session, as an item of a batch (the hour command's one round trip after the lock).</summary>
    public static Task<HourLog> Week(Marten.Services.BatchQuerying.IBatchedQuery batch, Guid personId, DateOnly date) =>
        batch.AddItem(new WeekHandler(personId, HourRows.MondayOf(date)));

    /// <summary>The week of the entry named (an original or a correction; a correction carries its original's date); empty when it does not exist.</summary>
    public static Task<HourLog> WeekOfEntry(IQuerySession session, Guid personId, Guid entryId, CancellationToken ct) =>
        One(session, ct,
            $"with target as (select date - (extract(isodow from date)::int - 1) as monday from {Table} where person_id = @person and entry_id = @entry limit 1) " +
            $"{Select}, target t where h.person_id = @person and h.date between t.monday and t.monday + 6",
            ("person", personId), ("entry", entryId));

    /// <summary>The person's weeks from the one holding <paramref name="day"/> on (an end, a refusal): at least all hours dated after it.</summary>
    public static Task<HourLog> After(IQuerySession session, Guid personId, DateOnly day, CancellationToken ct) =>
        One(session, ct, $"{Select}where h.person_id = @person and h.date >= @monday", ("person", personId), ("monday", HourRows.MondayOf(day)));

    /// <summary>
    /// Each person's hours from the week of the earliest refusal under their restrictions on (the review list), read in one
    /// query; persons without a restriction are not asked for.
    /// </summary>
    public static async Task<Dictionary<Guid, HourLog>> AfterRefusals(IQuerySession session, IReadOnlyList<Person> persons, CancellationToken ct)
    {
        var from = persons
            .Select(p => (p.Id, Refusals: p.Proposals.Values.Where(x => x.Restriction is not null).Select(x => SanctionDecisions.RefusalDate(p, x.ProposalId)).ToList()))
            .Where(x => x.Refusals.Count > 0)
            .ToDictionary(x => x.Id, x => HourRows.MondayOf(x.Refusals.Min()));
        if (from.Count == 0) return [];
        var rows = await Rows(session, ct, $"{Select}where h.person_id = any(@persons) and h.date >= @monday",
            ("persons", from.Keys.ToArray()), ("monday", from.Values.Min()));
        return rows.Where(r => r.Entry.Date >= from[r.PersonId]).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => Log(g));
    }

    /// <summary>The entries of these placements dated between two days (a timesheet's month; a correction carries its original's date).</summary>
    public static Task<HourLog> OfPlacements(IQuerySession session, Guid[] placements, DateOnly from, DateOnly to, CancellationToken ct) =>
        One(session, ct, $"{Select}where h.placement_id = any(@placements) and h.date between @from and @to",
            ("placements", placements), ("from", from), ("to", to));

    public static Task<HourLog> OfPerson(IQuerySession session, Guid personId, CancellationToken ct) =>
        One(session, ct, $"{Select}where h.person_id = @person", ("person", personId));

    /// <summary>Every person's hours of the weeks that begin in or before a day (a payout run's month): at least all dated in or before it.</summary>
    public static async Task<Dictionary<Guid, HourLog>> UpTo(IQuerySession session, DateOnly lastDay, CancellationToken ct)
    {
        var rows = await Rows(session, ct, $"{Select}where h.date <= @sunday", ("sunday", HourRows.MondayOf(lastDay).AddDays(6)));
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => Log(g));
    }

    private static HourLog Log(IEnumerable<(Guid PersonId, HourEntry Entry)> rows) => new(rows.Select(r => r.Entry).OrderBy(e => e.Version));

    private static async Task<HourLog> One(IQuerySession session, CancellationToken ct, string sql, params (string Name, object Value)[] parameters) =>
        Log(await Rows(session, ct, sql, parameters));

    private static async Task<List<(Guid PersonId, HourEntry Entry)>> Rows(IQuerySession session, CancellationToken ct, string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value));
        var rows = new List<(Guid, HourEntry)>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    private static (Guid PersonId, HourEntry Entry) Read(DbDataReader reader) =>
        (reader.GetGuid(0), new HourEntry(reader.GetGuid(1), reader.GetGuid(2), reader.GetFieldValue<DateOnly>(3), reader.GetInt32(4),
            reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7),
            HourRows.SourceOf(reader.IsDBNull(8) ? null : reader.GetString(8)), !reader.IsDBNull(9) && reader.GetBoolean(9)));

    /// <summary>The week read as a batch item: Marten sends it after the batch's earlier statements, in the same round trip.</summary>
    private sealed class WeekHandler(Guid personId, DateOnly monday) : IQueryHandler<HourLog>
    {
        public void ConfigureCommand(ICommandBuilder builder, IStorageSession session)
        {
            builder.Append($"{Select}where h.person_id = ");
            builder.AppendParameter(personId);
            builder.Append(" and h.date between ");
            builder.AppendParameter(monday);
            builder.Append(" and ");
            builder.AppendParameter(monday.AddDays(6));
        }

        public HourLog Handle(DbDataReader reader, IStorageSession session)
        {
            var rows = new List<(Guid, HourEntry)>();
            while (reader.Read()) rows.Add(Read(reader));
            return Log(rows);
        }

        public async Task<HourLog> HandleAsync(DbDataReader reader, IStorageSession session, CancellationToken token)
        {
            var rows = new List<(Guid, HourEntry)>();
            while (await reader.ReadAsync(token)) rows.Add(Read(reader));
            return Log(rows);
        }

        public Task<int> StreamJson(Stream stream, DbDataReader reader, CancellationToken token) => throw new NotSupportedException();
    }
}
