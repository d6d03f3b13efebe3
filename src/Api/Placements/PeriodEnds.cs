using JasperFx;
using Wolverine;

namespace AGH.Api.Placements;

/// <summary>Configuration "Placements": when the job that records the end of placements whose period ran out runs.</summary>
public sealed class PeriodEndSettings
{
    /// <summary>Off: neither the daily run nor the run at start (the one-shot command still works).</summary>
    public bool PeriodEndScheduleEnabled { get; set; } = true;

    /// <summary>Daily at 00:05 Europe/Berlin, just after the day a period ended.</summary>
    public string PeriodEndCron { get; set; } = "5 0 * * *";
}

/// <summary>
/// Records the end of each placement whose Heranziehungsbescheid's period (<c>until</c>) has passed: PlacementEnded
/// (<c>period-ended</c>, on <c>until</c>) and PlaceReleased, as ending by hand records them, so the offer, the quota and
/// every view counting places see the place free. Until it ran the placement already reads ended (computed from today).
/// Each placement is ended under the locks a caseworker's command takes (offer, then person) with the expected
/// versions: a placement ended meanwhile is left alone, so a second run records nothing.
/// </summary>
public sealed class PeriodEnds(IDocumentStore store, Clock clock, ILogger<PeriodEnds> log)
{
    public static readonly Actor System = new("system:placements", "Ablauf der Befristung", Roles.Caseworker, null);

    /// <summary>Ends every placement whose period has run out and that is not ended yet; returns how many it ended.</summary>
    public async Task<int> EndExpired(CancellationToken ct)
    {
        var today = clock.Today;
        List<PlacementIndex> candidates;
        await using (var query = store.QuerySession())
            candidates = [.. await query.Query<PlacementIndex>().Where(p => p.Active && p.Until != null && p.Until < today).ToListAsync(ct)];
        var ended = 0;
        foreach (var index in candidates)
            if (await End(index, today, ct)) ended++;
        if (ended > 0) log.LogInformation("Placements: recorded the end of {Count} placements whose period ran out", ended);
        return ended;
    }

    private async Task<bool> End(PlacementIndex index, DateOnly today, CancellationToken ct)
    {
        // A caseworker's command on the same streams holds the lock meanwhile: this waits for it and then decides on what
        // it recorded. Should a write slip past (a stream version moved), the next attempt decides afresh.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryEnd(index, today, ct);
            }
            catch (Exception e) when ((e is ConcurrencyException or EventStreamUnexpectedMaxEventIdException) && attempt < 3)
            {
                log.LogInformation("Placements: placement {Placement} changed while its period end was recorded; deciding again", index.Id);
            }
        }
    }

    private async Task<bool> TryEnd(PlacementIndex index, DateOnly today, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Offer before person, as every command locks them.
        var offer = await Streams.Offer(session, index.OfferId, ct);
        if (CommandStreams.Placed(await Streams.Person(session, index.PersonId, ct), index.Id) is not { } placed) return false;
        var decision = PlacementDecisions.EndPeriod(placed.Person, placed.Placement, today);
        if (decision.IsRejected) return false;
        CommandActor.Set(session, System);
        Streams.Append(session, decision, offer is null ? [Streams.Of(placed.Stream)] : [Streams.Of(placed.Stream), Streams.Of(offer)]);
        await session.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>
/// The daily run as a Wolverine recurring message, and once at start (<see cref="PeriodEndsAtStart"/>);
/// `dotnet run --project src/Api -- placements end-periods` runs it once.
/// </summary>
public sealed record EndExpiredPlacementPeriods(DateTimeOffset At)
{
    public const string Name = "daily-placement-period-ends";

    public static bool IsCommand(string[] args) => args is ["placements", "end-periods", ..];

    public static void Register(WolverineOptions opts, PeriodEndSettings settings)
    {
        if (settings.PeriodEndScheduleEnabled)
            opts.Schedules.ScheduleRecurring(Name, new CronSchedule(settings.PeriodEndCron, Clock.Berlin), at => new EndExpiredPlacementPeriods(at));
    }
}

public static class EndExpiredPlacementPeriodsHandler
{
    public static Task<int> Handle(EndExpiredPlacementPeriods message, PeriodEnds periodEnds, CancellationToken ct) => periodEnds.EndExpired(ct);
}

/// <summary>
/// At start the periods that ran out while no node ran are recorded: the schedule fires only for occurrences ahead of
/// it. Every node may ask; a placement is ended once (see <see cref="PeriodEnds"/>).
/// </summary>
public sealed class PeriodEndsAtStart(PeriodEndSettings settings, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, Clock clock,
    ILogger<PeriodEndsAtStart> log) : QueueAtStart(settings.PeriodEndScheduleEnabled, scopes, lifetime, log)
{
    protected override object Message() => new EndExpiredPlacementPeriods(clock.Now);
    protected override string SwitchedOff => "Recording the end of placement periods is switched off (Placements:PeriodEndScheduleEnabled=false)";
    protected override string NotQueued => "The start-up run ending expired placement periods could not be queued: {Error}; the daily run records them";
}
