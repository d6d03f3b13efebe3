using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "nothing binding by accident": every field whose text a notice prints (src/Api/Notices/*NoticeText.cs)
/// tells the user so in its accessible description ("erscheint im Bescheid"); a field the notice does not print does not.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class NoticeMarkJourneyTests(StaffAppFixture app) : Journey
{
    private static readonly Regex Mark = new("erscheint im Bescheid");

    private static string Official() => $"melle-off-{Guid.NewGuid():N}"[..24];

    /// <summary>The texts of the elements the field's aria-describedby names (also for a field shown only after a choice).</summary>
    private static async Task<string> Description(ILocator field)
    {
        var ids = (await field.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texts = new List<string>();
        foreach (var id in ids) texts.Add(await field.Page.Locator($"[id='{id}']").TextContentAsync() ?? "");
        return string.Join(" ", texts);
    }

    private static async Task Marked(ILocator field, string what) =>
        (await Description(field)).Should().Contain("erscheint im Bescheid", $"{what} is printed in the notice");

    private static async Task NotMarked(ILocator field, string what) =>
        (await Description(field)).Should().NotContain("erscheint im Bescheid", $"{what} is not printed in any notice");

    [Fact]
    public async Task The_official_sees_which_fields_of_the_decision_and_the_objection_forms_reach_the_notice()
    {
        var c = await ProposedCase.Create(app, "amt");
        var official = await app.SignIn("official", "Dr. Jonas Amt", Official(), "melle");

        // The decision on the proposal: reasoning, granted items, hardship and discretion reasoning.
        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(official.GetByLabel("Begründung der Entscheidung")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung der Entscheidung"), "the decision's reasoning");
        await Marked(official.GetByLabel("Zusätzlich gewährte Leistungen"), "the granted items");
        await Marked(official.GetByLabel("Begründung der Prüfung besonderer Umstände"), "the hardship reasoning");
        await Marked(official.GetByLabel("Ermessenserwägungen (bei § 45 SGB X)"), "the discretion reasoning");
        // Not printed: the start date is a field of its own, not free text (no mark).
        await NotMarked(official.GetByLabel("Beginn der Einschränkung"), "the start date field");
        await StaffAppFixture.Check(official, "203-erscheint-im-bescheid-entscheidung");

        // The Widerspruch against the Heranziehungsbescheid: its content is the person's, not printed by the notice.
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await NotMarked(official.GetByLabel("Inhalt des Widerspruchs"), "the objection's content");
        var cw = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-m-{Guid.NewGuid():N}"[..22]);
        await ProposedCase.Ok(await cw.PostAsJsonAsync($"/api/placements/{c.Placement}/objection",
            new { receivedOn = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), statement = "Die Arbeit ist mir nicht zumutbar." }));
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await Assertions.Expect(official.GetByLabel("Begründung des besonderen Interesses")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung des besonderen Interesses"), "the enforcement reasoning");
        await Assertions.Expect(official.GetByLabel("Begründung der Widerspruchsentscheidung")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung der Widerspruchsentscheidung"), "the objection decision's reasoning");
        await StaffAppFixture.Check(official, "204-erscheint-im-bescheid-widerspruch");
        await StaffAppFixture.End(official);
    }

    [Fact]
    public async Task The_caseworker_and_the_provider_see_which_of_their_fields_reach_the_notice()
    {
        const string municipality = "hasbergen";
        var tag = Guid.NewGuid().ToString("N")[..6];
        var today = app.Today;
        var cw = await app.Service.ClientFor("caseworker", municipality, $"mark-cw-{tag}");
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var providerId = $"mark-{tag}";
        var offer = await WebApi.Offer(coordinator, municipality, "Pflege des Schulgartens Hasbergen", 3, 10, today.AddDays(-60), "nonprofit");
        await WebApi.Send(coordinator, $"/api/offers/{offer}/provider", new { providerId });
        var placed = await WebApi.Person(cw, municipality, $"Mark-{tag}", today);
        var placement = await WebApi.Placement(cw, placed, offer, today.AddDays(-40), today.AddDays(-30), 10);
        var unplaced = await WebApi.Person(cw, municipality, $"Frei-{tag}", today);
        await WebApi.Send(cw, $"/api/placements/{placement}/hours", new { date = WebApi.D(today.AddDays(-3)), minutes = 60 });
        string Refusal(System.Text.Json.Nodes.JsonNode answer) => answer["refusalId"]!.GetValue<string>();
        var open = Refusal(await WebApi.Send(cw, $"/api/placements/{placement}/refusals",
            new { date = WebApi.D(today.AddDays(-20)), kind = "explicit", statedReason = "will nicht" }));
        var heard = Refusal(await WebApi.Send(cw, $"/api/placements/{placement}/refusals",
            new { date = WebApi.D(today.AddDays(-15)), kind = "explicit", statedReason = "will nicht" }));
        await WebApi.Send(cw, $"/api/placements/{placement}/refusals/{heard}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund erkennbar." });

        var page = await app.SignIn("caseworker", "Clara Brandt", $"mark-cw-{tag}", municipality);
        // The Heranziehungsbescheid's reasoning.
        await page.GotoAsync($"/app/persons/{unplaced}/assign");
        await Marked(page.Locator("textarea[name='Input.Reasoning']"), "the assignment's reasoning");
        // A refusal not yet assessed: the assessment's reasoning; the stated reason was marked when it was entered.
        await page.GotoAsync($"/app/placements/{placement}/refusals/{open}");
        await Marked(page.Locator("textarea[name='Assess.Reasoning']"), "the assessment's reasoning");
        // Assessed without good cause: the hearing's statement; once heard, the reassessment's reasoning.
        await page.GotoAsync($"/app/placements/{placement}/refusals/{heard}");
        await Marked(page.Locator("textarea[name='Hearing.Statement']"), "the hearing's statement");
        await NotMarked(page.GetByLabel("Tag der Anhörung"), "the hearing's date field");
        await WebApi.Send(cw, $"/api/placements/{placement}/refusals/{heard}/hearing", new { heldOn = WebApi.D(today.AddDays(-12)), statement = "keine Äußerung" });
        await page.GotoAsync($"/app/placements/{placement}/refusals/{heard}");
        await Marked(page.Locator("textarea[name='Reassess.Reasoning']"), "the reassessment's reasoning");
        await StaffAppFixture.Check(page, "205-erscheint-im-bescheid-weigerung");
        await StaffAppFixture.End(page);

        // The provider's note on an absence becomes the stated reason if the office records a refusal.
        var provider = await app.SignInProvider("Rosa Garten", $"r.garten-{tag}", providerId);
        await provider.GotoAsync($"/app/provider/placements/{placement}/absence");
        var note = provider.GetByLabel("Bemerkung (freiwillig)");
        (await Description(note)).Should().Contain("erscheint im Bescheid an die Person, wenn das Sozialamt die Meldung als Weigerung erfasst");
        await StaffAppFixture.Check(provider, "206-erscheint-im-bescheid-traeger");
        await StaffAppFixture.End(provider);
    }
}
