using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

/// <summary>Shared steps of the lifecycle, so each test states only what it is about.</summary>
public abstract class HttpTest(AghFactory factory)
{
    protected AghFactory Factory { get; } = factory;
    protected DateOnly Today => Factory.Today;

    protected static string D(DateOnly d) => d.ToString("yyyy-MM-dd");

    /// <summary>
    /// The notice a command answered with (<c>noticeId</c>) handed over on the day (today by default): contract v3a, a
    /// restriction takes effect only once its notice is notified.
    /// </summary>
    protected Task NotifyDecision(Guid personId, JsonNode answer, DateOnly? on = null) =>
        NoticeDispatching.DispatchAsync(Factory, personId, Guid.Parse(answer["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, on ?? Today);

    protected Task<HttpClient> Caseworker(string municipality = "bad-iburg", string? userId = null, string? name = null) =>
        Factory.ClientFor("caseworker", municipality, userId, name: name);

    protected Task<HttpClient> As(string role, string? municipality = null, string? userId = null, string? name = null) =>
        Factory.ClientFor(role, municipality, userId, name: name);

    /// <summary>A provider's client: its token names the organisation (contract v3c).</summary>
    protected Task<HttpClient> Provider(string providerId, string? userId = null) =>
        Factory.ClientFor("provider", null, userId ?? $"staff-{providerId}", providerId);

    /// <summary>The coordinator names the offer's provider (contract v3c).</summary>
    protected async Task SetProvider(Guid offerId, string providerId)
    {
        var coordinator = await As("coordinator", null, "coordinator-providers");
        await Ok(await Post(coordinator, $"/api/offers/{offerId}/provider", new { providerId }));
    }

    protected static async Task<HttpResponseMessage> Post(HttpClient client, string url, object body) =>
        await client.PostAsJsonAsync(url, body);

    protected static async Task<HttpResponseMessage> PostRaw(HttpClient client, string url, string body, string contentType = "application/json") =>
        await client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    protected static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    protected static async Task<JsonNode> Ok(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        return JsonNode.Parse(text)!;
    }

    protected static async Task<JsonNode> GetOk(HttpClient client, string url) => await Ok(await client.GetAsync(url));

    protected static async Task<JsonNode> ShouldBeProblem(HttpResponseMessage response, int status, string? code = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType.Should().NotBeNull(text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = JsonNode.Parse(text)!;
        body["status"]!.GetValue<int>().Should().Be(status);
        body["title"].Should().NotBeNull();
        body["type"].Should().NotBeNull();
        if (code is not null) body["code"]!.GetValue<string>().Should().Be(code);
        if (status == 400) body["errors"].Should().NotBeNull();
        return body;
    }

    /// <summary>Asserts the request was refused with the given status and code and that it stored nothing.</summary>
    protected async Task<JsonNode> Rejected(Func<Task<HttpResponseMessage>> send, int status, string? code = null)
    {
        var before = await Factory.EventCount();
        var body = await ShouldBeProblem(await send(), status, code);
        (await Factory.EventCount()).Should().Be(before, "a rejected request stores nothing");
        return body;
    }

    protected static Guid IdOf(JsonNode body, string field = "id") => Guid.Parse(body[field]!.GetValue<string>());

    protected async Task<Guid> NewOffer(HttpClient client, string municipality = "bad-iburg", int places = 5, int hoursPerWeek = 20,
        string providerType = "municipality", DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var response = await Post(client, "/api/offers", OfferBody(municipality, places, hoursPerWeek, providerType, startsOn, endsOn));
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }

    protected object OfferBody(string municipality = "bad-iburg", int places = 5, int hoursPerWeek = 20, string providerType = "municipality",
        DateOnly? startsOn = null, DateOnly? endsOn = null) => new
    {
        providerType,
        providerName = "Gemeinde Bauhof",
        municipality,
        title = "Grünflächenpflege",
        activity = "Pflege öffentlicher Grünflächen",
        places,
        hoursPerWeek,
        startsOn = D(startsOn ?? Today.AddYears(-1)),
        endsOn = endsOn is null ? null : D(endsOn.Value),
        reportTo = "Bauhof, Am Markt 1",
        servesPublicBenefit = true,
    };

    protected object PersonBody(string municipality = "bad-iburg", DateOnly? dateOfBirth = null, DateOnly? entitledSince = null) => new
    {
        municipality,
        givenName = "Amina",
        familyName = "Yusuf",
        dateOfBirth = D(dateOfBirth ?? Today.AddYears(-30)),
        confirmedNotDuplicate = true, entitledSince = D(entitledSince ?? Today.AddYears(-2)),
        fileReference = "AZ-50-" + Guid.NewGuid().ToString("N")[..12],
    };

    protected async Task<Guid> NewPerson(HttpClient client, string municipality = "bad-iburg", DateOnly? dateOfBirth = null)
    {
        var response = await Post(client, "/api/persons", PersonBody(municipality, dateOfBirth));
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }

    protected object AssignBody(Guid personId, Guid offerId, DateOnly? notice = null, DateOnly? startsOn = null, int hoursPerWeek = 15) => new
    {
        personId,
        offerId,
        noticeServedOn = D(notice ?? Today.AddDays(-60)),
        startsOn = D(startsOn ?? Today.AddDays(-50)),
        hoursPerWeek,
    };

    protected async Task<Guid> NewPlacement(HttpClient client, Guid? offerId = null, Guid? personId = null, DateOnly? notice = null,
        DateOnly? startsOn = null, int hoursPerWeek = 15)
    {
        var offer = offerId ?? await NewOffer(client);
        var person = personId ?? await NewPerson(client);
        var response = await Post(client, "/api/placements", AssignBody(person, offer, notice, startsOn, hoursPerWeek));
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }

    /// <summary>An assignment without noticeServedOn: the service issues its Heranziehungsbescheid today (not yet dispatched).</summary>
    protected async Task<Guid> NewIssuedPlacement(HttpClient client, Guid? offerId = null, Guid? personId = null, DateOnly? startsOn = null, int hoursPerWeek = 15)
    {
        var offer = offerId ?? await NewOffer(client);
        var person = personId ?? await NewPerson(client);
        var response = await Post(client, "/api/placements", AssignmentFields.Body(person, offer, startsOn ?? Today, hoursPerWeek));
        return IdOf(await Ok(response, HttpStatusCode.Created));
    }
}
