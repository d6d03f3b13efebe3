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
    /// <summary>A development key left in a production configuration (with Auth:DevTokens=true, as ApiProcess sets): it signs nothing accepted there.</summary>
    private const string ConfiguredDevKey = "a-development-key-left-in-production-0123456789";

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
        api.ExitCode.Should().Be(1);
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
            ["Auth__SigningKey"] = ConfiguredDevKey,
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

        var devKey = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ConfiguredDevKey)), SecurityAlgorithms.HmacSha256);
        (await Read(Token(DevDefaults.Issuer, devKey))).Should().Be(HttpStatusCode.Unauthorized, "a token as /dev/token makes it");
        (await Read(Token(provider.Authority, devKey))).Should().Be(HttpStatusCode.Unauthorized, "the development key with the right issuer");
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = StubIdentityProvider.KeyId };
        (await Read(Token(provider.Authority, new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256))))
            .Should().Be(HttpStatusCode.Unauthorized, "a key the provider does not publish");
        (await Read(Token(provider.Authority, provider.Signing))).Should().Be(HttpStatusCode.OK, "the provider's own token gets in");
        provider.JwksRequests.Should().BeGreaterThan(0, "the keys came from the provider's JWKS");
    }

    [SkippableFact]
    public async Task Outside_Development_staff_sign_in_to_the_web_app_with_the_identity_provider_by_code_with_PKCE_and_sign_out_there()
    {
        await using var provider = StubIdentityProvider.Start();
        await using var database = await TestDatabase.Create();
        // Outside Development the cookies are Secure: the browser reaches the node through the TLS proxy.
        await using var api = ProductionNode.Start(database.ConnectionString, provider, new() { ["Proxy__KnownNetworks__0"] = "127.0.0.1/32" });
        await api.WaitReady(TimeSpan.FromSeconds(60));
        using var http = TlsProxy.Client(api.BaseAddress, out _);

        var challenge = await http.GetAsync("/app/persons");
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect, "an unknown visitor is sent to the identity provider");
        var authorize = challenge.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Path).Should().Be(provider.Authority + "/protocol/openid-connect/auth");
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        query["response_type"].Should().Be("code", "the authorization code flow");
        query["code_challenge_method"].Should().Be("S256", "with PKCE");
        query["code_challenge"].Should().NotBeNullOrEmpty();
        query["client_id"].Should().Be("agh-web");
        query["scope"]!.Split(' ').Should().Contain(["openid", "agh"], "the API's audience is asked for");
        query["redirect_uri"].Should().Be(new Uri(TlsProxy.PublicAddress, "/app/signin-oidc").ToString());
        (await http.GetAsync("/app/signin")).Headers.Location!.GetLeftPart(UriPartial.Path)
            .Should().Be(provider.Authority + "/protocol/openid-connect/auth", "outside Development there is no role picker");

        var code = provider.IssueCode(query["nonce"]!, query["code_challenge"]!, query["client_id"]!,
            new Claim("sub", "a.schulz"), new Claim("name", "Anna Schulz"), new Claim("role", "caseworker"), new Claim("municipality", "bad-iburg"));
        var callback = await http.GetAsync($"/app/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        callback.StatusCode.Should().Be(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.ToString().Should().Be("/app/persons", "back to the page that asked for the sign-in");
        provider.PkceRedeemed.Should().Be(1, "the app redeemed the code with the verifier of its challenge");

        var page = await http.GetAsync("/app/persons");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("Anna Schulz").And.Contain("Personen in Bad Iburg", "the app called the API with the provider's access token");

        var antiforgery = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signOut = await http.PostAsync("/app/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing out also ends the session at the identity provider");
        signOut.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(provider.Authority + "/protocol/openid-connect/logout");
        var logout = System.Web.HttpUtility.ParseQueryString(signOut.Headers.Location.Query);
        logout["id_token_hint"].Should().NotBeNullOrEmpty();
        logout["post_logout_redirect_uri"].Should().Be(new Uri(TlsProxy.PublicAddress, "/app/signout-callback-oidc").ToString());
        (await http.GetAsync("/app/persons")).Headers.Location!.GetLeftPart(UriPartial.Path)
            .Should().Be(provider.Authority + "/protocol/openid-connect/auth", "the app's own session is gone too");
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

/// <summary>
/// An OpenID Connect provider reduced to what a resource server reads (its metadata and signing keys, JWKS) and what the
/// staff app's sign-in needs: a token endpoint that redeems a code only with the PKCE verifier of its challenge.
/// </summary>
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

    /// <summary>On a given port: a provider that comes back where the service expects it.</summary>
    public static StubIdentityProvider Start(int port) => new(port);

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
                    ["authorization_endpoint"] = Authority + "/protocol/openid-connect/auth",
                    ["token_endpoint"] = Authority + "/protocol/openid-connect/token",
                    ["end_session_endpoint"] = Authority + "/protocol/openid-connect/logout",
                    ["response_types_supported"] = new[] { "code" },
                    ["code_challenge_methods_supported"] = new[] { "S256" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                },
                "/realms/agh/protocol/openid-connect/certs" => Jwks(),
                "/realms/agh/protocol/openid-connect/token" => await Redeem(context.Request),
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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Nonce, string Challenge, string ClientId, Claim[] Claims)> _codes = new();
    private int _pkceRedeemed;

    /// <summary>Codes redeemed with a verifier that matched their challenge.</summary>
    public int PkceRedeemed => Volatile.Read(ref _pkceRedeemed);

    /// <summary>What the provider's login page would do once the person signed in: a code for this authorization request.</summary>
    public string IssueCode(string nonce, string codeChallenge, string clientId, params Claim[] claims)
    {
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = (nonce, codeChallenge, clientId, claims);
        return code;
    }

    private async Task<object?> Redeem(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream);
        var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
        if (form["grant_type"] != "authorization_code" || form["code"] is not { } code || !_codes.TryRemove(code, out var grant)) return null;
        var verifier = form["code_verifier"] ?? "";
        if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge) return null;
        Interlocked.Increment(ref _pkceRedeemed);
        var now = DateTime.UtcNow;
        string Sign(string audience, IEnumerable<Claim> claims) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Authority,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = Signing,
        });
        return new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["access_token"] = Sign(new AuthSettings().Audience, grant.Claims),
            ["id_token"] = Sign(grant.ClientId, grant.Claims.Append(new Claim("nonce", grant.Nonce))),
        };
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
