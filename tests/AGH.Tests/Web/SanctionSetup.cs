using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AGH.Tests.Web;

/// <summary>A sanction proposal in melle made through the API, as the coordinator and a caseworker would have made it.</summary>
public sealed record ProposedCase(Guid Person, Guid Placement, Guid Proposal, string FamilyName, string GivenName, string FileReference, string Proposer)
{
    /// <param name="proposerName">The caseworker's display name in the token ("Test {login id}" unless given).</param>
    public static async Task<ProposedCase> Create(StaffAppFixture app, string tag, string? proposerName = null)
    {
        static string D(DateOnly d) => d.ToString("yyyy-MM-dd");
        var today = app.Today;
        var unique = Guid.NewGuid().ToString("N")[..6];
        var proposer = $"melle-cw-{tag}-{unique}";
        var coordinator = await app.Service.ClientFor("coordinator", null, $"coord-{tag}-{unique}");
        var offer = await Id(await coordinator.PostAsJsonAsync("/api/offers", new
        {
            providerType = "municipality", providerName = "Stadt Melle", municipality = "melle", title = "Grünpflege Stadtpark Melle",
            activity = "Pflege öffentlicher Grünflächen", places = 3, hoursPerWeek = 15, startsOn = D(today.AddYears(-1)),
            endsOn = (string?)null, reportTo = "Bauhof Melle, Am Markt 1", servesPublicBenefit = true,
        }), "id");
        var cw = await app.Service.ClientFor("caseworker", "melle", proposer, name: proposerName);
        // Realistic names for the screenshots; the file reference and the ids keep each case apart.
        var (givenName, familyName) = tag switch
        {
            "amt" => ("Samir", "Rahimi"),
            "ende" => ("Omar", "Haidari"),
            "pruefung" => ("Yusuf", "Demir"),
            _ => ("Amina", "Yilmaz"),
        };
        var fileReference = "AZ-MEL-" + unique;
        var person = await Id(await cw.PostAsJsonAsync("/api/persons", new
        {
            municipality = "melle", givenName, familyName, dateOfBirth = D(today.AddYears(-31)),
            confirmedNotDuplicate = true, entitledSince = D(today.AddYears(-2)), fileReference,
        }), "id");
        var placement = await Id(await cw.PostAsJsonAsync("/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(today.AddDays(-20)), startsOn = D(today.AddDays(-14)), hoursPerWeek = 15,
        }), "id");
        var refusal = await Id(await cw.PostAsJsonAsync($"/api/placements/{placement}/refusals",
            new { date = D(today.AddDays(-10)), kind = "no-show", statedReason = "keine Angabe" }), "refusalId");
        await Ok(await cw.PostAsJsonAsync($"/api/placements/{placement}/refusals/{refusal}/assessment",
            new { goodCause = false, reasoning = "Kein wichtiger Grund vorgetragen" }));
        await Ok(await cw.PostAsJsonAsync($"/api/placements/{placement}/refusals/{refusal}/hearing",
            new { heldOn = D(today.AddDays(-5)), statement = "Person äußert sich nicht" }));
        var proposal = await Id(await cw.PostAsJsonAsync($"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }), "id");
        return new ProposedCase(person, placement, proposal, familyName, givenName, fileReference, proposer);
    }

    public static async Task<JsonNode> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<Guid> Id(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        return Guid.Parse(JsonNode.Parse(text)![field]!.GetValue<string>());
    }

    public static async Task<JsonNode> Read(StaffAppFixture app, Guid id) =>
        await Ok(await (await app.Service.ClientFor("auditor", null, "auditor-assert")).GetAsync($"/api/sanction-proposals/{id}"));
}
