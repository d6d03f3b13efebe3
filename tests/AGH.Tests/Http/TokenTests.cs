using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using AGH.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AGH.Tests.Http;

/// <summary>
/// Bearer tokens that must not get in: expired, not yet valid, wrongly signed, unsigned, for another audience or issuer,
/// garbage. Tokens are crafted with the service's own defaults (<see cref="AuthSettings"/>) and the development key it
/// keeps in its database (<see cref="DevelopmentSigningKey"/>), and judged by its clock.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class TokenTests(HostileFactory factory) : HostileTest(factory)
{
    private static readonly AuthSettings Settings = new();
    private static readonly SymmetricSecurityKey OtherKey = new(Encoding.UTF8.GetBytes("another-signing-key-of-enough-length-0123456789abcdef"));

    private DateTime Now => Factory.Time.GetUtcNow().UtcDateTime;

    private SymmetricSecurityKey Key => Factory.Services.GetRequiredService<DevelopmentSigningKey>().GetBlocking();

    private sealed record Spec
    {
        public string? Sub { get; init; } = "token-user";
        public string? Role { get; init; } = "coordinator";
        public string[] MoreRoles { get; init; } = [];
        public string? Municipality { get; init; }
        public string Issuer { get; init; } = Settings.Issuer;
        public string? Audience { get; init; } = Settings.Audience;
        public DateTime? NotBefore { get; init; }
        public DateTime? Expires { get; init; }
        public SigningCredentials? Signing { get; init; }
    }

    private string Make(Spec s)
    {
        var claims = new List<Claim> { new("name", "Token Test") };
        if (s.Sub is not null) claims.Add(new("sub", s.Sub));
        if (s.Role is not null) claims.Add(new("role", s.Role));
        claims.AddRange(s.MoreRoles.Select(r => new Claim("role", r)));
        if (s.Municipality is not null) claims.Add(new("municipality", s.Municipality));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = s.Issuer,
            Audience = s.Audience,
            IssuedAt = s.NotBefore ?? Now.AddMinutes(-1),
            NotBefore = s.NotBefore ?? Now.AddMinutes(-1),
            Expires = s.Expires,
            SigningCredentials = s.Signing,
        });
    }

    private Spec Valid => new() { Expires = Now.AddHours(1), Signing = new(Key, SecurityAlgorithms.HmacSha256) };

    /// <summary>Tokens the service must refuse with 401: name → how to make it (null: the raw Authorization header).</summary>
    private IEnumerable<(string Name, string? Header)> Invalid()
    {
        string B(string token) => "Bearer " + token;
        yield return ("expired a second ago", B(Make(Valid with { NotBefore = Now.AddHours(-1), Expires = Now.AddSeconds(-1) })));
        yield return ("expiring exactly now (no clock skew)", B(Make(Valid with { NotBefore = Now.AddHours(-1), Expires = Now })));
        yield return ("not valid before a minute from now", B(Make(Valid with { NotBefore = Now.AddMinutes(1), Expires = Now.AddHours(1) })));
        yield return ("not valid before a second from now", B(Make(Valid with { NotBefore = Now.AddSeconds(1), Expires = Now.AddHours(1) })));
        yield return ("without expiry", B(Make(Valid with { Expires = null })));
        yield return ("signed with another HS256 key", B(Make(Valid with { Signing = new(OtherKey, SecurityAlgorithms.HmacSha256) })));
        yield return ("signed with the right key but HS512", B(Make(Valid with { Signing = new(new SymmetricSecurityKey(
            [.. Key.Key, .. Key.Key]), SecurityAlgorithms.HmacSha512) })));
        yield return ("alg none (unsigned)", B(Make(Valid with { Signing = null })));
        yield return ("alg none with the signature of a valid token", B(AlgNone(Make(Valid), keepSignature: true)));
        yield return ("alg none without signature", B(AlgNone(Make(Valid), keepSignature: false)));
        yield return ("payload changed after signing (role auditor)", B(Tampered(Make(Valid with { Role = "payroll" }))));
        yield return ("for another audience", B(Make(Valid with { Audience = "another-api" })));
        yield return ("without audience", B(Make(Valid with { Audience = null })));
        yield return ("from another issuer", B(Make(Valid with { Issuer = "evil-idp" })));
        yield return ("issuer differing in case", B(Make(Valid with { Issuer = Settings.Issuer.ToUpperInvariant() })));
        yield return ("garbage", B("garbage"));
        yield return ("three garbage segments", B("a.b.c"));
        yield return ("five segments (JWE shape)", B("a.b.c.d.e"));
        yield return ("signature removed", B(string.Join('.', Make(Valid).Split('.')[..2]) + "."));
        yield return ("truncated", B(Make(Valid)[..^5]));
        yield return ("empty bearer", "Bearer ");
        yield return ("scheme only", "Bearer");
        yield return ("basic scheme", "Basic dXNlcjpwYXNz");
        yield return ("token without scheme", Make(Valid));
        yield return ("10 kB token", B(new string('x', 10 * 1024)));
        yield return ("no header", null);
    }

    private static string AlgNone(string token, bool keepSignature)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{parts[1]}.{(keepSignature ? parts[2] : "")}";
    }

    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"payroll\"", "\"auditor\"");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private HttpClient Client(string? header)
    {
        var client = Factory.CreateClient();
        if (header is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
        return client;
    }

    [Fact]
    public async Task A_correctly_made_token_is_accepted()
    {
        var client = Client("Bearer " + Make(Valid));
        (await client.GetAsync("/api/offers")).StatusCode.Should().Be(HttpStatusCode.OK);
        // The scheme name is case-insensitive (RFC 9110 § 11.1).
        (await Client("bearer " + Make(Valid)).GetAsync("/api/offers")).StatusCode.Should().Be(HttpStatusCode.OK);
        // Valid from exactly now, expiring a second from now: still valid.
        (await Client("Bearer " + Make(Valid with { NotBefore = Now, Expires = Now.AddSeconds(1) })).GetAsync("/api/offers"))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invalid_tokens_get_401_problem_json_on_reads_and_writes_and_store_nothing()
    {
        var failures = new List<string>();
        foreach (var (name, header) in Invalid())
        {
            var client = Client(header);
            var before = await Factory.EventMark();
            foreach (var send in new Func<Task<HttpResponseMessage>>[]
                     {
                         () => client.GetAsync("/api/offers"),
                         () => client.GetAsync($"/api/persons/{Guid.NewGuid()}/history"),
                         () => Post(client, "/api/offers", OfferBody()),
                         () => Post(client, "/api/payout-runs", new { month = "2025-01" }),
                     })
            {
                var response = await send();
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"{name}: {response.RequestMessage!.RequestUri!.PathAndQuery} → {(int)response.StatusCode} {text}");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{name}: 401 without problem+json");
                else if (!response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer")) failures.Add($"{name}: 401 without WWW-Authenticate: Bearer");
            }
            if (await Factory.EventMark() != before) failures.Add($"{name}: events were appended");
        }
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task An_expired_dev_token_is_refused_by_the_service_clock()
    {
        var anonymous = Factory.CreateClient();
        var expired = await AghFactory.Token(anonymous, "expired-user", "coordinator", null, lifetimeSeconds: -1);
        await ShouldBeProblem(await Client("Bearer " + expired).GetAsync("/api/offers"), 401);

        // Issued for 60 s; the service clock moves 61 s on: refused from then on.
        var shortLived = await AghFactory.Token(anonymous, "short-user", "coordinator", null, lifetimeSeconds: 60);
        var client = Client("Bearer " + shortLived);
        (await client.GetAsync("/api/offers")).StatusCode.Should().Be(HttpStatusCode.OK);
        // (The fake clock cannot go back; a minute later changes nothing else the collection's tests rely on.)
        Factory.Time.Advance(TimeSpan.FromSeconds(61));
        await ShouldBeProblem(await client.GetAsync("/api/offers"), 401);
    }

    /// <summary>
    /// A correctly signed token that names a role the service does not know, or no role at all, identifies the caller
    /// but allows nothing: "Role not allowed: 403" (the code answers 403 too, from Caller.Require).
    /// </summary>
    [Fact]
    public async Task A_signed_token_without_a_known_role_is_403()
    {
        foreach (var spec in new[] { Valid with { Role = null }, Valid with { Role = "admin" }, Valid with { Role = "Coordinator" } })
        {
            var client = Client("Bearer " + Make(spec));
            await ShouldBeProblem(await client.GetAsync("/api/offers"), 403);
            await Rejected(() => Post(client, "/api/offers", OfferBody()), 403);
        }
        // A caseworker must carry a municipality ("required for caseworkers"): without it, nothing is allowed.
        var homeless = Client("Bearer " + Make(Valid with { Role = "caseworker" }));
        await Rejected(() => Post(homeless, "/api/persons", PersonBody()), 403);
    }

    /// <summary>
    /// A token with several <c>role</c> claims gets 403 on every /api route, reads and writes, whichever role it lists
    /// first: the service does not guess which one the identity provider meant. An official without a municipality is
    /// still the district's official.
    /// </summary>
    [Fact]
    public async Task A_token_with_more_than_one_role_claim_is_403_everywhere()
    {
        foreach (var spec in new[]
                 {
                     Valid with { Role = "caseworker", MoreRoles = ["auditor"], Municipality = "bad-iburg" },
                     Valid with { Role = "auditor", MoreRoles = ["caseworker"], Municipality = "bad-iburg" },
                     Valid with { Role = "official", MoreRoles = ["official"] },
                 })
        {
            var client = Client("Bearer " + Make(spec));
            foreach (var url in new[] { "/api/offers", "/api/municipalities", "/api/persons", "/api/sanction-proposals", $"/api/persons/{Guid.NewGuid()}" })
            {
                var body = await ShouldBeProblem(await client.GetAsync(url), 403, "forbidden");
                body["detail"]!.GetValue<string>().Should().Contain("more than one role");
            }
            await Rejected(() => Post(client, "/api/persons", PersonBody()), 403, "forbidden");
            await Rejected(() => Post(client, "/api/offers", OfferBody()), 403, "forbidden");
        }

        var districtOfficial = Client("Bearer " + Make(Valid with { Role = "official" }));
        (await districtOfficial.GetAsync("/api/sanction-proposals")).StatusCode.Should().Be(HttpStatusCode.OK);
        var auditor = Client("Bearer " + Make(Valid with { Role = "auditor" }));
        (await auditor.GetAsync("/api/persons")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// The contract requires the claim <c>sub</c> (the user id every event records as its actor). A token without it
    /// identifies nobody, so it is not a valid token for this service: "Unauthenticated or invalid token: 401" — the
    /// same answer as for any other unusable token (RFC 6750 invalid_token). The code authenticates such a token
    /// (the JWT handler does not require sub) and then answers 403 from Caller.Require ("The token carries no user id
    /// or role"), which tells the client it is known but not allowed; a client then does not re-authenticate.
    /// </summary>
    [Fact]
    public async Task A_signed_token_without_sub_is_401()
    {
        foreach (var spec in new[] { Valid with { Sub = null }, Valid with { Sub = "" }, Valid with { Sub = null, Role = null } })
        {
            var client = Client("Bearer " + Make(spec));
            await ShouldBeProblem(await client.GetAsync("/api/offers"), 401);
            await Rejected(() => Post(client, "/api/offers", OfferBody()), 401);
        }
    }
}
