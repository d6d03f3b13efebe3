using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class HostTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Swagger_lists_every_route_of_the_contract()
    {
        var doc = JsonNode.Parse(await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var paths = doc["paths"]!.AsObject();
        var expected = new Dictionary<string, string[]>
        {
            ["/api/municipalities"] = ["get"],
            ["/api/offers"] = ["get", "post"],
            ["/api/offers/{id}"] = ["get"],
            ["/api/offers/{id}/places"] = ["post"],
            ["/api/offers/{id}/withdrawal"] = ["post"],
            ["/api/persons"] = ["get", "post"],
            ["/api/persons/{id}"] = ["get"],
            ["/api/persons/{id}/exemptions"] = ["post"],
            ["/api/persons/{id}/entitlement-end"] = ["post"],
            ["/api/placements"] = ["get", "post"],
            ["/api/placements/{id}"] = ["get"],
            ["/api/placements/{id}/hours"] = ["post"],
            ["/api/placements/{id}/hours/{entryId}/correction"] = ["post"],
            ["/api/placements/{id}/refusals"] = ["post"],
            ["/api/placements/{id}/refusals/{refusalId}/assessment"] = ["post"],
            ["/api/placements/{id}/refusals/{refusalId}/hearing"] = ["post"],
            ["/api/placements/{id}/sanction-proposals"] = ["post"],
            ["/api/placements/{id}/end"] = ["post"],
            ["/api/sanction-proposals/{id}"] = ["get"],
            ["/api/sanction-proposals/{id}/decision"] = ["post"],
            ["/dev/token"] = ["post"],
            ["/api/quota"] = ["get"],
            ["/api/payout-runs"] = ["get", "post"],
            ["/api/payout-runs/{id}"] = ["get"],
            ["/api/payout-runs/{id}/release"] = ["post"],
            ["/api/payout-runs/{id}/review"] = ["post"],
            ["/api/payout-runs/{id}/reject"] = ["post"],
            ["/api/payout-runs/{id}/export"] = ["get"],
            ["/api/persons/{id}/history"] = ["get"],
            ["/api/persons/{id}/access-log"] = ["get"],
            ["/api/persons/{id}/export"] = ["get"],
            ["/api/persons/{id}/legal-hold"] = ["post"],
            ["/api/persons/{id}/legal-hold/release"] = ["post"],
        };
        foreach (var (path, methods) in expected)
        {
            paths.ContainsKey(path).Should().BeTrue($"{path} is in the contract");
            foreach (var method in methods) paths[path]!.AsObject().ContainsKey(method).Should().BeTrue($"{method} {path}");
        }
        paths["/api/placements"]!["post"]!["requestBody"].Should().NotBeNull("front-ends need the request schema");
        paths["/api/placements"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("Idempotency-Key");
        paths["/api/offers/{id}/places"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain("If-Match");
        paths["/api/offers/{id}/places"]!["post"]!["responses"]!.AsObject().ContainsKey("412").Should().BeTrue();
    }

    [Fact]
    public async Task Health_endpoints_need_no_token()
    {
        var client = Factory.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Expired_foreign_and_unsigned_tokens_are_401()
    {
        var client = Factory.CreateClient();
        var expired = await AghFactory.Token(client, "u1", "caseworker", "bad-iburg", lifetimeSeconds: -60);
        var valid = await AghFactory.Token(client, "u1", "caseworker", "bad-iburg");
        var parts = valid.Split('.');
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        var tampered = parts[0] + "." + parts[1] + "." + parts[2][..^4] + "AAAA";

        foreach (var token in new[] { expired, unsigned, tampered, "not-a-jwt" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/offers");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await ShouldBeProblem(await client.SendAsync(request), 401);
        }
        var ok = new HttpRequestMessage(HttpMethod.Get, "/api/offers");
        ok.Headers.Authorization = new AuthenticationHeaderValue("Bearer", valid);
        (await client.SendAsync(ok)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Dev_token_validates_role_and_municipality()
    {
        var client = Factory.CreateClient();
        await ShouldBeProblem(await Post(client, "/dev/token", new { userId = "u", role = "admin" }), 400);
        await ShouldBeProblem(await Post(client, "/dev/token", new { userId = "u", role = "caseworker" }), 400);
        await ShouldBeProblem(await Post(client, "/dev/token", new { userId = "u", role = "official", municipality = "paris" }), 400);
        var token = await Ok(await Post(client, "/dev/token", new { userId = "u1", name = "Anna Schulz", role = "caseworker", municipality = "bad-iburg" }));
        token["accessToken"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        token["expiresAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task Oversized_bodies_are_413_and_store_nothing()
    {
        var cw = await Caseworker();
        var huge = "{\"title\":\"" + new string('x', 1_100_000) + "\"}";
        await Rejected(() => PostRaw(cw, "/api/offers", huge), 413);
    }

    private static string Base64Url(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
