using Wolverine;

namespace AGH.Api.Payouts;

/// <summary>Configuration "Payouts:Schedule".</summary>
public sealed class PayoutScheduleSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>When the previous month's run is prepared, in Europe/Berlin: the 1st at 02:00.</summary>
    public string Cron { get; set; } = "0 2 1 * *";
}

/// <summary>
/// The monthly payout run as a Wolverine recurring message: one agent in the cluster keeps the next occurrence as a
/// durable scheduled message, so it is handled once however many nodes run. "Never twice" does not depend on that
/// either: the handler prepares a month only when it has no run at all, under the ledger's lock.
/// </summary>
public sealed class PayoutSchedule(PayoutScheduleSettings settings)
{
    public const string Name = "monthly-payout-run";

    public static readonly Actor System = new(PayoutRun.Schedule, "Automatischer Auszahlungslauf", Roles.Payroll, null);

    public CronSchedule Cron { get; } = new(settings.Cron, Clock.Berlin);

    public bool Enabled => settings.Enabled;

    /// <summary>The month whose run is due at <paramref name="now"/>: the month before the latest scheduled time that has passed.</summary>
    public Month? DueMonth(DateTimeOffset now)
    {
        DateTimeOffset? last = null;
        for (var at = Cron.NextOccurrence(now.AddDays(-62)); at is { } next && next <= now; at = Cron.NextOccurrence(next))
            last = next;
        return last is { } due ? Month.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, Clock.Berlin).DateTime)).Previous : null;
    }

    public static void Register(WolverineOptions opts, PayoutScheduleSettings settings)
    {
        if (!settings.Enabled) return;
        // A durable scheduled message, not an in-memory timer: an occurrence survives restarts and is handled once.
        opts.Schedules.ScheduleRecurring(Name, new CronSchedule(settings.Cron, Clock.Berlin), at => new PrepareScheduledPayoutRun(at))
            .UseScheduledMessages();
    }
}

/// <summary>The schedule's occurrence (or a start-up catch-up) at <paramref name="At"/>: prepare the run then due.</summary>
public sealed record PrepareScheduledPayoutRun(DateTimeOffset At);

public static class PrepareScheduledPayoutRunHandler
{
    /// <summary>The schedule leaves a month alone once it has any run, also a rejected one: that month is payroll's.</summary>
    public static async Task Handle(PrepareScheduledPayoutRun message, IDocumentSession session, PayoutSchedule schedule, PayoutSettings settings,
        Clock clock, ILogger<PayoutSchedule> log, CancellationToken ct)
    {
        if (schedule.DueMonth(message.At) is not { } month) return;
        var outcome = await PayoutPreparation.Prepare(session, PayoutSchedule.System, month, settings.RateTable, clock.Today, afterRejection: false, ct,
            settings.RequireConfirmation);
        log.LogInformation("Scheduled payout run for {Month}: {Outcome}", month,
            outcome.Rejection?.Code ?? (outcome.Created ? "prepared" : "exists"));
    }
}

/// <summary>
/// At start, the run that fell due while no node ran is prepared: Wolverine's schedule fires only for occurrences
/// ahead of it. Every node asks; the handler prepares a month once.
/// </summary>
public sealed class PayoutCatchUp(PayoutSchedule schedule, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, Clock clock,
    ILogger<PayoutCatchUp> log) : QueueAtStart(schedule.Enabled, scopes, lifetime, log)
{
    // Handled once per month by the data.
    protected override object Message() => new PrepareScheduledPayoutRun(clock.Now);
    protected override string SwitchedOff => "Scheduled payout runs are switched off (Payouts:Schedule:Enabled=false)";
    protected override string NotQueued => "The payout run's catch-up could not be queued: {Error}; the next occurrence prepares it";
}
