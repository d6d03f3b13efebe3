using System.Net;
using System.Net.Http.Json;
using System.Diagnostics.Metrics;
using AGH.Api.Infrastructure;
using AGH.Api.Placements;
using AGH.Domain.Placements;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AGH.Tests.Http;

/// <summary>Two nodes on one database, each with its own kept hours copies (<see cref="HoursCopies"/>).</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public AnswerBreakingNode First { get; } = new();

    public SecondNodeFactory Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)First).InitializeAsync();
        First.CreateClient();
        Second = new SecondNodeFactory(First.ConnectionString);
        First.Time.SetUtcNow(Second.Time.GetUtcNow());
        Second.CreateClient();
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }
}

/// <summary>
/// A node on which a request sent with <see cref="Header"/> loses its client as its answer is written, after its commit:
/// the first write to the response body fails, and nothing written after it arrives.
/// </summary>
public sealed class AnswerBreakingNode : AghFactory
{
    public const string Header = "X-Test-Break-Answer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, BreakAnswer>());
    }

    private sealed class BreakAnswer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.ContainsKey(Header)) context.Response.Body = new GoneClient();
                return following(context);
            });
            next(app);
        };
    }

    // The client is gone: the first write fails and nothing written after it arrives.
    private sealed class GoneClient : Stream
    {
        private bool _failed;

        private void FailFirst()
        {
            if (_failed) return;
            _failed = true;
            throw new IOException("The client went away.");
        }

        public override void Write(byte[] buffer, int offset, int count) => FailFirst();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            FailFirst();
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>
/// An hour command decides on this node's copy of the person's write model when it holds one, and its answer is the one
/// the locked read gives: a write on a copy made stale by the other node, or a refusal made on it, is decided again under
/// the lock. The daily cap counts across nodes, a month the provider confirmed on the other node is closed to the provider,
/// and an Idempotency-Key still replays its first answer.
/// </summary>
public sealed class HoursCopyTests(TwoNodes nodes) : HttpTest(nodes.First), IClassFixture<TwoNodes>
{
    private HoursCopies CopiesOnFirst => nodes.First.Services.GetRequiredService<HoursCopies>();

    private static string Hours(Guid placement) => $"/api/placements/{placement}/hours";

    private async Task<(HttpClient A, HttpClient B, Guid Person, Guid Placement)> Placed(string user)
    {
        var a = await Caseworker(userId: user);
        var b = await nodes.Second.ClientFor("caseworker", "bad-iburg", user);
        var person = await NewPerson(a);
        var placement = await NewPlacement(a, await NewOffer(a, hoursPerWeek: 30), person, hoursPerWeek: 30);
        return (a, b, person, placement);
    }

    private static IEnumerable<string> Outcomes(MetricCollector<long> decisions) =>
        decisions.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!);

    private async Task<long> StreamVersion(Guid person) => (await Factory.Stream(person)).Max(e => e.Version);

    private async Task<int> MinutesLogged(HttpClient client, Guid placement) =>
        (await GetOk(client, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>();

    [Fact]
    public async Task The_daily_cap_counts_an_entry_logged_on_the_other_node_since_the_copy_was_kept()
    {
        var (a, b, person, placement) = await Placed("cw-copy-cap");
        var day = D(Today.AddDays(-1));
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 300 }), HttpStatusCode.Created);
        CopiesOnFirst.KeptVersion(person).Should().Be(await StreamVersion(person), "the first node keeps the person's write model");

        await Ok(await Post(b, Hours(placement), new { date = day, minutes = 120 }), HttpStatusCode.Created);
        CopiesOnFirst.KeptVersion(person).Should().BeLessThan(await StreamVersion(person), "the first node's copy is stale now");

        // 300 + 120 + 120 is over the 480 minutes of a day; the stale copy knows only 300.
        using var decisions = new MetricCollector<long>(nodes.First.Services.GetRequiredService<IMeterFactory>(), Telemetry.ServiceMeter,
            HoursCopies.DecisionsCounter);
        await Rejected(() => Post(a, Hours(placement), new { date = day, minutes = 120 }), 422, "daily-limit");
        Outcomes(decisions).Should().Equal(["decided-again"], "the command was decided on the copy first");
        (await MinutesLogged(a, placement)).Should().Be(420);
        (await Factory.Stream(person)).Count(e => e.Data is HoursLogged).Should().Be(2);
        CopiesOnFirst.KeptVersion(person).Should().Be(await StreamVersion(person), "the locked read renewed the copy");

        // On a current copy the command is answered from it, the offer's version included.
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);
        Outcomes(decisions).Should().Equal(["decided-again", "answered"]);
        CopiesOnFirst.KeptVersion(person).Should().Be(await StreamVersion(person), "the copy gained the entry it wrote");
        (await MinutesLogged(b, placement)).Should().Be(480);
    }

    [Fact]
    public async Task A_refusal_the_stale_copy_would_give_is_decided_again_under_the_lock()
    {
        var (a, b, _, placement) = await Placed("cw-copy-refusal");
        var day = D(Today.AddDays(-1));
        var full = await Ok(await Post(a, Hours(placement), new { date = day, minutes = 480 }), HttpStatusCode.Created);
        await Ok(await Post(b, $"{Hours(placement)}/{full["entryId"]!.GetValue<string>()}/correction",
            new { minutes = 0, reason = "An einem anderen Tag gearbeitet" }), HttpStatusCode.Created);

        // The first node's copy still holds a full day; under the lock the day is empty again.
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);
        (await MinutesLogged(a, placement)).Should().Be(60);
    }

    [Fact]
    public async Task A_month_the_provider_confirmed_on_the_other_node_is_closed_to_the_provider_on_this_one()
    {
        var cw = await Caseworker(userId: "cw-copy-provider");
        var offer = await NewOffer(cw, hoursPerWeek: 30);
        await SetProvider(offer, "tafel-kopie");
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person, Today.AddDays(-120), Today.AddDays(-100), hoursPerWeek: 30);
        var onA = await Provider("tafel-kopie");
        var onB = await nodes.Second.ClientFor("provider", null, "staff-tafel-kopie", "tafel-kopie");
        var month = AGH.Domain.Payouts.Month.Of(Today).Previous;
        var day = D(month.Last);

        await Ok(await Post(onA, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);
        CopiesOnFirst.KeptVersion(person).Should().NotBeNull();
        await Ok(await Post(onB, $"/api/offers/{offer}/timesheets/{month}/confirmation", new { }), HttpStatusCode.Created);

        // The copy holds the offer as it was before the confirmation.
        await Rejected(() => Post(onA, Hours(placement), new { date = day, minutes = 60 }), 409, "month-confirmed");
        await Ok(await Post(cw, Hours(placement), new { date = day, minutes = 30 }), HttpStatusCode.Created);
        var logged = (await Factory.Stream(person)).Select(e => e.Data).OfType<HoursLogged>().ToList();
        logged.Select(h => (h.Minutes, h.AfterConfirmation)).Should().Equal((60, null), (30, true));
    }

    [Fact]
    public async Task Simultaneous_entries_decided_on_one_copy_never_exceed_the_daily_cap()
    {
        var (a, _, person, placement) = await Placed("cw-copy-race");
        var day = D(Today.AddDays(-1));
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 120 }), HttpStatusCode.Created);
        CopiesOnFirst.KeptVersion(person).Should().NotBeNull();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Post(a, Hours(placement), new { date = day, minutes = 120 })));

        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3);
        results.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).Should().Be(7);
        (await MinutesLogged(a, placement)).Should().Be(480);
        (await Factory.Stream(person)).Count(e => e.Data is HoursLogged).Should().Be(4);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_answer_of_a_command_decided_again_under_the_lock()
    {
        var (a, b, person, placement) = await Placed("cw-copy-key");
        var day = D(Today.AddDays(-1));
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);
        await Ok(await Post(b, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);

        var key = Guid.NewGuid().ToString();
        var first = await Keyed(a, placement, key, day);
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await Keyed(a, placement, key, day);
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Json(again))["entryId"]!.GetValue<string>().Should().Be((await Json(first))["entryId"]!.GetValue<string>());
        (await Factory.Stream(person)).Count(e => e.Data is HoursLogged).Should().Be(3);
    }

    [Fact]
    public async Task The_week_route_reads_under_the_lock_and_stores_each_entry_once()
    {
        var cw = await Caseworker(userId: "cw-copy-week");
        var b = await nodes.Second.ClientFor("caseworker", "bad-iburg", "cw-copy-week");
        var offer = await NewOffer(cw, hoursPerWeek: 30);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person, hoursPerWeek: 30);
        var yesterday = Today.AddDays(-1);
        await Ok(await Post(cw, Hours(placement), new { date = D(yesterday), minutes = 300 }), HttpStatusCode.Created);
        await Ok(await Post(b, Hours(placement), new { date = D(yesterday), minutes = 120 }), HttpStatusCode.Created);

        // Each entry is its own transaction: the first fills the day (300 + 120 + 60), the second is over the cap.
        var day = yesterday.ToDateTime(TimeOnly.MinValue);
        var week = $"{System.Globalization.ISOWeek.GetYear(day):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(day):D2}";
        var entry = new { placementId = placement, date = D(yesterday), minutes = 60 };
        var answer = await Ok(await Post(cw, $"/api/offers/{offer}/weeks/{week}/hours", new { entries = new[] { entry, entry } }));

        answer["results"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Should().Equal(201, 422);
        var logged = (await Factory.Stream(person)).Select(e => e.Data).OfType<HoursLogged>().ToList();
        logged.Select(h => h.Minutes).Should().Equal([300, 120, 60], "each entry of the week is stored once");
    }

    /// <summary>
    /// The guard against a second run is Wolverine's commit mark: a request that committed on a copy and then failed, here
    /// as its answer was written, is not run again (it would store its entry twice); its Idempotency-Key replays the answer.
    /// </summary>
    [Fact]
    public async Task A_command_that_committed_on_a_copy_and_then_failed_is_not_run_again()
    {
        var (a, _, person, placement) = await Placed("cw-copy-committed");
        var day = D(Today.AddDays(-1));
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 60 }), HttpStatusCode.Created);
        CopiesOnFirst.KeptVersion(person).Should().Be(await StreamVersion(person));
        using var decisions = new MetricCollector<long>(nodes.First.Services.GetRequiredService<IMeterFactory>(), Telemetry.ServiceMeter,
            HoursCopies.DecisionsCounter);

        var key = Guid.NewGuid().ToString();
        // The client gets the status of the service's 500 internal-error without its body: past the contract check.
        var raw = nodes.First.CreateDefaultClient();
        raw.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        var broken = await Keyed(raw, placement, key, day, breakAnswer: true);
        broken.StatusCode.Should().Be(HttpStatusCode.InternalServerError, "the answer was lost after the commit");
        Outcomes(decisions).Should().Equal(["failed"], "the command was decided on the copy and not decided again");
        var logged = (await Factory.Stream(person)).Select(e => e.Data).OfType<HoursLogged>().ToList();
        logged.Select(h => h.Minutes).Should().Equal([60, 30], "the committed entry is stored once");
        CopiesOnFirst.KeptVersion(person).Should().BeNull("a copy is kept only after an answer");

        var retry = await Keyed(a, placement, key, day);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Json(retry))["entryId"]!.GetValue<string>().Should().Be(logged[1].EntryId.ToString());
        (await Factory.Stream(person)).Count(e => e.Data is HoursLogged).Should().Be(2);
        (await MinutesLogged(a, placement)).Should().Be(90);
    }

    /// <summary>
    /// A copy holds personal data: the sweep every <see cref="HoursCopies.Lifetime"/> removes it once its last command lies
    /// a lifetime back, with or without a command after that.
    /// </summary>
    [Fact]
    public async Task A_copy_is_used_within_its_lifetime_and_then_leaves_the_node_s_memory()
    {
        var (a, _, person, placement) = await Placed("cw-copy-lifetime");
        var day = D(Today.AddDays(-1));
        using var decisions = new MetricCollector<long>(nodes.First.Services.GetRequiredService<IMeterFactory>(), Telemetry.ServiceMeter,
            HoursCopies.DecisionsCounter);
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 30 }), HttpStatusCode.Created);

        Advance(HoursCopies.Lifetime - TimeSpan.FromSeconds(1));
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 30 }), HttpStatusCode.Created);
        Outcomes(decisions).Should().Equal(["answered"], "the copy was still kept");

        Advance(HoursCopies.Lifetime);
        await Ok(await Post(a, Hours(placement), new { date = day, minutes = 30 }), HttpStatusCode.Created);
        Outcomes(decisions).Should().Equal(["answered"], "the sweep had removed the copy: the command read under the lock");
        CopiesOnFirst.KeptVersion(person).Should().Be(await StreamVersion(person), "the locked read kept a new copy");

        // No command follows: a sweep removes the copy within two lifetimes.
        Advance(2 * HoursCopies.Lifetime);
        CopiesOnFirst.KeptVersion(person).Should().BeNull();
        (await MinutesLogged(a, placement)).Should().Be(90);
    }

    private void Advance(TimeSpan by)
    {
        nodes.First.Time.Advance(by);
        nodes.Second.Time.Advance(by);
    }

    private static Task<HttpResponseMessage> Keyed(HttpClient client, Guid placement, string key, string day, bool breakAnswer = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Hours(placement)) { Content = JsonContent.Create(new { date = day, minutes = 30 }) };
        request.Headers.Add("Idempotency-Key", key);
        if (breakAnswer) request.Headers.Add(AnswerBreakingNode.Header, "1");
        return client.SendAsync(request);
    }
}
