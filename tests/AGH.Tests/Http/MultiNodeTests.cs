using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "multi-node";
}

/// <summary>
/// Two service processes on one database, as behind the load balancer of docker-compose.yml: a race split over both
/// still fills exactly the free places, a node killed with SIGKILL leaves the other projecting, and the scheduled
/// monthly payout run happens once across both.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    private const string Municipality = "bad-iburg";
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(90);
    /// <summary>Wolverine notices a dead node after its stale-node timeout and reassigns its agents; 10-20 s measured.</summary>
    private static readonly TimeSpan FailoverWithin = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).DateTime);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    [SkippableFact]
    public async Task Thirty_simultaneous_assignments_split_over_two_nodes_fill_exactly_the_three_free_places()
    {
        await using var database = await TestDatabase.Create();
        await using var a = ApiProcess.Start(database.ConnectionString, Quiet);
        await using var b = ApiProcess.Start(database.ConnectionString, Quiet);
        await Task.WhenAll(a.WaitReady(StartWithin), b.WaitReady(StartWithin));
        using var httpA = Client(a);
        using var httpB = Client(b);
        // One token for both nodes: behind the proxy a client does not know which node answers.
        var caseworker = await Token(httpA, "caseworker-multi", "caseworker", Municipality);

        var offer = IdOf(await Expect(await Send(httpA, caseworker, HttpMethod.Post, "/api/offers", OfferBody(Municipality, places: 3)), HttpStatusCode.Created));
        var persons = new List<Guid>();
        for (var i = 0; i < 30; i++)
            persons.Add(IdOf(await Expect(await Send(i % 2 == 0 ? httpA : httpB, caseworker, HttpMethod.Post, "/api/persons", PersonBody(Municipality)), HttpStatusCode.Created)));

        using var start = new SemaphoreSlim(0);
        var requests = persons.Select(async (person, i) =>
        {
            await start.WaitAsync();
            using var response = await Send(i % 2 == 0 ? httpA : httpB, caseworker, HttpMethod.Post, "/api/placements", new
            {
                personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-60)), startsOn = D(Today.AddDays(-50)), hoursPerWeek = 15,
            });
            return (Node: i % 2 == 0 ? "a" : "b", response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(persons.Count);
        var results = await Task.WhenAll(requests);
        output.WriteLine(string.Join("\n", results.GroupBy(r => (r.Node, r.StatusCode)).Select(g => $"node {g.Key.Node}: {g.Count()} × {(int)g.Key.StatusCode}")));

        var all = string.Join("\n", results.Select(r => $"{r.Node} {(int)r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3, all);
        var conflicts = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        conflicts.Should().HaveCount(27, all);
        conflicts.Should().OnlyContain(r => r.Body.Contains("\"code\":\"no-free-place\""), "a lost race is retried and then finds no free place");

        // Both nodes read the same offer: 3 occupied, none free, 3 placements.
        foreach (var http in new[] { httpA, httpB })
        {
            var view = await Expect(await Send(http, caseworker, HttpMethod.Get, $"/api/offers/{offer}"), HttpStatusCode.OK);
            view["occupied"]!.GetValue<int>().Should().Be(3);
            view["free"]!.GetValue<int>().Should().Be(0);
            (await Expect(await Send(http, caseworker, HttpMethod.Get, $"/api/placements?offerId={offer}"), HttpStatusCode.OK)).AsArray().Should().HaveCount(3);
        }
        await using var conn = await database.Open();
        (await Count(conn, $"select count(*) from agh.mt_events where stream_id = '{offer}' and type = 'place_occupied'")).Should().Be(3);
    }

    [SkippableFact]
    public async Task A_node_killed_with_SIGKILL_leaves_the_other_projecting_the_quota_report()
    {
        await using var database = await TestDatabase.Create();
        await using var conn = await database.Open();
        const string nodes = "select id::text from agh.wolverine_nodes";

        // One after the other, so the node table tells which process is which node.
        await using var a = ApiProcess.Start(database.ConnectionString, Quiet);
        var nodeA = (await Poll(() => Rows(conn, nodes), r => r.Count == 1, StartWithin, "node a registered", a)).Single();
        await using var b = ApiProcess.Start(database.ConnectionString, Quiet);
        await Task.WhenAll(a.WaitReady(StartWithin), b.WaitReady(StartWithin));
        var nodeB = (await Poll(() => Rows(conn, nodes), r => r.Count == 2, StartWithin, "node b registered", b)).Single(id => id != nodeA);

        // The leader assigns each async projection (the quota rows) to one node.
        const string quotaAgents = "select node_id::text || ' ' || id from agh.wolverine_node_assignments where id like 'event-subscriptions://%quota%'";
        var assigned = await Poll(() => Rows(conn, quotaAgents), r => r.Count == 2, FailoverWithin, "both quota projections assigned", a);
        var leader = await Rows(conn, "select node_id::text from agh.wolverine_node_assignments where id like 'wolverine://leader%'");
        output.WriteLine($"node a {nodeA}, node b {nodeB}; leader {string.Join(",", leader)}; quota agents:\n{string.Join("\n", assigned)}");
        int Held(string node) => assigned.Count(r => r.StartsWith(node + " ", StringComparison.Ordinal));
        // Kill a node that runs quota projections (the leader among equals): its projections must move to the survivor.
        var killA = Held(nodeA) > Held(nodeB) || (Held(nodeA) == Held(nodeB) && leader.Contains(nodeA));
        var (victim, survivor) = killA ? (a, b) : (b, a);
        (killA ? Held(nodeA) : Held(nodeB)).Should().BeGreaterThan(0);

        using var http = Client(survivor);
        var coordinator = await Token(http, "coordinator-multi", "coordinator", null);
        var caseworker = await Token(http, "caseworker-multi", "caseworker", Municipality);

        // Before the kill both projections run: an offer and a person in Melle reach the report.
        using (var victimHttp = Client(victim))
        {
            var melleWorker = await Token(victimHttp, "caseworker-melle", "caseworker", "melle");
            await Expect(await Send(victimHttp, coordinator, HttpMethod.Post, "/api/offers", OfferBody("melle", places: 4)), HttpStatusCode.Created);
            await Expect(await Send(victimHttp, melleWorker, HttpMethod.Post, "/api/persons", PersonBody("melle")), HttpStatusCode.Created);
        }
        await Poll(() => QuotaRow(http, coordinator, "melle"), r => r["offers"]!.GetValue<int>() == 1 && r["persons"]!.GetValue<int>() == 1,
            FailoverWithin, "the quota report before the kill", survivor);

        await victim.Kill();
        var killed = Stopwatch.StartNew();

        // Written on the survivor after the kill: the offer row comes from one projection, the person row from the other.
        var offer = IdOf(await Expect(await Send(http, coordinator, HttpMethod.Post, "/api/offers", OfferBody(Municipality, places: 7)), HttpStatusCode.Created));
        var person = IdOf(await Expect(await Send(http, caseworker, HttpMethod.Post, "/api/persons", PersonBody(Municipality)), HttpStatusCode.Created));
        await Expect(await Send(http, caseworker, HttpMethod.Post, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-60)), startsOn = D(Today.AddDays(-50)), hoursPerWeek = 15,
        }), HttpStatusCode.Created);

        var row = await Poll(() => QuotaRow(http, coordinator, Municipality),
            r => r["offers"]!.GetValue<int>() == 1 && r["occupied"]!.GetValue<int>() == 1 && r["persons"]!.GetValue<int>() == 1,
            FailoverWithin, "the writes after the kill in GET /api/quota", survivor);
        output.WriteLine($"quota report current {killed.ElapsedMilliseconds} ms after the kill; agents now:\n{string.Join("\n", await Rows(conn, quotaAgents))}");
        row["places"]!.GetValue<int>().Should().Be(7);
        row["free"]!.GetValue<int>().Should().Be(6);
        row["personsPlaced"]!.GetValue<int>().Should().Be(1);
        survivor.HasExited.Should().BeFalse();
    }

    [SkippableFact]
    public async Task The_scheduled_monthly_payout_run_is_prepared_once_across_two_nodes()
    {
        await using var database = await TestDatabase.Create();
        var scheduled = new Dictionary<string, string>(Quiet) { ["Payouts__Schedule__Enabled"] = "true" };
        // Started together: both catch up the previous month's run at start, at the same moment.
        await using var a = ApiProcess.Start(database.ConnectionString, scheduled);
        await using var b = ApiProcess.Start(database.ConnectionString, scheduled);
        await Task.WhenAll(a.WaitReady(StartWithin), b.WaitReady(StartWithin));
        // The month due now (the schedule is the 1st at 02:00, Europe/Berlin), taken once both are up: a start that
        // straddles the scheduled minute then still expects the run the schedule prepares at that minute.
        var month = DueMonth(DateTimeOffset.UtcNow);
        using var httpA = Client(a);
        using var httpB = Client(b);
        var payroll = await Token(httpA, "payroll-multi", "payroll", null);

        var runs = await Poll(() => Expect(Send(httpB, payroll, HttpMethod.Get, $"/api/payout-runs?month={month}"), HttpStatusCode.OK),
            r => r.AsArray().Count > 0, FailoverWithin, $"the scheduled run of {month}", a, b);
        var run = runs.AsArray().Should().ContainSingle($"one run of {month} across both nodes").Subject!;
        run["preparedBy"]!.GetValue<string>().Should().NotStartWith("payroll-multi", "the schedule prepared it, nobody asked");
        var runId = run["id"]!.GetValue<string>();

        // Both nodes see it as the month's standing run: asking either for the month prepares nothing new.
        foreach (var http in new[] { httpA, httpB })
        {
            var again = await Expect(await Send(http, payroll, HttpMethod.Post, "/api/payout-runs", new { month }), HttpStatusCode.OK);
            again["id"]!.GetValue<string>().Should().Be(runId);
        }
        var every = (await Expect(await Send(httpA, payroll, HttpMethod.Get, "/api/payout-runs"), HttpStatusCode.OK)).AsArray();
        every.Select(r => r!["month"]!.GetValue<string>()).Should().OnlyHaveUniqueItems("no month is prepared twice").And.Contain(month);
        await using var conn = await database.Open();
        (await Count(conn, $"select count(*) from agh.mt_events where type = 'payout_run_prepared' and data->>'month' = '{month}'"))
            .Should().Be(1, "the run's PayoutRunPrepared is stored once");
    }

    /// <summary>The month whose run is due at <paramref name="now"/> under the default schedule, the 1st at 02:00 in Berlin.</summary>
    private static string DueMonth(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Berlin).DateTime;
        var scheduled = new DateTime(local.Year, local.Month, 1, 2, 0, 0);
        var latest = local >= scheduled ? scheduled : scheduled.AddMonths(-1);
        return latest.AddMonths(-1).ToString("yyyy-MM");
    }

    private static readonly Dictionary<string, string> Quiet = new() { ["Retention__ScheduleEnabled"] = "false" };

    private static HttpClient Client(ApiProcess node) => new() { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static object OfferBody(string municipality, int places) => new
    {
        providerType = "municipality", providerName = "Gemeinde Bauhof", municipality, title = "Grünflächenpflege",
        activity = "Pflege öffentlicher Grünflächen", places, hoursPerWeek = 20, startsOn = D(Today.AddYears(-1)),
        reportTo = "Bauhof, Am Markt 1", servesPublicBenefit = true,
    };

    private static object PersonBody(string municipality) => new
    {
        municipality, givenName = "Amina", familyName = "Yusuf", dateOfBirth = D(Today.AddYears(-30)),
        confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)), fileReference = "AZ-MN-" + Guid.NewGuid().ToString("N")[..12],
    };

    private static async Task<JsonNode> QuotaRow(HttpClient http, string token, string municipality)
    {
        var quota = await Expect(await Send(http, token, HttpMethod.Get, "/api/quota"), HttpStatusCode.OK);
        return quota["municipalities"]!.AsArray().Single(r => r!["municipality"]!.GetValue<string>() == municipality)!;
    }

    /// <summary>Reads until <paramref name="done"/> holds; fails with the last value and the nodes' output at the deadline.</summary>
    private static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what, params ApiProcess[] nodes)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new Xunit.Sdk.XunitException($"{what}: not reached within {within.TotalSeconds} s; last: {Describe(value)}\n"
                    + string.Join("\n", nodes.Select(n => $"--- node on port {n.Port} (exited: {n.HasExited}):\n{n.RecentOutput}")));
            await timer.WaitForNextTickAsync();
        }
    }

    private static string Describe(object? value) => value switch
    {
        JsonNode node => node.ToJsonString(),
        IEnumerable<string> rows => string.Join("; ", rows),
        _ => value?.ToString() ?? "null",
    };

    private static async Task<string> Token(HttpClient client, string userId, string role, string? municipality)
    {
        using var response = await client.PostAsJsonAsync("/dev/token", new { userId, name = $"Test {userId}", role, municipality });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private static async Task<JsonNode> Expect(Task<HttpResponseMessage> sending, HttpStatusCode status) => await Expect(await sending, status);

    private static async Task<JsonNode> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
            return JsonNode.Parse(text)!;
        }
    }

    private static Guid IdOf(JsonNode body) => Guid.Parse(body["id"]!.GetValue<string>());

    /// <summary>No rows while the first node has not yet created Wolverine's tables.</summary>
    private static async Task<List<string>> Rows(NpgsqlConnection conn, string sql)
    {
        var rows = new List<string>();
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
        }
        return rows;
    }

    private static async Task<long> Count(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
