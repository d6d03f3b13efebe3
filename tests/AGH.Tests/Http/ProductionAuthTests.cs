using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AGH.Api.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// The real service process in Production: it refuses to start without an identity provider, and with one it accepts
/// only tokens signed with that provider's published keys: never the development key, and there is no /dev/token.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProductionAuthCollection
{
    public const string Name = "production-auth";
}

[Collection(ProductionAuthCollection.Name)]
public sealed class ProductionAuthTests(ITestOutputHelper output)
{
    private static readonly AuthSettings DevDefaults = new();

    [SkippableFact]
    public async Task Outside_Development_the_service_refuses_to_start_without_Auth_Authority_and_names_the_setting()
    {
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = "",
        });

        (await api.WaitForExit(TimeSpan.FromSeconds(60))).Should().BeTrue("the service must stop by itself:\n" + api.RecentOutput);
        output.WriteLine(api.RecentOutput);
        api.ExitCode.Should().NotBe(0);
        api.OutputLines.Where(l => l.Contains("Auth:Authority")).Should().ContainSingle("exactly one log line names the missing setting:\n" + api.RecentOutput);
        api.RecentOutput.Should().NotContain("   at ", "a clear line, not a stack trace");
    }

    [SkippableFact]
    public async Task In_Production_only_the_identity_providers_keys_are_accepted_never_the_development_key()
    {
        await using var provider = StubIdentityProvider.Start();
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = provider.Authority,
            ["Auth__RequireHttpsMetadata"] = "false",
        });
        await api.WaitReady(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };

        var devToken = await http.PostAsJsonAsync("/dev/token", new { userId = "u1", name = "Anna Schulz", role = "auditor" });
        devToken.StatusCode.Should().Be(HttpStatusCode.NotFound, "POST /dev/token does not exist outside Development");

        async Task<HttpStatusCode> Read(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/municipalities");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var devKey = new SigningCredentials(DevDefaults.Key, SecurityAlgorithms.HmacSha256);
        (await Read(Token(DevDefaults.Issuer, devKey))).Should().Be(HttpStatusCode.Unauthorized, "a token as /dev/token makes it");
        (await Read(Token(provider.Authority, devKey))).Should().Be(HttpStatusCode.Unauthorized, "the development key with the right issuer");
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = StubIdentityProvider.KeyId };
        (await Read(Token(provider.Authority, new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256))))
            .Should().Be(HttpStatusCode.Unauthorized, "a key the provider does not publish");
        (await Read(Token(provider.Authority, provider.Signing))).Should().Be(HttpStatusCode.OK, "the provider's own token gets in");
        provider.JwksRequests.Should().BeGreaterThan(0, "the keys came from the provider's JWKS");
    }

    private static string Token(string issuer, SigningCredentials signing)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "auditor-prod"), new Claim("name", "Prüfer"), new Claim("role", "auditor")]),
            Issuer = issuer,
            Audience = DevDefaults.Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = signing,
        });
    }
}

/// <summary>An OpenID Connect provider reduced to what a resource server reads: its metadata and its signing keys (JWKS).</summary>
internal sealed class StubIdentityProvider : IAsyncDisposable
{
    public const string KeyId = "stub-key-1";
    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly Task _loop;
    private int _jwksRequests;

    private StubIdentityProvider(int port)
    {
        Authority = $"http://127.0.0.1:{port}/realms/agh";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Signing = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        _loop = Task.Run(Serve);
    }

    public string Authority { get; }
    public SigningCredentials Signing { get; }
    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static StubIdentityProvider Start() => new(PgCluster.FreePort());

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            object? body = path switch
            {
                "/realms/agh/.well-known/openid-configuration" => new Dictionary<string, object>
                {
                    ["issuer"] = Authority,
                    ["jwks_uri"] = Authority + "/protocol/openid-connect/certs",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                },
                "/realms/agh/protocol/openid-connect/certs" => Jwks(),
                _ => null,
            };
            if (path.EndsWith("/certs")) Interlocked.Increment(ref _jwksRequests);
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private object Jwks()
    {
        var p = _rsa.ExportParameters(false);
        return new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus!), e = Base64UrlEncoder.Encode(p.Exponent!) } } };
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; }
        catch (Exception) { }
        _rsa.Dispose();
    }
}
