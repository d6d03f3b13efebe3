using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AGH.Tests.Http;

/// <summary>Every answer under /api, whatever its status, tells caches not to keep it and browsers not to guess its type.</summary>
[Collection(HttpCollection.Name)]
public sealed class ApiHeadersTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Api_answers_of_every_status_carry_no_store_and_nosniff()
    {
        var http = Factory.CreateClient();
        var caseworker = await AghFactory.Token(http, "headers-caseworker", "caseworker", "bad-iburg");
        var coordinator = await AghFactory.Token(http, "headers-coordinator", "coordinator", null);

        async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? token, string? json = null)
        {
            var request = new HttpRequestMessage(method, url);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            return await http.SendAsync(request);
        }

        var answers = new (string What, HttpStatusCode Status, HttpResponseMessage Response)[]
        {
            ("a list", HttpStatusCode.OK, await Send(HttpMethod.Get, "/api/offers", coordinator)),
            ("a created offer", HttpStatusCode.Created, await Send(HttpMethod.Post, "/api/offers", coordinator,
                System.Text.Json.JsonSerializer.Serialize(OfferBody()))),
            ("an invalid body", HttpStatusCode.BadRequest, await Send(HttpMethod.Post, "/api/offers", coordinator, "{\"places\":\"many\"}")),
            ("no token", HttpStatusCode.Unauthorized, await Send(HttpMethod.Get, "/api/persons", null)),
            ("a role without the right", HttpStatusCode.Forbidden, await Send(HttpMethod.Get, "/api/payout-runs", caseworker)),
            ("an unknown id", HttpStatusCode.NotFound, await Send(HttpMethod.Get, $"/api/persons/{Guid.NewGuid()}", caseworker)),
            ("an unknown route", HttpStatusCode.NotFound, await Send(HttpMethod.Get, "/api/no-such-thing", caseworker)),
        };

        foreach (var (what, status, response) in answers)
        {
            response.StatusCode.Should().Be(status, $"{what}: {await response.Content.ReadAsStringAsync()}");
            response.Headers.CacheControl!.NoStore.Should().BeTrue(what);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], what);
        }
    }
}
