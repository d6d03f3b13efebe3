using System.Net;
using Npgsql;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class ConcurrencyTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Thirty_simultaneous_assignments_to_three_free_places_fill_exactly_three()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 3);
        var persons = new List<Guid>();
        for (var i = 0; i < 30; i++) persons.Add(await NewPerson(cw));

        using var start = new SemaphoreSlim(0);
        var requests = persons.Select(async person =>
        {
            await start.WaitAsync();
            var response = await Post(cw, "/api/placements", AssignBody(person, offer));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(persons.Count);
        var results = await Task.WhenAll(requests);

        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3, string.Join("\n", results.Select(r => r.Body)));
        var conflicts = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        conflicts.Should().HaveCount(27);
        conflicts.Should().OnlyContain(r => r.Body.Contains("\"code\":\"no-free-place\""));

        var view = await GetOk(cw, $"/api/offers/{offer}");
        view["occupied"]!.GetValue<int>().Should().Be(3);
        view["free"]!.GetValue<int>().Should().Be(0);
        var offerEvents = await Factory.Stream(offer);
        offerEvents.Count(e => e.Data is AGH.Domain.Offers.PlaceOccupied).Should().Be(3);
        (await GetOk(cw, $"/api/placements?offerId={offer}")).AsArray().Should().HaveCount(3);
    }

    [Fact]
    public async Task Simultaneous_hour_entries_for_one_person_never_exceed_the_daily_limit()
    {
        var cw = await Caseworker();
        var placement = await NewPlacement(cw, await NewOffer(cw, hoursPerWeek: 30), hoursPerWeek: 30);
        var day = D(Today.AddDays(-1));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Post(cw, $"/api/placements/{placement}/hours", new { date = day, minutes = 120 })));

        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(4);
        results.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).Should().Be(6);
        (await GetOk(cw, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(480);
    }

    /// <summary>
    /// A deadlock is a lost race, not an outage: the transaction PostgreSQL aborts (40P01) is answered 409
    /// concurrency-conflict, as a version conflict is, without Retry-After, and stores nothing. Here another transaction
    /// holds the person and then asks for the offer, while ending the placement holds the offer and waits for the person.
    /// </summary>
    [Fact]
    public async Task A_command_aborted_by_a_deadlock_is_answered_as_a_conflict_and_stores_nothing()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offer, person);
        var events = await Factory.EventCount();

        // Only the command waits long enough for PostgreSQL to look for the cycle, so the command is the one aborted.
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Factory.ConnectionString) { Options = "-c deadlock_timeout=60s" }.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await LockStream(other, person);
        var ending = Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "training" });
        await WaitUntilBlockedBy(other, TimeSpan.FromSeconds(30));
        var closing = LockStream(other, offer);

        var response = await ending;
        await closing;
        await transaction.RollbackAsync();

        var problem = await ShouldBeProblem(response, 409, "concurrency-conflict");
        problem["detail"]!.GetValue<string>().Should().Contain("reload");
        response.Headers.RetryAfter.Should().BeNull("a lost race is retried after a reload, not after a wait for the database");
        (await Factory.EventCount()).Should().Be(events);
        (await GetOk(cw, $"/api/placements/{placement}"))["status"]!.GetValue<string>().Should().Be("active");
        (await GetOk(cw, $"/api/offers/{offer}"))["occupied"]!.GetValue<int>().Should().Be(1);

        var again = await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "training" });
        again.StatusCode.Should().Be(HttpStatusCode.OK, "nothing of the aborted attempt stands in the way");
    }

    private static async Task LockStream(NpgsqlConnection connection, Guid stream)
    {
        await using var command = new NpgsqlCommand($"select id from {AGH.Api.Infrastructure.MartenSetup.Schema}.mt_streams where id = @id for update", connection);
        command.Parameters.AddWithValue("id", stream);
        (await command.ExecuteScalarAsync()).Should().Be(stream);
    }

    /// <summary>
    /// Until a backend waits for a lock this connection holds (the command waits for the person), or fails at the deadline.
    /// The tick is short: the command looks for a deadlock once, a second after it began to wait.
    /// </summary>
    private static async Task WaitUntilBlockedBy(NpgsqlConnection connection, TimeSpan within)
    {
        await using var command = new NpgsqlCommand("select exists (select 1 from pg_stat_activity where pg_backend_pid() = any(pg_blocking_pids(pid)))", connection);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var deadline = DateTime.UtcNow + within;
        while (!(bool)(await command.ExecuteScalarAsync())!)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"the command did not wait for the person's lock within {within.TotalSeconds} s");
            await tick.WaitForNextTickAsync();
        }
    }
}
