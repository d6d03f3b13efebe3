using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using JasperFx.OpenTelemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AGH.Api.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics of the whole stack (ASP.NET Core, Wolverine, Marten, Npgsql), sent by OTLP to the
/// collector named by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without that variable nothing is registered at
/// all: no listener, no exporter, so the instrumented libraries skip their spans and measurements entirely.
/// The SDK itself reads the other standard variables (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>,
/// <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c>, <c>OTEL_BSP_*</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>, …).
/// Nothing personal leaves the process: see <see cref="TelemetryScrubber"/>.
/// </summary>
public static class Telemetry
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "agh-api";

    /// <summary>Span sources: ASP.NET Core and HttpClient come with their instrumentations.</summary>
    public static readonly string[] Sources = ["Wolverine", "Marten", "Npgsql"];

    /// <summary>The service's own meter (no personal data: counts and fixed tags only).</summary>
    public const string ServiceMeter = "AGH";

    /// <summary>Meters; Wolverine names its meter after its service name ("Wolverine:AGH.Api").</summary>
    public static readonly string[] Meters = ["Wolverine", "Wolverine:*", "Marten", ServiceMeter];

    /// <summary>Settings that win over the operator's, because they keep personal data out of the export.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ForcedSettings = new Dictionary<string, string?>
    {
        ["OTEL_SPAN_EVENT_COUNT_LIMIT"] = "0",
    };

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[EndpointVariable])
        && !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddAghTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsEnabled(configuration)) return builder;

        // Span events cannot be edited once recorded, and exception events (Marten, Npgsql) carry the message and the
        // stack trace, which may quote data: none are exported. The scrubber keeps the exception type as error.type.
        builder.Configuration.AddInMemoryCollection(ForcedSettings);

        // Marten's own connection spans and its counter of appended events (event type names only).
        builder.Services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
        });

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are read by the SDK; this is only the fallback.
                var named = !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
                    || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Contains("service.name=", StringComparison.Ordinal);
                if (!named)
                    resource.AddService(DefaultServiceName,
                        serviceVersion: Assembly.GetExecutingAssembly().GetName().Version?.ToString());
            })
            .WithTracing(tracing => ConfigureTracing(tracing, configuration))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters)
                .AddOtlpExporter(o => SignalEndpoint(o, configuration, "METRICS")));
        return builder;
    }

    /// <summary>Span sources, the scrubber and the exporter; public so a test can build the same pipeline alone.</summary>
    public static TracerProviderBuilder ConfigureTracing(TracerProviderBuilder tracing, IConfiguration configuration) => tracing
        .AddAspNetCoreInstrumentation(o => o.RecordException = false)
        .AddHttpClientInstrumentation(o => o.RecordException = false)
        .AddNpgsql()
        .AddSource(Sources)
        // Before the exporter's batch processor: every span is cleaned before it is queued for export.
        .AddProcessor(new TelemetryScrubber())
        .AddOtlpExporter(o => SignalEndpoint(o, configuration, "TRACES"));

    /// <summary>
    /// The standard per-signal endpoint overrides the common one and is used as given (no /v1/… appended); the SDK's
    /// per-signal exporter reads only the common one.
    /// </summary>
    private static void SignalEndpoint(OtlpExporterOptions options, IConfiguration configuration, string signal)
    {
        if (configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"] is { Length: > 0 } endpoint
            && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            options.Endpoint = uri;
    }
}

/// <summary>
/// Removes from every finished span what could carry social data: query strings (search terms), raw paths (the route
/// template stays in <c>http.route</c>), client addresses and user agents, literal values in SQL text, exception
/// messages and stack traces (the exception type stays, as <c>error.type</c>; span events are not exported at all) and
/// free-text status descriptions. Request and response
/// bodies and SQL parameters are never recorded by the instrumentations in the first place.
/// </summary>
public sealed partial class TelemetryScrubber : BaseProcessor<Activity>
{
    private static readonly string[] Dropped =
    [
        "url.query", "url.path", "client.address", "client.port", "network.peer.address", "network.peer.port",
        "user_agent.original", "enduser.id", "http.user_agent", "http.client_ip", "net.peer.ip",
    ];

    private static readonly string[] WithQuery = ["url.full", "http.url", "http.target"];
    private static readonly string[] Sql = ["db.query.text", "db.statement"];

    public override void OnEnd(Activity activity) => Scrub(activity);

    public static void Scrub(Activity activity)
    {
        foreach (var key in Dropped)
            if (activity.GetTagItem(key) is not null) activity.SetTag(key, null);
        foreach (var key in WithQuery)
            if (activity.GetTagItem(key) is string url && url.IndexOf('?') is var q and >= 0) activity.SetTag(key, url[..q]);
        foreach (var key in Sql)
            if (activity.GetTagItem(key) is string sql) activity.SetTag(key, WithoutLiterals(sql));
        foreach (var key in Sql.Select(k => k + ".parameter"))
            RemoveByPrefix(activity, key);
        RemoveByPrefix(activity, "db.query.parameter.");
        RemoveByPrefix(activity, "exception.");

        // A span name is normally "GET /api/persons/{id}" or a database name; one carrying a query string is cut.
        if (activity.DisplayName.IndexOf('?') is var nameQuery and >= 0) activity.DisplayName = activity.DisplayName[..nameQuery];
        if (activity.Status == ActivityStatusCode.Error && activity.StatusDescription is not null)
            activity.SetStatus(ActivityStatusCode.Error);

        if (activity.GetTagItem("error.type") is null
            && activity.Events.SelectMany(e => e.Tags).FirstOrDefault(t => t.Key == "exception.type").Value is string type)
            activity.SetTag("error.type", type);
    }

    private static void RemoveByPrefix(Activity activity, string prefix)
    {
        var keys = activity.TagObjects.Select(t => t.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k != "exception.type").ToList();
        foreach (var key in keys) activity.SetTag(key, null);
    }

    /// <summary>SQL with every literal replaced by <c>?</c>: strings, dollar-quoted strings and numbers; <c>$1</c> stays.</summary>
    public static string WithoutLiterals(string sql) => Numbers().Replace(DollarQuoted().Replace(Quoted().Replace(sql, "?"), "?"), "?");

    [GeneratedRegex(@"'(?:[^']|'')*'?", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\$([A-Za-z_]\w*)?\$.*?(?:\$\1\$|$)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex DollarQuoted();

    [GeneratedRegex(@"(?<![\w$.])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();
}
