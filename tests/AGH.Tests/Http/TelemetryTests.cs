using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// A stub OTLP/HTTP collector on 127.0.0.1: accepts every POST (/v1/traces, /v1/metrics, …) with 200 and keeps the path
/// and the raw, decompressed body of each in a channel.
/// </summary>
public sealed class OtlpStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private OtlpStub(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public Channel<(string Path, byte[] Body)> Received { get; } = Channel.CreateUnbounded<(string, byte[])>();

    public static OtlpStub Start() => new(PgCluster.FreePort());

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            // A gzipped payload would hide any leak from a byte search: look at what the collector would decode.
            if (context.Request.Headers["Content-Encoding"] is "gzip")
            {
                using var unzipped = new MemoryStream();
                await new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress).CopyToAsync(unzipped);
                bytes = unzipped.ToArray();
            }
            Received.Writer.TryWrite((context.Request.Url!.AbsolutePath, bytes));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

/// <summary>
/// OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT the service sends traces (HTTP, database) and metrics to the
/// collector, and nothing in them names a person; without it the service sends nothing at all.
/// </summary>
public sealed class TelemetryTests(ITestOutputHelper output)
{
    private const string Municipality = "bad-iburg";
    private const string GivenName = "Zyxwvutsrq";
    private const string FamilyName = "Privatname";
    private const string FileReference = "AZ-Otel-9713-Kw";
    private const string QueryTerm = "Suchbegriffqxz";
    private static readonly DateOnly Birth = new(1979, 11, 23);

    private static readonly string[] Secrets =
    [
        GivenName, FamilyName, FileReference, QueryTerm, "1979-11-23", "23.11.1979", "11/23/1979", "19791123",
    ];

    /// <summary>Short export intervals so the positive case is quick and the negative case waits a bounded time.</summary>
    private static Dictionary<string, string> Intervals() => new()
    {
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        ["OTEL_SERVICE_NAME"] = "agh-telemetry-test",
    };

    [SkippableFact]
    public async Task Traces_and_metrics_reach_the_collector_without_any_personal_data()
    {
        await using var database = await TestDatabase.Create();
        using var collector = OtlpStub.Start();
        var settings = Intervals();
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url;
        await using var api = ApiProcess.Start(database.ConnectionString, settings);
        await api.WaitReady(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var caseworker = await Token(http, "caseworker-otel", "caseworker", Municipality);
        var coordinator = await Token(http, "coordinator-otel", "coordinator", null);

        // A Wolverine endpoint, so Wolverine's own spans and measurements have something to report.
        var offer = await Send(http, coordinator, HttpMethod.Post, "/api/offers", new
        {
            providerType = "municipality", providerName = "Gemeinde Bauhof", municipality = Municipality, title = "Grünflächenpflege",
            activity = "Pflege öffentlicher Grünflächen", places = 2, hoursPerWeek = 20, startsOn = "2025-01-01",
            reportTo = "Bauhof, Am Markt 1", servesPublicBenefit = true,
        });
        offer.StatusCode.Should().Be(HttpStatusCode.Created, await offer.Content.ReadAsStringAsync());
        await DrivePersonalData(http, caseworker);
        // The last request: once its span has arrived, the batches before it have too.
        var marker = await Send(http, caseworker, HttpMethod.Get, "/api/persons/" + Guid.NewGuid() + "/history");
        output.WriteLine($"marker: {(int)marker.StatusCode}");

        var traces = new List<byte[]>();
        var metrics = new List<byte[]>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        bool Complete() =>
            HistoryRoute(traces) && Contains(traces, "Microsoft.AspNetCore") && Contains(traces, "Npgsql")
            && Contains(metrics, "http.server.request.duration");
        while (!Complete())
        {
            var left = deadline - DateTime.UtcNow;
            left.Should().BePositive($"traces (HTTP and database) and metrics should arrive; got {traces.Count} trace and " +
                $"{metrics.Count} metric payloads; history route {HistoryRoute(traces)}, " +
                $"ASP.NET Core {Contains(traces, "Microsoft.AspNetCore")}, Npgsql {Contains(traces, "Npgsql")}, " +
                $"HTTP metrics {Contains(metrics, "http.server.request.duration")}.\n{api.RecentOutput}");
            using var wait = new CancellationTokenSource(left);
            try
            {
                var (path, body) = await collector.Received.Reader.ReadAsync(wait.Token);
                (path switch { "/v1/traces" => traces, "/v1/metrics" => metrics, _ => [] }).Add(body);
            }
            catch (OperationCanceledException) { }
        }
        while (collector.Received.Reader.TryRead(out var late))
            (late.Path switch { "/v1/traces" => traces, "/v1/metrics" => metrics, _ => [] }).Add(late.Body);

        var scopes = new[] { "Microsoft.AspNetCore", "Npgsql", "Marten", "Wolverine", "wolverine-", "System.Net.Http" };
        output.WriteLine($"{traces.Count} trace payloads ({traces.Sum(t => t.Length)} bytes), {metrics.Count} metric payloads; " +
            "scopes seen in traces: " + string.Join(", ", scopes.Where(s => Contains(traces, s))) +
            "; in metrics: " + string.Join(", ", scopes.Where(s => Contains(metrics, s))));
        (Contains(traces, "/api/persons/{id:guid}") || Contains(traces, "/api/persons/{id}")).Should().BeTrue("spans are named by route template");
        Contains(traces, "agh-telemetry-test").Should().BeTrue("OTEL_SERVICE_NAME names the service");

        var leaks = Secrets.SelectMany(secret => traces.Select(b => ("traces", b)).Concat(metrics.Select(b => ("metrics", b)))
                .Where(p => Leaks(p.b, secret)).Select(p => $"{secret} in {p.Item1}: …{Around(p.b, secret)}…"))
            .ToList();
        foreach (var leak in leaks.Take(10)) output.WriteLine("LEAK " + leak);
        leaks.Should().BeEmpty();
    }

    [SkippableFact]
    public async Task Without_an_OTLP_endpoint_nothing_is_sent()
    {
        await using var database = await TestDatabase.Create();
        using var collector = OtlpStub.Start();
        var settings = Intervals();
        // Were an exporter registered regardless, these would lead it straight to the stub.
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        settings["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = collector.Url + "/v1/traces";
        settings["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = collector.Url + "/v1/metrics";
        await using var api = ApiProcess.Start(database.ConnectionString, settings);
        await api.WaitReady(TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var caseworker = await Token(http, "caseworker-no-otel", "caseworker", Municipality);
        await DrivePersonalData(http, caseworker);

        // Ten times the span batch delay and six times the metric interval.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var anything = false;
        try
        {
            anything = await collector.Received.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) { }
        collector.Received.Reader.TryRead(out var first);
        anything.Should().BeFalse($"nothing may be exported without OTEL_EXPORTER_OTLP_ENDPOINT, but {first.Path} arrived");
    }

    /// <summary>A registration, reads, a search with the name in the query string, and refused requests quoting the data.</summary>
    private async Task DrivePersonalData(HttpClient http, string caseworker)
    {
        var person = new
        {
            municipality = Municipality, givenName = GivenName, familyName = FamilyName, dateOfBirth = Birth.ToString("yyyy-MM-dd"),
            confirmedNotDuplicate = true, entitledSince = "2024-01-01", fileReference = FileReference,
        };
        var created = await Send(http, caseworker, HttpMethod.Post, "/api/persons", person);
        var text = await created.Content.ReadAsStringAsync();
        created.StatusCode.Should().Be(HttpStatusCode.Created, text);
        var id = JsonNode.Parse(text)!["id"]!.GetValue<string>();

        (await Send(http, caseworker, HttpMethod.Get, $"/api/persons/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var statuses = new List<int>
        {
            (int)(await Send(http, caseworker, HttpMethod.Get, $"/api/persons?municipality={Municipality}&q={QueryTerm}+{GivenName}")).StatusCode,
            (int)(await Send(http, caseworker, HttpMethod.Get, $"/api/persons/{id}?asOf={QueryTerm}")).StatusCode,
            (int)(await Send(http, caseworker, HttpMethod.Get, $"/api/persons/{GivenName}-{FamilyName}")).StatusCode,
            (int)(await Send(http, caseworker, HttpMethod.Post, "/api/persons", person with { entitledSince = "1970-01-01" })).StatusCode,
            (int)(await Send(http, caseworker, HttpMethod.Post, "/api/persons",
                raw: $$"""{"municipality":"{{Municipality}}","givenName":"{{GivenName}}","fileReference":"{{FileReference}}","x":[}""")).StatusCode,
            (int)(await Send(http, caseworker, HttpMethod.Post, $"/api/persons/{id}/exemptions",
                new { reason = "diagnosis", from = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), note = $"{GivenName} {FamilyName} {FileReference}" })).StatusCode,
        };
        output.WriteLine("refused or searched: " + string.Join(", ", statuses));
        statuses.Should().Contain(s => s >= 400, "failing requests are part of what must not leak");
    }

    private static async Task<string> Token(HttpClient client, string userId, string role, string? municipality)
    {
        using var response = await client.PostAsJsonAsync("/dev/token", new { userId, name = $"Test {userId}", role, municipality });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string token, HttpMethod method, string url, object? body = null, string? raw = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (raw is not null) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    /// <summary>The marker's route template, with or without the constraint (minimal API or Wolverine endpoint).</summary>
    private static bool HistoryRoute(IEnumerable<byte[]> traces) =>
        Contains(traces, "/api/persons/{id:guid}/history") || Contains(traces, "/api/persons/{id}/history");

    private static bool Contains(IEnumerable<byte[]> payloads, string text) =>
        payloads.Any(p => p.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);

    /// <summary>Also lower-cased and URL-encoded, as a query string or a normalised tag would carry it.</summary>
    private static bool Leaks(byte[] payload, string text) =>
        payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text.ToLowerInvariant())) >= 0
        || payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Uri.EscapeDataString(text))) >= 0;

    private static string Around(byte[] payload, string text)
    {
        var at = payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text));
        if (at < 0) return "(case or escaping differs)";
        var from = Math.Max(0, at - 120);
        var around = Encoding.UTF8.GetString(payload, from, Math.Min(payload.Length - from, 240 + text.Length));
        return new string(around.Select(ch => char.IsControl(ch) ? '·' : ch).ToArray());
    }
}

/// <summary>The span scrubber on its own, for what the HTTP-driven test cannot provoke at will.</summary>
public sealed class TelemetryScrubberTests
{
    [Fact]
    public void Literal_values_in_SQL_text_are_replaced_and_placeholders_kept()
    {
        var sql = "select d.data from agh.mt_doc_person d where d.data ->> 'familyName' = 'O''Privat' and d.born = 19791123 " +
                  "and d.note = $tag$Geheim$tag$ and d.id = $1 limit 10";
        var scrubbed = AGH.Api.Infrastructure.TelemetryScrubber.WithoutLiterals(sql);
        scrubbed.Should().NotContain("Privat").And.NotContain("19791123").And.NotContain("Geheim");
        scrubbed.Should().Contain("agh.mt_doc_person").And.Contain("$1").And.Contain("limit ?");
    }

    /// <summary>
    /// Through the real tracing pipeline (scrubber, OTLP exporter, the forced settings) into the stub collector: a span
    /// with a quoting exception, a query string and a raw path arrives with none of them, but with the exception type.
    /// </summary>
    [Fact]
    public async Task An_exported_span_keeps_the_exception_type_but_not_its_message_nor_the_query_string()
    {
        const string Secret = "Zyxwvutsrq";
        using var collector = OtlpStub.Start();
        var settings = new Dictionary<string, string?>(AGH.Api.Infrastructure.Telemetry.ForcedSettings)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url, ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        };
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var source = new System.Diagnostics.ActivitySource("Wolverine");
        using (var provider = AGH.Api.Infrastructure.Telemetry.ConfigureTracing(
                   OpenTelemetry.Sdk.CreateTracerProviderBuilder()
                       .ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration)),
                   configuration)
               .Build())
        {
            using var activity = source.StartActivity("scrubber-test")!;
            activity.Should().NotBeNull("the pipeline listens to the Wolverine source");
            activity.SetTag("url.query", $"q={Secret}");
            activity.SetTag("url.full", $"http://host/api/persons?q={Secret}");
            activity.SetTag("url.path", $"/api/persons/{Secret}");
            activity.SetTag("http.route", "/api/persons/{id:guid}");
            activity.SetTag("db.query.text", $"select 1 where x = '{Secret}'");
            activity.AddException(new InvalidOperationException($"JSON data: {{\"givenName\":\"{Secret}\"}}"));
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, $"failed for {Secret}");
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (path, body) = await collector.Received.Reader.ReadAsync(wait.Token);
        path.Should().Be("/v1/traces");
        var text = Encoding.UTF8.GetString(body);
        text.Should().Contain("scrubber-test").And.Contain("/api/persons/{id:guid}").And.Contain("System.InvalidOperationException")
            .And.Contain("http://host/api/persons");
        text.Should().NotContain(Secret);
    }
}
