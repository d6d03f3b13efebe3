using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten.Events;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>A host on a PostgreSQL cluster of the test's own, which the test stops and starts again.</summary>
public sealed class OutageFactory(string connectionString) : AghFactory(connectionString);

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OutageCollection
{
    public const string Name = "outage";
}

[Collection(OutageCollection.Name)]
public sealed class OutageTests(ITestOutputHelper output)
{
    /// <summary>A hang guard, not a performance target: a request the database outage makes wait this long has hung.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task Database_outage_answers_503_with_retry_after_and_the_service_recovers_without_a_restart()
    {
        Guarantees.SkipOrFailIf(PgCluster.Unavailable());
        await using var cluster = await PgCluster.Start();
        await using var factory = new OutageFactory(cluster.ConnectionString);
        var today = factory.Today;
        string D(DateOnly d) => d.ToString("yyyy-MM-dd");

        var caseworker = await factory.ClientFor("caseworker", "bad-iburg");
        var coordinator = await factory.ClientFor("coordinator", null);
        var anonymous = factory.CreateClient();

        object Offer(string municipality) => new
        {
            providerType = "municipality", providerName = "Gemeinde Bauhof", municipality, title = "Grünflächenpflege",
            activity = "Pflege öffentlicher Grünflächen", places = 5, hoursPerWeek = 20, startsOn = D(today.AddYears(-1)),
            reportTo = "Bauhof, Am Markt 1", servesPublicBenefit = true,
        };
        object Person() => new
        {
            municipality = "bad-iburg", givenName = "Amina", familyName = "Yusuf", dateOfBirth = D(today.AddYears(-30)),
            confirmedNotDuplicate = true, entitledSince = D(today.AddYears(-2)), fileReference = "AZ-50-" + Guid.NewGuid().ToString("N")[..12],
        };
        HttpRequestMessage PostPerson() => new(HttpMethod.Post, "/api/persons") { Content = JsonContent.Create(Person()) };

        // Some data while the database is up.
        var offerId = IdOf(await Expect(await Send(coordinator, new(HttpMethod.Post, "/api/offers") { Content = JsonContent.Create(Offer("bad-iburg")) }), 201));
        var personId = IdOf(await Expect(await Send(caseworker, PostPerson()), 201));
        await Expect(await Send(caseworker, new(HttpMethod.Post, "/api/placements")
        {
            Content = JsonContent.Create(new { personId, offerId, noticeServedOn = D(today.AddDays(-60)), startsOn = D(today.AddDays(-50)), hoursPerWeek = 15 }),
        }), 201);
        HttpRequestMessage GetOffer() => new(HttpMethod.Get, $"/api/offers/{offerId}");
        (await Expect(await Send(caseworker, GetOffer()), 200))["occupied"]!.GetValue<int>().Should().Be(1);
        (await Send(anonymous, new(HttpMethod.Get, "/health/ready"))).Response.StatusCode.Should().Be(HttpStatusCode.OK);
        await factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"advisory locks held before the outage: {await AdvisoryLocks(cluster.ConnectionString)}");

        await cluster.Stop();

        // Twice each: the first request may meet a pooled connection the shutdown broke, the second a refused connect.
        for (var round = 1; round <= 2; round++)
        {
            var post = await Send(caseworker, PostPerson());
            output.WriteLine($"database down, round {round}: POST /api/persons {(int)post.Response.StatusCode} in {post.Elapsed.TotalMilliseconds:F0} ms");
            await ShouldBeUnavailable(post);

            var get = await Send(caseworker, GetOffer());
            output.WriteLine($"database down, round {round}: GET /api/offers/{{id}} {(int)get.Response.StatusCode} in {get.Elapsed.TotalMilliseconds:F0} ms");
            await ShouldBeUnavailable(get);

            var ready = await Send(anonymous, new(HttpMethod.Get, "/health/ready"));
            output.WriteLine($"database down, round {round}: /health/ready {(int)ready.Response.StatusCode} in {ready.Elapsed.TotalMilliseconds:F0} ms");
            ready.Response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "ready means the database is reachable");

            var live = await Send(anonymous, new(HttpMethod.Get, "/health/live"));
            live.Response.StatusCode.Should().Be(HttpStatusCode.OK, "the process is alive; restarting it would not bring the database back");
        }

        // The database comes back on the same directory and port; the host is not restarted.
        var restarted = Stopwatch.StartNew();
        await cluster.StartAgain();
        using (var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await Send(anonymous, new(HttpMethod.Get, "/health/ready"))).Response.StatusCode != HttpStatusCode.OK)
            {
                DateTime.UtcNow.Should().BeBefore(deadline, "/health/ready must turn healthy once the database is back");
                await timer.WaitForNextTickAsync();
            }
        }
        output.WriteLine($"ready again {restarted.ElapsedMilliseconds} ms after pg.sh start was called");

        var again = await Send(caseworker, PostPerson());
        output.WriteLine($"database back: POST /api/persons {(int)again.Response.StatusCode} in {again.Elapsed.TotalMilliseconds:F0} ms");
        var secondPerson = IdOf(await Expect(again, 201));
        (await Expect(await Send(caseworker, GetOffer()), 200))["occupied"]!.GetValue<int>().Should().Be(1);
        (await Expect(await Send(caseworker, new(HttpMethod.Get, $"/api/persons/{secondPerson}")), 200))["familyName"]!
            .GetValue<string>().Should().Be("Yusuf");

        // The refused commands stored nothing: the first person and the one registered after the restart only.
        var persons = (await Expect(await Send(caseworker, new(HttpMethod.Get, "/api/persons?municipality=bad-iburg")), 200)).AsArray();
        persons.Select(p => Guid.Parse(p!["id"]!.GetValue<string>())).Should().BeEquivalentTo([personId, secondPerson]);

        // The async projections catch up with what was written after the outage.
        await Expect(await Send(coordinator, new(HttpMethod.Post, "/api/offers") { Content = JsonContent.Create(Offer("melle")) }), 201);
        var caughtUp = Stopwatch.StartNew();
        await factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(20));
        output.WriteLine($"async projections caught up in {caughtUp.ElapsedMilliseconds} ms");
        output.WriteLine($"advisory locks held after the outage: {await AdvisoryLocks(cluster.ConnectionString)}");
        var quota = await Expect(await Send(coordinator, new(HttpMethod.Get, "/api/quota")), 200);
        var rows = quota["municipalities"]!.AsArray();
        var melle = rows.Single(r => r!["municipality"]!.GetValue<string>() == "melle")!;
        melle["offers"]!.GetValue<int>().Should().Be(1);
        melle["places"]!.GetValue<int>().Should().Be(5);
        var badIburg = rows.Single(r => r!["municipality"]!.GetValue<string>() == "bad-iburg")!;
        badIburg["offers"]!.GetValue<int>().Should().Be(1);
        badIburg["occupied"]!.GetValue<int>().Should().Be(1);
        badIburg["persons"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public void The_connection_limits_shorten_the_connect_timeout_but_keep_what_the_operator_wrote()
    {
        var limited = new Npgsql.NpgsqlConnectionStringBuilder(AGH.Api.Infrastructure.DatabaseConnection.WithOutageLimits("Host=db;Database=agh;Username=u"));
        limited.Timeout.Should().Be(AGH.Api.Infrastructure.DatabaseConnection.ConnectTimeoutSeconds);
        limited.Host.Should().Be("db");
        new Npgsql.NpgsqlConnectionStringBuilder(AGH.Api.Infrastructure.DatabaseConnection.WithOutageLimits("Host=db;Timeout=30")).Timeout.Should().Be(30);
    }

    /// <summary>Diagnostics: the async daemon's leader (HotCold) holds a session advisory lock while it runs the projections.</summary>
    private static async Task<long> AdvisoryLocks(string connectionString)
    {
        await using var conn = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from pg_locks where locktype = 'advisory' and granted", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed record Timed(HttpResponseMessage Response, string Body, TimeSpan Elapsed);

    /// <summary>Sends with the hang guard: a request that takes longer fails the test instead of blocking it.</summary>
    private static async Task<Timed> Send(HttpClient client, HttpRequestMessage request)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        var watch = Stopwatch.StartNew();
        try
        {
            var response = await client.SendAsync(request, guard.Token);
            var body = await response.Content.ReadAsStringAsync(guard.Token);
            watch.Stop();
            return new Timed(response, body, watch.Elapsed);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException($"{request.Method} {request.RequestUri} hung: no answer within {HangGuard.TotalSeconds} s");
        }
    }

    private static Task<JsonNode> Expect(Timed t, int status)
    {
        ((int)t.Response.StatusCode).Should().Be(status, t.Body);
        return Task.FromResult(JsonNode.Parse(t.Body)!);
    }

    private static Guid IdOf(JsonNode body) => Guid.Parse(body["id"]!.GetValue<string>());

    private static Task ShouldBeUnavailable(Timed t)
    {
        ((int)t.Response.StatusCode).Should().Be(503, t.Body);
        t.Elapsed.Should().BeLessThan(HangGuard);
        t.Response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        t.Response.Headers.RetryAfter.Should().NotBeNull("a 503 tells the client when to retry");
        var retryAfter = t.Response.Headers.RetryAfter!;
        (retryAfter.Delta is { } delta ? delta > TimeSpan.Zero : retryAfter.Date is not null).Should().BeTrue();
        var body = JsonNode.Parse(t.Body)!;
        body["status"]!.GetValue<int>().Should().Be(503);
        body["type"].Should().NotBeNull();
        body["title"].Should().NotBeNull();
        // No stack trace and no driver internals leave the service.
        t.Body.Should().NotContain(" at ").And.NotContain("Exception").And.NotContain("Npgsql").And.NotContain(".cs:line");
        return Task.CompletedTask;
    }
}
