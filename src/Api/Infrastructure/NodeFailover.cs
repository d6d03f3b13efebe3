using Wolverine;

namespace AGH.Api.Infrastructure;

/// <summary>
/// How fast the other nodes take over from a node that died without saying goodbye (SIGKILL, power loss): Wolverine's
/// defaults (health check every 10 s, stale after 1 min) leave the quota projections, the payout schedule and the
/// dead node's durable messages unowned for over a minute. A node that misses its health checks for 15 s is treated
/// as dead; its agents move to the live nodes.
/// </summary>
public static class NodeFailover
{
    public static readonly TimeSpan HealthCheckPollingTime = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan StaleNodeTimeout = TimeSpan.FromSeconds(15);

    public static void Apply(WolverineOptions opts)
    {
        opts.Durability.HealthCheckPollingTime = HealthCheckPollingTime;
        opts.Durability.StaleNodeTimeout = StaleNodeTimeout;
    }
}
