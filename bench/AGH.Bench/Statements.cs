using System.Text.Json.Nodes;
using Npgsql;

namespace AGH.Bench;

/// <summary>
/// Statement counts from <c>pg_stat_statements</c> (loaded by scripts/bench.sh in the throwaway cluster only): reset
/// before a load, read after it. Against a cluster without the library every figure is reported as missing.
/// </summary>
public sealed class Statements
{
    private readonly string _connection;

    private Statements(string connection) => _connection = connection;

    /// <summary>The extension in the service's database, or null when the server has not loaded the library.</summary>
    public static async Task<Statements?> Enable(string connection)
    {
        try
        {
            await using var data = NpgsqlDataSource.Create(connection);
            await using (var create = data.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
                await create.ExecuteNonQueryAsync();
            var s = new Statements(connection);
            await s.Reset();
            return s;
        }
        catch (PostgresException e)
        {
            BenchMain.Log($"pg_stat_statements not available ({e.SqlState}: {e.MessageText}); statements per command not measured");
            return null;
        }
    }

    public async Task Reset()
    {
        await using var data = NpgsqlDataSource.Create(_connection);
        await using var cmd = data.CreateCommand("SELECT pg_stat_statements_reset()");
        await cmd.ExecuteNonQueryAsync();
    }

    public sealed record Statement(long Calls, double TotalMs, long Rows, string Query);

    /// <summary>Every statement of this database since the reset, most calls first; the bench's own look-ups left out.</summary>
    public async Task<List<Statement>> Read()
    {
        await using var data = NpgsqlDataSource.Create(_connection);
        await using var cmd = data.CreateCommand(
            "SELECT calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements " +
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%' " +
            "ORDER BY calls DESC, total_exec_time DESC");
        var list = new List<Statement>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(new Statement(reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), reader.GetString(3)));
        return list;
    }

    /// <summary>Figures per command into the results, the top statements (queries cut to 200 characters) as text details.</summary>
    public static void Report(Results r, List<Statement> all, long commands, string prefix)
    {
        var n = Math.Max(1, commands);
        var calls = all.Sum(x => x.Calls);
        r.Detail($"{prefix}StatementCalls", calls);
        r.Detail($"{prefix}StatementMsPerCommand", all.Sum(x => x.TotalMs) / n);
        var top = new JsonArray();
        foreach (var x in all.Take(15))
            top.Add(new JsonObject
            {
                ["perCommand"] = Math.Round((double)x.Calls / n, 3),
                ["calls"] = x.Calls,
                ["meanMs"] = Math.Round(x.TotalMs / Math.Max(1, x.Calls), 3),
                ["query"] = x.Query.Length > 200 ? x.Query[..200] + "…" : x.Query,
            });
        r.Text($"{prefix}TopStatements", top);
        // Where PostgreSQL's execution time went: the same statements by their total time, per command.
        var byTime = new JsonArray();
        foreach (var x in all.OrderByDescending(x => x.TotalMs).Take(10))
            byTime.Add(new JsonObject
            {
                ["msPerCommand"] = Math.Round(x.TotalMs / n, 4),
                ["perCommand"] = Math.Round((double)x.Calls / n, 3),
                ["calls"] = x.Calls,
                ["query"] = x.Query.Length > 200 ? x.Query[..200] + "…" : x.Query,
            });
        r.Text($"{prefix}TopStatementsByTime", byTime);
        BenchMain.Log($"{prefix}: {calls} statement calls over {commands} commands = {(double)calls / n:0.00} per command, " +
                      $"{all.Sum(x => x.TotalMs) / n:0.000} ms execution per command; top:");
        foreach (var x in all.Take(15))
            BenchMain.Log($"  {(double)x.Calls / n,7:0.000}/cmd {x.TotalMs / Math.Max(1, x.Calls),8:0.000} ms  {(x.Query.Length > 150 ? x.Query[..150] + "…" : x.Query)}");
    }
}
