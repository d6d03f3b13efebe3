using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AGH.Api.Infrastructure;

/// <summary>Ready means the database answers, within a short timeout so probes never hang.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var probe = Probe(timeout.Token);
        try
        {
            // The token alone does not bound the wait: while the database host does not answer at all (a network
            // partition rather than a refused connection), Npgsql's connect waits out its own Timeout (15 s by default)
            // regardless of cancellation. WaitAsync answers after the probe timeout; the probe finishes on its own.
            await probe.WaitAsync(Timeout, ct);
            return HealthCheckResult.Healthy("database reachable");
        }
        catch (Exception e)
        {
            _ = probe.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return HealthCheckResult.Unhealthy("database unreachable", e is OperationCanceledException or TimeoutException ? null : e);
        }
    }

    private async Task Probe(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        await session.QueryAsync<int>("select 1", ct);
    }
}
