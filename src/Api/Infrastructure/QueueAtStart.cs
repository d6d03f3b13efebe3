using Wolverine;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A scheduled job's message queued once at start, for the occurrence that fell due while no node ran: Wolverine's
/// schedule fires only for occurrences ahead of it. Every node may queue it; the job's handler makes the repeat harmless.
/// </summary>
public abstract class QueueAtStart(bool enabled, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger log) : BackgroundService
{
    protected abstract object Message();

    /// <summary>Logged instead when the job is switched off.</summary>
    protected abstract string SwitchedOff { get; }

    /// <summary>The log template (with {Error}) when the message could not be queued.</summary>
    protected abstract string NotQueued { get; }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!enabled)
        {
            log.LogInformation(SwitchedOff);
            return;
        }
        // Wolverine starts with the host, after this service: wait for the host to have started.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (ct.Register(() => started.TrySetCanceled(ct)))
            await started.Task;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // A durable local message: retried if the database is away at start.
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(Message());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(NotQueued, e.GetType().Name);
        }
    }
}
