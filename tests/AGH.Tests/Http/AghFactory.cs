using System.Net.Http.Headers;
using System.Net.Http.Json;
using AGH.Api.Infrastructure;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Testcontainers.PostgreSql;
using Wolverine;

namespace AGH.Tests.Http;

/// <summary>
/// The real host against a real PostgreSQL: the cluster named by AGH_TEST_CONNECTION (a fresh database per factory),
/// or a Testcontainers PostgreSQL where that variable is unset and Docker is available.
/// </summary>
public class AghFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private PostgreSqlContainer? _container;
    private string _connectionString;
    private string? _createdDatabase;

    // Program ends with RunJasperFxCommands; under WebApplicationFactory the host must still start by itself.
    static AghFactory() => JasperFx.CommandLine.JasperFxEnvironment.AutoStartHost = true;

    public AghFactory() : this(null) { }

    /// <summary>With a connection string: a second host on the same database, as after a restart.</summary>
    protected AghFactory(string? connectionString) => _connectionString = connectionString ?? "";

    public string ConnectionString => _connectionString;

    public const string Unlimited = "1000000";

    /// <summary>Extra configuration for a collection's own host.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    /// <summary>Frozen at start so "today" cannot roll over midway through a run.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public DateOnly Today => new Clock(Time).Today;

    /// <summary>
    /// Moves the clock to <paramref name="day"/> at the same time of day in Berlin. Advancing by whole days of 24 hours
    /// lands on the next day when a summer-time change lies between and the run is late in the evening.
    /// </summary>
    public void AdvanceTo(DateOnly day)
    {
        var now = TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Clock.Berlin);
        var local = day.ToDateTime(TimeOnly.FromDateTime(now.DateTime));
        Time.SetUtcNow(new DateTimeOffset(local, Clock.Berlin.GetUtcOffset(local)));
    }

    /// <summary>The monthly payout schedule is off in tests unless a test turns it on.</summary>
    public virtual bool ScheduleEnabled => false;

    /// <summary>The daily end of placement periods (and its run at start) is off in tests unless a test turns it on.</summary>
    public virtual bool PeriodEndScheduleEnabled => false;

    public virtual async Task InitializeAsync()
    {
        if (_connectionString != "") return;
        var shared = Environment.GetEnvironmentVariable("AGH_TEST_CONNECTION");
        if (string.IsNullOrWhiteSpace(shared))
        {
            _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await _container.StartAsync();
            _connectionString = _container.GetConnectionString();
            return;
        }
        var database = "agh_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(shared))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        _createdDatabase = database;
        _connectionString = new NpgsqlConnectionStringBuilder(shared) { Database = database, MaxPoolSize = 200 }.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Agh", _connectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Payouts:Schedule:Enabled", ScheduleEnabled ? "true" : "false");
        builder.UseSetting("Retention:ScheduleEnabled", "false");
        builder.UseSetting("Placements:PeriodEndScheduleEnabled", PeriodEndScheduleEnabled ? "true" : "false");
        builder.UseSetting("Auth:DevTokens", "true");
        // The checked-in handlers, as Release and production load them: no Roslyn compile per test host.
        builder.UseSetting("Wolverine:PreGeneratedCode", "true");
        // The suite asks for many tokens and sends many anonymous requests from one address; RateLimitTests sets low limits.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", Unlimited);
        builder.UseSetting("RateLimits:Anonymous:PermitLimit", Unlimited);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // One host per database: it leads at once and runs every agent (projections, schedules) itself.
            services.RunWolverineInSoloMode();
        });
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    public async Task<IReadOnlyList<IEvent>> Stream(Guid id)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }

    /// <param name="name">The token's display name; "Test {userId}" unless given (a name unlike the id shows the id is not printed).</param>
    public async Task<HttpClient> ClientFor(string role, string? municipality = "bad-iburg", string? userId = null, string? provider = null, string? name = null)
    {
        var client = CreateDefaultClient(new AGH.Tests.Http.OpenApi.ContractCheck());
        var token = await Token(client, userId ?? $"{role}-{provider ?? municipality ?? "all"}", role, municipality, provider: provider, name: name);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> Token(HttpClient client, string userId, string role, string? municipality, int? lifetimeSeconds = null, string? provider = null,
        string? name = null)
    {
        var response = await client.PostAsJsonAsync("/dev/token", new { userId, name = name ?? $"Test {userId}", role, municipality, lifetimeSeconds, provider });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_container is not null) await _container.DisposeAsync();
        if (_createdDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(Environment.GetEnvironmentVariable("AGH_TEST_CONNECTION"));
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_createdDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HttpCollection : ICollectionFixture<AghFactory>
{
    public const string Name = "http";
}
