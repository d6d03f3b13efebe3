using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// However the service is started, Production stays Production: it refuses to start without the settings production
/// needs (one line naming the setting, exit code 1), and what exists only for developers (development tokens, the
/// Swagger UI) is not there.
/// </summary>
[Collection(ProductionAuthCollection.Name)]
public sealed class ProductionStartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(90);

    /// <summary>An address nothing listens on: these tests never send a token, so the provider is never asked.</summary>
    private const string UnusedAuthority = "http://127.0.0.1:9/realms/agh";

    [SkippableFact]
    public async Task Started_the_READMEs_way_with_dotnet_run_in_Production_it_stays_Production_and_refuses_without_Auth_Authority()
    {
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "",
        }, dotnetRun: true);

        await ShouldRefuse(api, "Auth:Authority");
    }

    [SkippableTheory]
    [InlineData("missing", "")]
    [InlineData("not base64", "this is not base64 at all!")]
    [InlineData("16 bytes", "AAECAwQFBgcICQoLDA0ODw==")]
    [InlineData("64 bytes", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==")]
    public async Task Outside_Development_the_service_refuses_to_start_without_a_valid_DataProtection_EncryptionKey(string what, string key)
    {
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = UnusedAuthority,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["DataProtection__EncryptionKey"] = key,
        });

        await ShouldRefuse(api, "DataProtection:EncryptionKey", what);
        if (key != "") api.RecentOutput.Should().NotContain(key, "the key is never written to the log");
    }

    [SkippableTheory]
    [InlineData("HS256")]
    [InlineData("RS256,none")]
    public async Task A_symmetric_or_empty_algorithm_in_Auth_Algorithms_is_refused_at_start(string algorithms)
    {
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = UnusedAuthority,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["Auth__Algorithms"] = algorithms,
        });

        await ShouldRefuse(api, "Auth:Algorithms", algorithms);
    }

    [SkippableFact]
    public async Task A_configured_development_key_shorter_than_32_bytes_is_refused_at_start()
    {
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string> { ["Auth__SigningKey"] = "too-short-a-key" });

        await ShouldRefuse(api, "Auth:SigningKey");
    }

    [SkippableFact]
    public async Task In_Production_there_are_no_development_tokens_and_no_Swagger_UI_unless_asked_for_but_the_document_stays()
    {
        await using var database = await TestDatabase.Create();
        var production = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = UnusedAuthority,
            ["Auth__RequireHttpsMetadata"] = "false",
        };
        await using (var api = ApiProcess.Start(database.ConnectionString, production))
        {
            await api.WaitReady(StartWithin);
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

            (await http.PostAsJsonAsync("/dev/token", new { userId = "u1", role = "auditor" })).StatusCode
                .Should().Be(HttpStatusCode.NotFound, "no development tokens outside Development, Auth:DevTokens=true notwithstanding");
            (await http.GetAsync("/swagger")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await http.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            var document = await http.GetAsync("/swagger/v1/swagger.json");
            document.StatusCode.Should().Be(HttpStatusCode.OK, "front-end teams read the document");
            (await document.Content.ReadAsStringAsync()).Should().Contain("\"/api/persons\"");

            using var anonymous = await http.GetAsync("/api/persons");
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            anonymous.Headers.CacheControl!.NoStore.Should().BeTrue();
            anonymous.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        }

        await using (var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>(production) { ["OpenApi__ExposeUi"] = "true" }))
        {
            await api.WaitReady(StartWithin);
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
            var ui = await http.GetAsync("/swagger/index.html");
            ui.StatusCode.Should().Be(HttpStatusCode.OK, "OpenApi:ExposeUi=true shows the UI in Production");
            (await ui.Content.ReadAsStringAsync()).Should().Contain("swagger-ui");
        }
    }

    private async Task ShouldRefuse(ApiProcess api, string setting, string? because = null)
    {
        because ??= "without " + setting;
        (await api.WaitForExit(StartWithin)).Should().BeTrue($"the service must stop by itself ({because}):\n" + api.RecentOutput);
        output.WriteLine(api.RecentOutput);
        api.ExitCode.Should().Be(1, because);
        api.OutputLines.Where(l => l.Contains(setting)).Should().ContainSingle($"exactly one line names {setting} ({because}):\n" + api.RecentOutput);
        api.RecentOutput.Should().NotContain("   at ", "a clear line, not a stack trace");
    }
}
