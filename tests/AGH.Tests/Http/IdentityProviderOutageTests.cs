using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// The identity provider is down (nothing listens at Auth:Authority): a token that cannot be judged without the
/// provider's keys is 503 identity-provider-unavailable with Retry-After, not a 401 that sends the user to a sign-in
/// that cannot work either, and not a 500. Once the provider answers again, the same kind of token gets in.
/// </summary>
[Collection(ProductionAuthCollection.Name)]
public sealed class IdentityProviderOutageTests(ITestOutputHelper output)
{
    private static string Token(string issuer, SigningCredentials signing)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "outage-auditor"), new Claim("name", "Prüfer"), new Claim("role", "auditor")]),
            Issuer = issuer,
            Audience = new AuthSettings().Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = signing,
        });
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private static async Task ShouldBeUnavailable(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, $"{what}: {body}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", what);
        JsonNode.Parse(body)!["code"]!.GetValue<string>().Should().Be("identity-provider-unavailable", what);
        response.Headers.RetryAfter!.Delta!.Value.Should().BePositive(what);
    }

    [SkippableFact]
    public async Task An_unreachable_identity_provider_is_503_identity_provider_unavailable_until_it_answers_again()
    {
        var port = PgCluster.FreePort();
        var authority = $"http://127.0.0.1:{port}/realms/agh";
        await using var database = await TestDatabase.Create();
        await using var api = ApiProcess.Start(database.ConnectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__Authority"] = authority,
            ["Auth__RequireHttpsMetadata"] = "false",
            ["DataProtection__EncryptionKey"] = ProductionService.EncryptionKey(),
        });
        await api.WaitReady(TimeSpan.FromSeconds(120));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var unknownKey = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = StubIdentityProvider.KeyId }, SecurityAlgorithms.RsaSha256);

        await ShouldBeUnavailable(await Get(http, "/api/municipalities", Token(authority, unknownKey)), "a well-formed signed token");
        await ShouldBeUnavailable(await Get(http, "/api/persons", Token(authority, unknownKey)), "a second call: still no keys");
        (await Get(http, "/api/municipalities", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "no token: nothing to judge");
        (await Get(http, "/api/municipalities", "a.b.c")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a malformed token is refused whatever the provider's state");
        (await Get(http, "/health/ready", null)).StatusCode.Should().Be(HttpStatusCode.OK, "the service itself is up");

        // The staff app's sign-in starts at the provider, so it cannot start either.
        var signIn = await Get(http, "/app/persons", null);
        await ShouldBeUnavailable(signIn, "the staff app's sign-in");
        (await signIn.Content.ReadAsStringAsync()).Should().NotContain("   at ", "no stack trace leaves the service");
        output.WriteLine(api.RecentOutput);
        api.OutputLines.Should().Contain(l => l.Contains("Identity provider unavailable"), "the operator sees why");
        api.OutputLines.Should().NotContain(l => l.Contains("database-unavailable") || l.Contains("Database unavailable"));

        await using var provider = StubIdentityProvider.Start(port);
        using var back = await Get(http, "/api/municipalities", Token(provider.Authority, provider.Signing));
        back.StatusCode.Should().Be(HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
        (await Get(http, "/api/municipalities", Token(authority, unknownKey))).StatusCode
            .Should().Be(HttpStatusCode.Unauthorized, "with the provider back, a key it does not publish is the caller's problem again");
        (await Get(http, "/app/persons", null)).StatusCode.Should().Be(HttpStatusCode.Redirect, "the sign-in goes to the provider again");
    }
}
