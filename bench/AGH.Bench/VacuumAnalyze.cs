using Npgsql;

namespace AGH.Bench;

/// <summary>
/// What autovacuum would have done long before in a service that ran for months (visibility map, statistics), done at
/// once after a phase's generated data, so the phase measures the steady state and not the minute after a bulk load.
/// </summary>
public static class VacuumAnalyze
{
    public static async Task Run(NpgsqlDataSource data)
    {
        await using var vacuum = data.CreateCommand("VACUUM ANALYZE");
        vacuum.CommandTimeout = 600;
        await vacuum.ExecuteNonQueryAsync();
    }
}
