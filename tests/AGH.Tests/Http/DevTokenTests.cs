using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using AGH.Api.Infrastructure;
using Marten;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AGH.Tests.Http;

/// <summary>A host of the suite's kind with extra settings; with a connection string it is one more node of that database.</summary>
public sealed class ConfiguredFactory(IEnumerable<KeyValuePair<string, string>> settings, string? connectionString = null)
    : AghFactory(connectionString)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => settings;
}

/// <summary>
/// Development tokens: only with <c>Auth:DevTokens=true</c>, signed with a key no source file holds. The key is made once
/// per database and kept there, so every node of one store, and every node after a restart, accepts the same tokens.
/// </summary>
public sealed class DevTokenTests : IAsyncLifetime
{
    private readonly AghFactory _first = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_first).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_first).DisposeAsync();

    /// <summary>One more node; the first node's frozen clock is moved to the new node's, so a token is not "from the future" on either.</summary>
    private ConfiguredFactory Node(params (string Key, string Value)[] settings)
    {
        var node = new ConfiguredFactory(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)), _first.ConnectionString);
        _first.Time.SetUtcNow(node.Time.GetUtcNow());
        return node;
    }

    private static async Task<HttpStatusCode> Read(AghFactory node, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/offers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await node.CreateClient().SendAsync(request);
        return response.StatusCode;
    }

    private async Task<int> StoredKeys()
    {
        await using var session = _first.Store.QuerySession();
        return await session.Query<DevelopmentSigningKeyDocument>().CountAsync();
    }

    [Fact]
    public async Task A_development_token_holds_on_every_node_of_the_database_and_after_a_restart()
    {
        var fromFirst = await AghFactory.Token(_first.CreateClient(), "coordinator-1", "coordinator", null);

        string fromSecond;
        await using (var second = Node())
        {
            (await Read(second, fromFirst)).Should().Be(HttpStatusCode.OK, "a token of one node is good on another");
            fromSecond = await AghFactory.Token(second.CreateClient(), "coordinator-2", "coordinator", null);
            (await Read(_first, fromSecond)).Should().Be(HttpStatusCode.OK);
        }

        // The second node is gone; a node started afterwards on the same database still accepts what it issued.
        await using var restarted = Node();
        (await Read(restarted, fromSecond)).Should().Be(HttpStatusCode.OK, "tokens stay valid across restarts");
        (await Read(restarted, fromFirst)).Should().Be(HttpStatusCode.OK);
        (await StoredKeys()).Should().Be(1, "one key per database");
    }

    [Fact]
    public async Task Two_nodes_issuing_their_first_tokens_at_once_agree_on_one_key()
    {
        await using var second = Node();
        // Both hosts up before either has a key: the first tokens race to create it.
        var clients = new[] { _first.CreateClient(), second.CreateClient() };
        (await StoredKeys()).Should().Be(0, "no key is made before the first token");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(i => AghFactory.Token(clients[i % 2], $"racer-{i}", "auditor", null)));

        foreach (var token in tokens)
        {
            (await Read(_first, token)).Should().Be(HttpStatusCode.OK);
            (await Read(second, token)).Should().Be(HttpStatusCode.OK);
        }
        (await StoredKeys()).Should().Be(1);
    }

    [Fact]
    public async Task In_Development_without_Auth_DevTokens_there_is_no_token_route_and_no_development_token_gets_in()
    {
        var token = await AghFactory.Token(_first.CreateClient(), "auditor-1", "auditor", null);
        (await Read(_first, token)).Should().Be(HttpStatusCode.OK);

        await using var plain = Node(("Auth:DevTokens", "false"));
        var client = plain.CreateClient();
        (await client.PostAsync("/dev/token", JsonContent(new { userId = "u1", role = "auditor" }))).StatusCode
            .Should().Be(HttpStatusCode.NotFound, "POST /dev/token exists only with Auth:DevTokens=true");
        (await Read(plain, token)).Should().Be(HttpStatusCode.Unauthorized, "the development key is not accepted there");
    }

    [Fact]
    public async Task A_configured_Auth_SigningKey_signs_the_development_tokens_instead_of_a_stored_key()
    {
        const string configured = "a-development-key-from-configuration-0123456789";
        await using var node = Node(("Auth:SigningKey", configured));
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));

        var issued = await AghFactory.Token(node.CreateClient(), "payroll-1", "payroll", null);
        var check = await new JsonWebTokenHandler().ValidateTokenAsync(issued, new TokenValidationParameters
        {
            ValidIssuer = new AuthSettings().Issuer, ValidAudience = new AuthSettings().Audience, IssuerSigningKey = key,
            ValidateLifetime = false,
        });
        check.IsValid.Should().BeTrue("the issued token is signed with the configured key");

        var now = node.Time.GetUtcNow().UtcDateTime;
        var own = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", "made-by-the-test"), new Claim("role", "auditor")]),
            Issuer = new AuthSettings().Issuer,
            Audience = new AuthSettings().Audience,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        (await Read(node, own)).Should().Be(HttpStatusCode.OK, "whoever holds the configured key signs valid tokens");
        (await StoredKeys()).Should().Be(0, "nothing is generated while a key is configured");
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
