using System.Net;
using AGH.Api.Infrastructure;
using AGH.Api.Payouts;
using AGH.Domain.Payouts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;
using Wolverine.Tracking;

namespace AGH.Tests.Http;

/// <summary>A host with the monthly schedule switched on, in a database of its own.</summary>
public class ScheduleFactory : AghFactory
{
    public ScheduleFactory() { }

    protected ScheduleFactory(string connectionString) : base(connectionString) { }

    public override bool ScheduleEnabled => true;

    public PayoutSchedule Schedule => Services.GetRequiredService<PayoutSchedule>();

    /// <summary>The schedule's message for an occurrence at <paramref name="at"/>, handled with Wolverine's tracking: returns once it is done.</summary>
    public async Task RunScheduled(DateTimeOffset at) =>
        await Services.TrackActivity().Timeout(TimeSpan.FromSeconds(30)).InvokeMessageAndWaitAsync(new PrepareScheduledPayoutRun(at));

    public async Task<IReadOnlyList<PayoutRunPrepared>> RunsPrepared()
    {
        await using var session = Store.QuerySession();
        return await QueryableExtensions.ToListAsync(session.Events.QueryRawEventDataOnly<PayoutRunPrepared>());
    }

    /// <summary>Polls with a deadline: the schedule runs in the background.</summary>
    public async Task<IReadOnlyList<PayoutRunPrepared>> WaitForRuns(int count)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var runs = await RunsPrepared();
            if (runs.Count >= count) return runs;
            await timer.WaitForNextTickAsync();
        }
        return await RunsPrepared();
    }
}

/// <summary>The same database, a new process: as after a restart.</summary>
public sealed class RestartedScheduleFactory(string connectionString, DateTimeOffset now) : ScheduleFactory(connectionString)
{
    public override async Task InitializeAsync()
    {
        Time.SetUtcNow(now);
        await base.InitializeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ScheduleCollection : ICollectionFixture<ScheduleFactory>
{
    public const string Name = "schedule";
}

[Collection(ScheduleCollection.Name)]
public sealed class ScheduledPayoutTests(ScheduleFactory factory) : HttpTest(factory)
{
    private new ScheduleFactory Factory => (ScheduleFactory)base.Factory;

    [Fact]
    public async Task The_previous_months_run_is_caught_up_on_start_prepared_at_the_scheduled_time_and_never_twice()
    {
        var lastMonth = Factory.Schedule.DueMonth(Factory.Time.GetUtcNow())!.Value;
        var caughtUp = await Factory.WaitForRuns(1);
        caughtUp.Should().ContainSingle().Which.Month.Should().Be(lastMonth.ToString(), "the run due on the 1st was missed while the service was down");
        caughtUp[0].PreparedBy.Should().Be(PayoutSchedule.System.UserId);

        var cw = await Caseworker();
        var placement = await NewPlacement(cw, notice: Today.AddDays(-10), startsOn: Today.AddDays(-7));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-1)), minutes = 90 }), HttpStatusCode.Created);
        await Factory.RunScheduled(Factory.Time.GetUtcNow());
        (await Factory.RunsPrepared()).Should().ContainSingle("the due run exists already");

        // Wolverine keeps the recurring message for 02:00 on the 1st of next month, Europe/Berlin.
        var thisMonth = Month.Of(Today);
        var first = thisMonth.First.AddMonths(1).ToDateTime(new TimeOnly(2, 0));
        var due = new DateTimeOffset(first, Clock.Berlin.GetUtcOffset(first));
        var registered = Factory.Services.GetRequiredService<IWolverineRuntime>().Options.Schedules.FindByName(PayoutSchedule.Name);
        registered.Should().NotBeNull();
        (registered!.Schedule.Expression, registered.Schedule.TimeZone, registered.MessageType)
            .Should().Be(("0 2 1 * *", Clock.Berlin, typeof(PrepareScheduledPayoutRun)));
        registered.Schedule.NextOccurrence(Factory.Time.GetUtcNow()).Should().Be(due);

        Factory.Time.SetUtcNow(due.AddSeconds(1));
        await Factory.RunScheduled(due);
        var runs = await Factory.RunsPrepared();
        runs.Select(r => r.Month).Should().BeEquivalentTo([lastMonth.ToString(), thisMonth.ToString()]);
        var line = runs.Single(r => r.Month == thisMonth.ToString()).Lines.Should().ContainSingle().Subject;
        line.Minutes.Should().Be(90);
        line.AmountCents.Should().Be(120);

        await Factory.RunScheduled(due.AddMinutes(1));
        (await Factory.RunsPrepared()).Should().HaveCount(2, "a second occurrence of the same month prepares nothing");
        await using (var restarted = new RestartedScheduleFactory(Factory.ConnectionString, due.AddHours(5)))
        {
            await restarted.InitializeAsync();
            await restarted.RunScheduled(due.AddHours(5));
            (await restarted.RunsPrepared()).Should().HaveCount(2, "a restart never prepares a run twice");
        }
    }

    [Fact]
    public void The_due_month_is_the_one_before_the_latest_scheduled_time()
    {
        var s = Factory.Schedule;
        Month? At(string instant) => s.DueMonth(DateTimeOffset.Parse(instant));
        At("2026-12-01T00:59:00Z").Should().Be(new Month(2026, 10), "01:59 in Berlin is before 02:00");
        At("2026-12-01T01:00:00Z").Should().Be(new Month(2026, 11));
        At("2027-01-01T01:30:00Z").Should().Be(new Month(2026, 12));
        At("2026-07-01T00:00:00Z").Should().Be(new Month(2026, 6), "02:00 CEST is 00:00 UTC");
    }
}
