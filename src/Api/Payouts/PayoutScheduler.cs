using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Payouts;
using Cronos;

namespace AGH.Api.Payouts;

/// <summary>Configuration "Payouts:Schedule".</summary>
public sealed class PayoutScheduleSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>When the previous month's run is prepared, in Europe/Berlin: the 1st at 02:00.</summary>
    public string Cron { get; set; } = "0 2 1 * *";
}

/// <summary>
/// Prepares the previous month's run at the scheduled time. On start it catches up a run that fell due while the
/// service was down. "Never twice" does not depend on this class: a month's run id is fixed per attempt, so any second
/// attempt, from a restart or another node, finds or collides with the first. A month whose run payroll rejected is
/// not prepared again by the schedule; payroll prepares it anew.
/// </summary>
public sealed class PayoutScheduler(
    IServiceScopeFactory scopes,
    TimeProvider time,
    PayoutScheduleSettings settings,
    ILogger<PayoutScheduler> log) : BackgroundService
{
    public static readonly Actor System = new(PayoutRun.Schedule, "Automatischer Auszahlungslauf", Roles.Payroll, null);

    private readonly CronExpression _cron = CronExpression.Parse(settings.Cron);

    /// <summary>Completes each time a scheduled attempt finished, with the month it handled (for operators' logs and tests).</summary>
    public event Action<Month, int>? Attempted;

    /// <summary>The month whose run is due at <paramref name="now"/>: the month before the latest scheduled time that has passed.</summary>
    public Month? DueMonth(DateTimeOffset now)
    {
        var from = now.AddDays(-62);
        DateTimeOffset? last = null;
        foreach (var occurrence in _cron.GetOccurrences(from, now, Clock.Berlin, fromInclusive: true, toInclusive: true))
            last = occurrence;
        return last is { } at ? Month.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Clock.Berlin).DateTime)).Previous : null;
    }

    /// <summary>Prepares the run due now unless it exists; returns the HTTP-like status (201 prepared, 200 existed, 422 not due).</summary>
    public async Task<int> RunDue(CancellationToken ct)
    {
        if (DueMonth(time.GetUtcNow()) is not { } month) return 204;
        await using var scope = scopes.CreateAsyncScope();
        var preparer = scope.ServiceProvider.GetRequiredService<PayoutPreparer>();
        if (await preparer.Exists(month, ct))
        {
            Attempted?.Invoke(month, 200);
            return 200;
        }
        var result = await preparer.Prepare(System, month, ct, afterRejection: false);
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 500;
        log.LogInformation("Scheduled payout run for {Month}: {Status}", month, status);
        Attempted?.Invoke(month, status);
        return status;
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            log.LogInformation("Scheduled payout runs are switched off (Payouts:Schedule:Enabled=false)");
            return;
        }
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await RunDue(ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scheduled payout run failed; it is retried at the next check");
            }
            var now = time.GetUtcNow();
            var next = _cron.GetNextOccurrence(now, Clock.Berlin) ?? now.AddDays(1);
            // Re-check at least hourly, so an outage at the scheduled minute is caught up soon after.
            var wait = TimeSpan.FromTicks(Math.Min((next - now).Ticks, TimeSpan.FromHours(1).Ticks));
            await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, time, ct);
        }
    }
}
