using System.Net;
using AGH.Api.Infrastructure;
using AGH.Api.Placements;
using AGH.Domain.Offers;
using AGH.Domain.Placements;
using Marten;
using Marten.Events;
using Marten.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

/// <summary>A database of its own (the job reads every placement, the quota the whole district); the job is run by the test.</summary>
public class PeriodEndFactory : AghFactory
{
    public PeriodEndFactory() { }

    protected PeriodEndFactory(string connectionString) : base(connectionString) { }

    public async Task<int> EndPeriods()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeriodEnds>().EndExpired(CancellationToken.None);
    }
}

/// <summary>The same database, a new process with the job switched on: as after a restart.</summary>
public sealed class RestartedPeriodEndFactory(string connectionString) : PeriodEndFactory(connectionString)
{
    private readonly TaskCompletionSource<PlacementEnded> _firstEnd = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override bool PeriodEndScheduleEnabled => true;

    /// <summary>The first placement end this host commits: its start-up run is a durable message, so the test awaits the commit.</summary>
    public Task<PlacementEnded> FirstEnd => _firstEnd.Task;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureMarten(opts => opts.Listeners.Add(new EndCommitted(_firstEnd))));
    }

    private sealed class EndCommitted(TaskCompletionSource<PlacementEnded> end) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            if (commit.GetEvents().Select(e => e.Data).OfType<PlacementEnded>().FirstOrDefault() is { } ended) end.TrySetResult(ended);
            return Task.CompletedTask;
        }
    }
}

/// <summary>A database of its own for the restart: a second host on it takes over the async (quota) projections.</summary>
public sealed class PeriodEndStartFactory : PeriodEndFactory;

[CollectionDefinition(Name)]
public sealed class PeriodEndStartCollection : ICollectionFixture<PeriodEndStartFactory>
{
    public const string Name = "period-end-start";
}

[CollectionDefinition(Name)]
public sealed class PeriodEndCollection : ICollectionFixture<PeriodEndFactory>
{
    public const string Name = "period-end";
}

/// <summary>
/// Contract v3b: after <c>until</c> a placement reads ended (period-ended, endedOn = until); the daily job records it, so
/// the offer and the quota count its place free, exactly as an end by hand.
/// </summary>
[Collection(PeriodEndCollection.Name)]
public sealed class PeriodEndTests(PeriodEndFactory factory) : HttpTest(factory)
{
    private new PeriodEndFactory Factory => (PeriodEndFactory)base.Factory;

    /// <summary>A notice served outside the service, its period from <paramref name="startsOn"/> to <paramref name="until"/>.</summary>
    private async Task<Guid> Limited(HttpClient cw, Guid offer, Guid person, DateOnly startsOn, DateOnly until) =>
        IdOf(await Ok(await Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(startsOn.AddDays(-5)), startsOn = D(startsOn), hoursPerWeek = 10, until = D(until),
        }), HttpStatusCode.Created));

    private async Task<IReadOnlyList<object>> Events(Guid stream) => (await Factory.Stream(stream)).Select(e => e.Data).ToList();

    private async Task<string> QuotaRow(HttpClient coordinator, string municipality)
    {
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (await GetOk(coordinator, "/api/quota"))["municipalities"]!.AsArray()
            .Single(r => r!["municipality"]!.GetValue<string>() == municipality)!.ToJsonString();
    }

    [Fact]
    public async Task The_job_records_the_end_on_until_frees_the_place_for_a_new_person_and_records_nothing_twice()
    {
        var cw = await Caseworker("hilter", "sb-hilter");
        var coordinator = await As("coordinator");
        var offer = await NewOffer(cw, "hilter", places: 1);
        var person = await NewPerson(cw, "hilter");
        var next = await NewPerson(cw, "hilter");
        var until = Today.AddDays(-2);
        var placement = await Limited(cw, offer, person, Today.AddDays(-30), until);

        // Before the job: it reads ended, but its place is still counted.
        var before = await GetOk(cw, $"/api/placements/{placement}");
        before["status"]!.GetValue<string>().Should().Be("ended");
        before["endReason"]!.GetValue<string>().Should().Be("period-ended");
        before["endedOn"]!.GetValue<string>().Should().Be(D(until));
        var shown = await GetOk(cw, $"/api/offers/{offer}");
        (shown["occupied"]!.GetValue<int>(), shown["free"]!.GetValue<int>()).Should().Be((1, 0));
        (await QuotaRow(coordinator, "hilter")).Should().Contain("\"occupied\":1,\"free\":0").And.Contain("\"personsPlaced\":1");
        await Rejected(() => Post(cw, "/api/placements", AssignmentFields.Body(next, offer, Today, 10)), 409, "no-free-place");

        (await Factory.EndPeriods()).Should().Be(1);

        var personEvents = await Events(person);
        personEvents.OfType<PlacementEnded>().Should().ContainSingle()
            .Which.Should().Be(new PlacementEnded(placement, person, offer, until, EndReason.PeriodEnded, null));
        (await Events(offer)).OfType<PlaceReleased>().Should().ContainSingle().Which.Should().Be(new PlaceReleased(offer, placement));
        var recorded = (await Factory.Stream(person)).Single(e => e.Data is PlacementEnded);
        EventHeaders.ActorOf(recorded)!.UserId.Should().Be(PeriodEnds.System.UserId);

        // After it: the placement reads the same, the place is free in the offer and the quota.
        var after = await GetOk(cw, $"/api/placements/{placement}");
        after["status"]!.GetValue<string>().Should().Be("ended");
        after["endReason"]!.GetValue<string>().Should().Be("period-ended");
        after["endedOn"]!.GetValue<string>().Should().Be(D(until));
        (await GetOk(cw, $"/api/placements?personId={person}&status=ended")).AsArray().Should().ContainSingle();
        shown = await GetOk(cw, $"/api/offers/{offer}");
        (shown["occupied"]!.GetValue<int>(), shown["free"]!.GetValue<int>()).Should().Be((0, 1));
        (await QuotaRow(coordinator, "hilter")).Should().Contain("\"occupied\":0,\"free\":1").And.Contain("\"personsPlaced\":0");

        var history = (await GetOk(await As("auditor"), $"/api/persons/{person}/history"))["entries"]!.AsArray();
        var entry = history.Single(e => e!["type"]!.GetValue<string>() == "PlacementEnded")!;
        entry["summary"]!.GetValue<string>().Should().StartWith($"Heranziehung endete mit Ablauf der Befristung am {until:dd.MM.yyyy}");
        entry["legalBasis"]!.GetValue<string>().Should().Contain("§ 43 Abs. 2 VwVfG");
        entry["occurredOn"]!.GetValue<string>().Should().Be(D(until));
        entry["actor"]!["userId"]!.GetValue<string>().Should().Be("system:placements");

        // The freed place takes a new person; a second run records nothing; a client still cannot end it again.
        await Ok(await Post(cw, "/api/placements", AssignmentFields.Body(next, offer, Today, 10)), HttpStatusCode.Created);
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(0);
        var events = await Factory.EventCount();
        (await Factory.EndPeriods()).Should().Be(0);
        (await Factory.EventCount()).Should().Be(events);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "other" }), 409, "placement-ended");
    }

    [Fact]
    public async Task A_placement_ended_by_hand_before_until_and_one_whose_period_runs_are_left_alone_and_clients_never_send_period_ended()
    {
        var cw = await Caseworker("hagen", "sb-hagen");
        var offer = await NewOffer(cw, "hagen", places: 3);
        var byHand = await NewPerson(cw, "hagen");
        var running = await NewPerson(cw, "hagen");
        var handPlacement = await Limited(cw, offer, byHand, Today.AddDays(-20), Today.AddDays(5));
        var runningPlacement = await Limited(cw, offer, running, Today.AddDays(-20), Today);
        await Rejected(() => Post(cw, $"/api/placements/{runningPlacement}/end", new { date = D(Today), reason = "period-ended" }), 400);
        await Ok(await Post(cw, $"/api/placements/{handPlacement}/end", new { date = D(Today.AddDays(-1)), reason = "regular-employment" }));
        var handEvents = (await Events(byHand)).Count;
        var offerEvents = (await Events(offer)).Count;

        (await Factory.EndPeriods()).Should().Be(0, "until is today: the last day still belongs to the placement");
        (await GetOk(cw, $"/api/placements/{runningPlacement}"))["status"]!.GetValue<string>().Should().Be("active");

        Factory.Time.Advance(TimeSpan.FromDays(7));
        (await Factory.EndPeriods()).Should().Be(1);
        cw = await Caseworker("hagen", "sb-hagen");

        (await Events(byHand)).Should().HaveCount(handEvents, "ended by hand before until, nothing is added");
        var hand = await GetOk(cw, $"/api/placements/{handPlacement}");
        hand["endReason"]!.GetValue<string>().Should().Be("regular-employment");
        hand["endedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-8)));
        (await Events(running)).OfType<PlacementEnded>().Should().ContainSingle().Which.Reason.Should().Be(EndReason.PeriodEnded);
        (await Events(offer)).Should().HaveCount(offerEvents + 1);
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task A_caseworkers_end_at_the_same_time_as_the_job_leaves_one_end_and_one_freed_place()
    {
        var cw = await Caseworker("dissen", "sb-dissen");
        var offer = await NewOffer(cw, "dissen", places: 4);
        var placements = new List<(Guid Person, Guid Placement)>();
        for (var i = 0; i < 4; i++)
        {
            var person = await NewPerson(cw, "dissen");
            placements.Add((person, await Limited(cw, offer, person, Today.AddDays(-30), Today.AddDays(-1))));
        }

        var byHand = placements.Select(p => Post(cw, $"/api/placements/{p.Placement}/end", new { date = D(Today.AddDays(-1)), reason = "moved-away" }));
        var answers = await Task.WhenAll([.. byHand, Factory.EndPeriods().ContinueWith(t => t.IsCompletedSuccessfully
            ? new HttpResponseMessage(HttpStatusCode.Accepted) : throw t.Exception!)]);
        answers.Take(4).Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Conflict);

        foreach (var (person, _) in placements)
            (await Events(person)).OfType<PlacementEnded>().Should().ContainSingle("one end is recorded, by the caseworker or the job");
        (await Events(offer)).OfType<PlaceReleased>().Should().HaveCount(4);
        var shown = await GetOk(cw, $"/api/offers/{offer}");
        (shown["occupied"]!.GetValue<int>(), shown["free"]!.GetValue<int>()).Should().Be((0, 4));
        (await Factory.EndPeriods()).Should().Be(0);
    }
}

[Collection(PeriodEndStartCollection.Name)]
public sealed class PeriodEndStartTests(PeriodEndStartFactory factory) : HttpTest(factory)
{
    private new PeriodEndFactory Factory => (PeriodEndFactory)base.Factory;

    private async Task<IReadOnlyList<object>> Events(Guid stream) => (await Factory.Stream(stream)).Select(e => e.Data).ToList();

    [Fact]
    public async Task A_period_that_ran_out_while_no_node_ran_is_recorded_at_start()
    {
        var cw = await Caseworker("bissendorf", "sb-bissendorf-pe");
        var offer = await NewOffer(cw, "bissendorf", places: 1);
        var person = await NewPerson(cw, "bissendorf");
        var placement = IdOf(await Ok(await Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-35)), startsOn = D(Today.AddDays(-30)), hoursPerWeek = 10, until = D(Today.AddDays(-3)),
        }), HttpStatusCode.Created));

        await using var restarted = new RestartedPeriodEndFactory(Factory.ConnectionString);
        // Both clocks on one instant (a fake clock only goes forward), so both hosts have the same today.
        var now = new[] { Factory.Time.GetUtcNow(), restarted.Time.GetUtcNow() }.Max();
        Factory.Time.SetUtcNow(now);
        restarted.Time.SetUtcNow(now);
        await restarted.InitializeAsync();
        restarted.CreateClient().Dispose();
        var expected = new PlacementEnded(placement, person, offer, Today.AddDays(-3), EndReason.PeriodEnded, null);
        (await restarted.FirstEnd.WaitAsync(TimeSpan.FromSeconds(90))).Should().Be(expected, "the start-up run records the period's end");
        (await Events(person)).OfType<PlacementEnded>().Should().ContainSingle().Which.Should().Be(expected);
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1);
    }
}
