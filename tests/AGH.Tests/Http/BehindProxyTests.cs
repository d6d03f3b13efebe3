using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Web;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>A node in Production behind the TLS proxy (127.0.0.1 is its known proxy), with the stub identity provider.</summary>
public sealed class ProductionNodeFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    internal StubIdentityProvider Provider { get; private set; } = null!;
    public ApiProcess Api { get; private set; } = null!;

    /// <summary>Every node of one store shares the key ring, and with it its encryption key.</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Proxy__KnownNetworks__0"] = "127.0.0.1/32",
        ["DataProtection__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public string ConnectionString => _database!.ConnectionString;

    public async Task InitializeAsync()
    {
        Provider = StubIdentityProvider.Start();
        _database = await TestDatabase.Create();
        Api = ProductionNode.Start(_database.ConnectionString, Provider, Settings);
        await Api.WaitReady(TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        if (Api is not null) await Api.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (Provider is not null) await Provider.DisposeAsync();
    }
}

internal static class ProductionNode
{
    /// <summary>The Release build in Production the way an operator runs it behind nginx (host names and keys configured).</summary>
    public static ApiProcess Start(string connectionString, StubIdentityProvider provider, Dictionary<string, string> settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = provider.Authority,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["AllowedHosts"] = TlsProxy.Host + ";127.0.0.1",
            ["DataProtection__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (key, value) in settings) all[key] = value;
        return ApiProcess.Start(connectionString, all);
    }

    /// <summary>
    /// A staff member signs in through the proxy as a browser would: the app sends them to the provider, the provider
    /// sends them back with a code for the identity given, the app opens its session.
    /// </summary>
    public static async Task SignIn(HttpClient http, StubIdentityProvider provider, string sid, string returnTo = "/app/persons")
    {
        var challenge = await http.GetAsync(returnTo);
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect, await challenge.Content.ReadAsStringAsync());
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        var code = provider.IssueCode(query["nonce"]!, query["code_challenge"]!, query["client_id"]!,
            new Claim("sub", "a.schulz"), new Claim("name", "Anna Schulz"), new Claim("role", "caseworker"),
            new Claim("municipality", "bad-iburg"), new Claim("sid", sid));
        var callback = await http.GetAsync($"/app/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        callback.StatusCode.Should().Be(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.ToString().Should().Be(returnTo);
    }

    public static string Antiforgery(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}

/// <summary>
/// Behind the TLS proxy: the node believes X-Forwarded-* only from its configured proxies, so the sign-in runs over
/// https (Secure cookies, an https redirect URI, HSTS); a forged host is refused; the session is the server's.
/// </summary>
[Collection(ProductionAuthCollection.Name)]
public sealed class BehindProxyTests(ProductionNodeFixture node, ITestOutputHelper output) : IClassFixture<ProductionNodeFixture>
{
    [SkippableFact]
    public async Task From_the_known_proxy_the_sign_in_runs_over_https_with_secure_cookies_an_https_redirect_uri_and_HSTS()
    {
        using var http = TlsProxy.Client(node.Api.BaseAddress, out var proxy);

        var challenge = await http.GetAsync("/app/persons");
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var query = HttpUtility.ParseQueryString(challenge.Headers.Location!.Query);
        query["redirect_uri"].Should().Be($"https://{TlsProxy.Host}/app/signin-oidc", "the browser came over https, through the proxy");
        challenge.Headers.GetValues("Strict-Transport-Security").Should().ContainSingle().Which.Should().Be("max-age=31536000");
        proxy.SetCookies.Should().Contain(c => c.StartsWith(".AspNetCore.Correlation.")).And.Contain(c => c.StartsWith(".AspNetCore.OpenIdConnect.Nonce."));

        await ProductionNode.SignIn(http, node.Provider, "sid-" + Guid.NewGuid().ToString("N"));
        var page = await http.GetAsync("/app/persons");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Personen in Bad Iburg");

        proxy.SetCookies.Should().Contain(c => c.StartsWith("agh.staff=")).And.Contain(c => c.StartsWith(".AspNetCore.Antiforgery."));
        proxy.SetCookies.Should().OnlyContain(c => Regex.IsMatch(c, ";\\s*secure(;|$)", RegexOptions.IgnoreCase),
            "no cookie of the sign-in, the session or a form may travel in clear text");
        proxy.SetCookies.Where(c => c.StartsWith("agh.staff=")).Should().OnlyContain(c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task A_forged_host_is_refused_and_a_forged_forwarded_host_never_reaches_the_redirect_uri()
    {
        using var http = TlsProxy.Client(node.Api.BaseAddress, out _);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/app/persons");
        forged.Headers.Host = "evil.example";
        var refused = await http.SendAsync(forged);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a host the service does not serve");
        refused.Headers.Location.Should().BeNull();

        using var smuggled = new HttpRequestMessage(HttpMethod.Get, "/app/persons");
        smuggled.Headers.Add("X-Forwarded-Host", "evil.example");
        var challenge = await http.SendAsync(smuggled);
        ((int)challenge.StatusCode).Should().BeLessThan(500);
        if (challenge.Headers.Location is { } location)
            HttpUtility.ParseQueryString(location.Query)["redirect_uri"].Should().NotContain("evil.example");
        node.Api.RecentOutput.Should().NotContain("evil.example/app/signin-oidc");
    }

    [SkippableFact]
    public async Task A_junk_sign_in_callback_is_a_German_400_page_without_a_stack_trace_in_the_log()
    {
        using var http = TlsProxy.Client(node.Api.BaseAddress, out _);

        var junk = await http.GetAsync("/app/signin-oidc?state=junk");
        var body = await junk.Content.ReadAsStringAsync();
        junk.StatusCode.Should().Be(HttpStatusCode.BadRequest, body);
        junk.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        body.Should().Contain("Anmeldung fehlgeschlagen").And.Contain("href=\"/app/signin\"").And.NotContain("Exception");

        // The warning is written by the service's logger a moment after the answer: await that line, up to a deadline.
        await node.Api.WaitForOutput("Staff sign-in callback refused", TimeSpan.FromSeconds(30));
        output.WriteLine(node.Api.RecentOutput);
        node.Api.RecentOutput.Should().Contain("Staff sign-in callback refused").And.NotContain("   at ", "one line, no stack trace")
            .And.NotContain("An unhandled exception");
    }

    [SkippableFact]
    public async Task After_sign_out_a_copied_session_cookie_is_refused_also_on_another_node()
    {
        using var http = TlsProxy.Client(node.Api.BaseAddress, out var proxy);
        await ProductionNode.SignIn(http, node.Provider, "sid-" + Guid.NewGuid().ToString("N"));
        // The second node of the store starts once the first has its key ring, as a node added to a running service.
        await using var second = ProductionNode.Start(node.ConnectionString, node.Provider, node.Settings);
        await second.WaitReady(TimeSpan.FromSeconds(90));
        using var thief = TlsProxy.Client(second.BaseAddress, out _, proxy.CopyCookies());
        using var sameNode = TlsProxy.Client(node.Api.BaseAddress, out _, proxy.CopyCookies());
        (await thief.GetAsync("/app/persons")).StatusCode.Should().Be(HttpStatusCode.OK, "the copy works on the other node while the session lasts");

        var html = await (await http.GetAsync("/app/persons")).Content.ReadAsStringAsync();
        var signOut = await http.PostAsync("/app/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", ProductionNode.Antiforgery(html))]));
        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);

        foreach (var client in new[] { thief, sameNode })
        {
            var copy = await client.GetAsync("/app/persons");
            copy.StatusCode.Should().Be(HttpStatusCode.Redirect, "the session ended with the sign-out, whoever holds its cookie on whichever node");
            copy.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(node.Provider.Authority + "/protocol/openid-connect/auth");
        }
    }

    [SkippableFact]
    public async Task Front_channel_sign_out_needs_the_providers_issuer_and_session_id_and_then_ends_the_session()
    {
        var sid = "sid-" + Guid.NewGuid().ToString("N");
        using var http = TlsProxy.Client(node.Api.BaseAddress, out var proxy);
        await ProductionNode.SignIn(http, node.Provider, sid);
        var before = proxy.SetCookies.Count;

        // A link planted elsewhere (logout CSRF): no sid, a wrong sid, a wrong issuer, the framework's default path.
        (await http.GetAsync("/app/signout-oidc")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.GetAsync($"/app/signout-oidc?iss={Uri.EscapeDataString(node.Provider.Authority)}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.GetAsync($"/app/signout-oidc?iss=http%3A%2F%2Fevil.example&sid={sid}")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await http.GetAsync($"/app/signout-oidc?iss={Uri.EscapeDataString(node.Provider.Authority)}&sid=sid-of-somebody-else")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetAsync($"/signout-oidc?iss={Uri.EscapeDataString(node.Provider.Authority)}&sid={sid}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        proxy.SetCookies.Skip(before).Should().NotContain(c => c.StartsWith("agh.staff="), "none of these touched the session cookie");
        (await http.GetAsync("/app/persons")).StatusCode.Should().Be(HttpStatusCode.OK, "still signed in");

        // The provider's logout page calls it in an iframe, where the browser sends no Lax cookie: the sid alone ends it.
        using var frame = TlsProxy.Client(node.Api.BaseAddress, out _);
        var frontChannel = await frame.GetAsync($"/app/signout-oidc?iss={Uri.EscapeDataString(node.Provider.Authority)}&sid={sid}");
        frontChannel.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await http.GetAsync("/app/persons");
        after.StatusCode.Should().Be(HttpStatusCode.Redirect, "the provider ended the session");
        after.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(node.Provider.Authority + "/protocol/openid-connect/auth");
    }
}

/// <summary>A node whose known proxy is elsewhere ignores the forwarded headers of whoever connects.</summary>
[Collection(ProductionAuthCollection.Name)]
public sealed class UnknownProxyTests
{
    [SkippableFact]
    public async Task Forwarded_headers_from_an_address_outside_the_known_networks_are_ignored()
    {
        await using var provider = StubIdentityProvider.Start();
        await using var database = await TestDatabase.Create();
        await using var api = ProductionNode.Start(database.ConnectionString, provider, new() { ["Proxy__KnownNetworks__0"] = "10.99.0.0/16" });
        await api.WaitReady(TimeSpan.FromSeconds(90));
        using var http = TlsProxy.Client(api.BaseAddress, out _);

        var challenge = await http.GetAsync("/app/persons");
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        HttpUtility.ParseQueryString(challenge.Headers.Location!.Query)["redirect_uri"]
            .Should().Be($"http://{TlsProxy.Host}/app/signin-oidc", "X-Forwarded-Proto from 127.0.0.1 is not believed here");
        challenge.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS only on an https answer");
    }

    [SkippableFact]
    public async Task Outside_Development_the_service_refuses_to_start_without_its_host_names()
    {
        await using var provider = StubIdentityProvider.Start();
        await using var database = await TestDatabase.Create();
        await using var api = ProductionNode.Start(database.ConnectionString, provider, new() { ["AllowedHosts"] = "*" });

        (await api.WaitForExit(TimeSpan.FromSeconds(60))).Should().BeTrue("the service must stop by itself:\n" + api.RecentOutput);
        api.ExitCode.Should().NotBe(0);
        api.OutputLines.Where(l => l.Contains("AllowedHosts")).Should().ContainSingle(api.RecentOutput);
        api.RecentOutput.Should().NotContain("   at ");
    }
}
