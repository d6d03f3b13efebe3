using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Tests.Http;

/// <summary>
/// Rate limits per client address on a real Kestrel port (so requests come from 127.0.0.1, as the staff app's own calls
/// do): sign-in and development tokens, and requests without a valid token or staff cookie. Signed-in callers and the
/// health checks are never limited. The limits are set low here; the rest of the suite sets them out of reach.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int Window = 600;
    private readonly List<KestrelNode> _nodes = [];

    private sealed class KestrelNode : AghFactory
    {
        private readonly KeyValuePair<string, string>[] _settings;

        public KestrelNode(params (string Key, string Value)[] settings)
        {
            _settings = settings.Select(s => KeyValuePair.Create(s.Key, s.Value)).ToArray();
            UseKestrel(0);
        }

        protected override IEnumerable<KeyValuePair<string, string>> Settings => _settings;

        public Uri Start()
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    private async Task<(KestrelNode Node, Uri Address)> Start(params (string Key, string Value)[] settings)
    {
        var node = new KestrelNode([.. settings, ("RateLimits:SignIn:WindowSeconds", $"{Window}"), ("RateLimits:Anonymous:WindowSeconds", $"{Window}")]);
        _nodes.Add(node);
        await ((IAsyncLifetime)node).InitializeAsync();
        return (node, node.Start());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes) await ((IAsyncLifetime)node).DisposeAsync();
    }

    private static HttpClient Client(Uri address, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = cookies is not null })
        { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    private static Task<HttpResponseMessage> DevToken(HttpClient client, string userId) =>
        client.PostAsJsonAsync("/dev/token", new { userId, role = "coordinator" });

    private static async Task<HttpResponseMessage> Read(HttpClient client, string url, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task ShouldBeTooManyRequests(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, $"{what}: {text}");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", what);
        var body = JsonNode.Parse(text)!;
        body["status"]!.GetValue<int>().Should().Be(429);
        body["code"]!.GetValue<string>().Should().Be("too-many-requests");
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single());
        retryAfter.Should().BeInRange(1, Window, $"{what}: Retry-After in seconds until the window ends");
        var request = response.RequestMessage!;
        var path = request.RequestUri!.AbsolutePath;
        // The staff app's pages are not in the OpenAPI document; the API and the development token are.
        if (path != "/dev/token" && !path.StartsWith("/api/", StringComparison.Ordinal)) return;
        AGH.Tests.Http.OpenApi.ContractCheck.Check(request.Method.Method.ToLowerInvariant(), path, 429,
            response.Content.Headers.ContentType.MediaType, text).Should().BeEmpty($"{what}: the OpenAPI document describes the 429");
    }

    [Fact]
    public async Task Sign_in_and_development_tokens_are_limited_per_address_and_answer_429_problem_json_with_Retry_After()
    {
        var (_, address) = await Start(("RateLimits:SignIn:PermitLimit", "3"));
        using var http = Client(address);

        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await DevToken(http, $"coordinator-{i}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"token {i + 1} of 3 is within the limit");
            tokens.Add((await response.Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>());
        }
        await ShouldBeTooManyRequests(await DevToken(http, "coordinator-4"), "the fourth token in the window");
        await ShouldBeTooManyRequests(await http.GetAsync("/app/signin"), "the sign-in page from the same address");
        await ShouldBeTooManyRequests(await http.PostAsync("/app/signin", new FormUrlEncodedContent([new("Input.Role", "auditor")])),
            "a sign-in from the same address");

        (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "health checks are never limited");
        for (var i = 0; i < 10; i++)
            (await Read(http, "/api/offers", tokens[i % 3])).StatusCode.Should().Be(HttpStatusCode.OK, "calls with a valid token are not limited");
    }

    [Fact]
    public async Task Requests_without_a_valid_token_or_cookie_are_limited_per_address_signed_in_callers_and_health_checks_never()
    {
        const int limit = 12;
        var (_, address) = await Start(("RateLimits:Anonymous:PermitLimit", $"{limit}"));

        // Signed in first, through the development sign-in form (each of these anonymous steps counts).
        var cookies = new CookieContainer();
        using var staff = Client(address, cookies);
        var form = await staff.GetStringAsync("/app/signin");
        var antiforgery = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await staff.PostAsync("/app/signin", new FormUrlEncodedContent([
            new("__RequestVerificationToken", antiforgery), new("Input.Role", "coordinator"), new("Input.Name", "Clara Koch"),
            new("Input.UserId", "c.koch"), new("Input.Municipality", ""),
        ]));
        signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        using var anonymous = Client(address);
        var token = (await (await DevToken(anonymous, "coordinator-bearer")).Content.ReadFromJsonAsync<JsonNode>())!["accessToken"]!.GetValue<string>();

        // The rest of the window's anonymous requests: 401 each, then 429.
        var refusals = new List<HttpStatusCode>();
        HttpResponseMessage last;
        do
        {
            last = await Read(anonymous, "/api/offers");
            refusals.Add(last.StatusCode);
        } while (last.StatusCode == HttpStatusCode.Unauthorized && refusals.Count <= limit);
        refusals.SkipLast(1).Should().NotBeEmpty().And.OnlyContain(s => s == HttpStatusCode.Unauthorized);
        await ShouldBeTooManyRequests(last, $"anonymous request {refusals.Count}");
        last.Headers.CacheControl!.NoStore.Should().BeTrue("an /api answer, also a 429");
        await ShouldBeTooManyRequests(await Read(anonymous, "/api/offers", "not-a-valid-token"), "an invalid token counts as none");
        await ShouldBeTooManyRequests(await anonymous.GetAsync("/swagger/v1/swagger.json"), "any anonymous request");

        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK, "health checks are never limited");
        for (var i = 0; i < 3 * limit; i++)
            (await Read(anonymous, "/api/municipalities", token)).StatusCode.Should().Be(HttpStatusCode.OK, $"bearer call {i + 1}");
        for (var i = 0; i < limit + 3; i++)
        {
            var page = await staff.GetAsync("/app/offers");
            page.StatusCode.Should().Be(HttpStatusCode.OK, $"staff page {i + 1} with the sign-in cookie");
        }
    }
}
