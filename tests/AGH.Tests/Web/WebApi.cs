using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AGH.Tests.Web;

/// <summary>Preconditions and checks through the API for the browser journeys: what other roles do, and what the API now holds.</summary>
internal static class WebApi
{
    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static async Task<JsonNode> Send(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"POST {url} succeeds, but answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text)!;
    }

    public static async Task<JsonNode> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {url} succeeds, but answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static Guid Id(JsonNode body) => Guid.Parse(body["id"]!.GetValue<string>());

    public static async Task<Guid> Offer(HttpClient client, string municipality, string title, int places, int hoursPerWeek, DateOnly startsOn,
        string providerType = "municipality") =>
        Id(await Send(client, "/api/offers", new
        {
            providerType,
            providerName = "Gemeinde Glandorf, Bauhof",
            municipality,
            title,
            activity = "Pflege öffentlicher Grünflächen und Wege",
            places,
            hoursPerWeek,
            startsOn = D(startsOn),
            endsOn = (string?)null,
            reportTo = "Bauhof, Münsterstraße 1, 49219 Glandorf",
            servesPublicBenefit = true,
        }));

    public static async Task<Guid> Person(HttpClient caseworker, string municipality, string familyName, DateOnly today, string? fileReference = null) =>
        Id(await Send(caseworker, "/api/persons", new
        {
            municipality,
            givenName = "Samir",
            familyName,
            dateOfBirth = D(today.AddYears(-31)),
            confirmedNotDuplicate = true, entitledSince = D(today.AddYears(-2)),
            fileReference = fileReference ?? "AZ-50-" + Guid.NewGuid().ToString("N")[..12],
        }));

    public static async Task<Guid> Placement(HttpClient caseworker, Guid personId, Guid offerId, DateOnly notice, DateOnly startsOn, int hoursPerWeek) =>
        Id(await Send(caseworker, "/api/placements", new { personId, offerId, noticeServedOn = D(notice), startsOn = D(startsOn), hoursPerWeek }));

    /// <summary>German money as the app shows it: 1.234,56 €.</summary>
    public static string Euro(long cents)
    {
        var abs = Math.Abs(cents);
        var euros = (abs / 100).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", ".");
        return $"{(cents < 0 ? "−" : "")}{euros},{abs % 100:00} €";
    }
}
