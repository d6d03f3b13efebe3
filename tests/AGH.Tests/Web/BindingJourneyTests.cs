using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "nothing binding by accident": the notice's draft before dispatch, a summary to check before the dispatch
/// binds (with "Zurück" to the filled form), fields whose text goes into a notice marked, and no preselected refusal kind.
/// Preconditions through the API, everything after sign-in in the UI.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class BindingJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "hagen";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string German(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private async Task<(HttpClient Api, Guid OfferId, Guid PersonId)> Person(string familyName, string userId)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var offerId = await WebApi.Offer(coordinator, Municipality, "Stadtbücherei Hagen – Ordnen", 2, 20, app.Today.AddYears(-1));
        var api = await app.Service.ClientFor("caseworker", Municipality, userId);
        var personId = await WebApi.Person(api, Municipality, familyName, app.Today, "AZ-HAG-" + Guid.NewGuid().ToString("N")[..6]);
        return (api, offerId, personId);
    }

    [Fact]
    public async Task Before_a_dispatch_binds_the_caseworker_sees_the_draft_and_a_summary_and_can_go_back_to_the_filled_form()
    {
        var today = app.Today;
        var (api, offerId, personId) = await Person("Haidari", "n.koch");
        var placementId = WebApi.Id(await WebApi.Send(api, "/api/placements", AssignmentFields.Body(personId, offerId, today, 10)));
        var noticeId = (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["noticeId"]!.GetValue<string>();
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);
        await page.GotoAsync($"/app/notices/{noticeId}");

        // The draft: the notice's PDF marked "Entwurf", streamed through the app.
        var draftLink = page.GetByTestId("notice-preview");
        await Assertions.Expect(draftLink).ToHaveTextAsync("Entwurf ansehen (PDF)");
        var draft = await page.Context.APIRequest.GetAsync(await draftLink.GetAttributeAsync("href") ?? "");
        draft.Status.Should().Be(200);
        draft.Headers["content-type"].Should().StartWith("application/pdf");
        Unit.PdfText.Of(await draft.BodyAsync()).Should().Contain("Entwurf – noch nicht versandt").And.Contain("Heranziehungsbescheid");

        // The first send only shows what would be recorded; nothing is stored yet.
        await page.GetByLabel("mit einfacher Post").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen", Exact = true }).ClickAsync();
        var summary = page.GetByTestId("confirm-summary");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bitte prüfen: Versand erfassen – Heranziehungsbescheid" })).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync("mit einfacher Post");
        await Assertions.Expect(summary).ToContainTextAsync(German(today));
        await StaffAppFixture.Check(page, "130-versand-pruefen");
        (await api.GetFromJsonAsync<JsonNode>($"/api/notices/{noticeId}"))!["dispatch"].Should().BeNull("the summary stores nothing");

        // "Zurück": the form again, as filled in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Zurück", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("mit einfacher Post")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Versandt bzw. ausgehändigt am")).ToHaveValueAsync(Iso(today));
        (await api.GetFromJsonAsync<JsonNode>($"/api/notices/{noticeId}"))!["dispatch"].Should().BeNull("going back stores nothing");

        // Then binding: "Jetzt verbindlich Versand erfassen".
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich Versand erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Versand erfasst (mit einfacher Post am {German(today)})");
        await Assertions.Expect(page.GetByTestId("notice-preview")).ToHaveCountAsync(0);
        var stored = (await api.GetFromJsonAsync<JsonNode>($"/api/notices/{noticeId}"))!;
        stored["dispatch"]!["method"]!.GetValue<string>().Should().Be("post");
        stored["dispatch"]!["on"]!.GetValue<string>().Should().Be(Iso(today));
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_refusal_has_no_preselected_kind_and_the_stated_reason_is_marked_as_appearing_in_the_notice()
    {
        var today = app.Today;
        var (api, offerId, personId) = await Person("Nazari", "n.koch");
        var placementId = await WebApi.Placement(api, personId, offerId, today.AddDays(-12), today.AddDays(-10), 10);
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);
        await page.GotoAsync($"/app/placements/{placementId}/refusals/new");

        foreach (var kind in new[] { "ausdrückliche Weigerung", "Nichterscheinen", "Abbruch" })
            await Assertions.Expect(page.GetByLabel(kind)).Not.ToBeCheckedAsync();
        var reason = page.GetByLabel("Von der Person angegebener Grund");
        await Assertions.Expect(reason).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("erscheint im Bescheid"));
        await Assertions.Expect(page.Locator("#stated-in-notice")).ToBeVisibleAsync();
        await page.GetByLabel("Datum der Weigerung").FillAsync(Iso(today.AddDays(-1)));
        await reason.FillAsync("Sagt, er habe verschlafen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Kind']")).ToHaveTextAsync("Bitte wählen Sie die Art der Weigerung: Es ist nichts vorausgewählt.");
        await Assertions.Expect(reason).ToHaveValueAsync("Sagt, er habe verschlafen");
        await StaffAppFixture.Check(page, "131-weigerung-art-waehlen");
        (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["refusals"]!.AsArray().Should().BeEmpty("nothing is recorded without a kind");

        // Chosen and saved: the refusal's own page shows step 1 done and the assessment as the step now (issue 20 point 10).
        await page.GetByLabel("Nichterscheinen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ist erfasst");
        var steps = page.Locator("ol.refusal-steps > li");
        await Assertions.Expect(steps.Nth(0)).ToContainTextAsync("Weigerung erfasst – erledigt");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("Bewertung – jetzt");
        await Assertions.Expect(page.Locator("ol.refusal-steps")).Not.ToContainTextAsync("Weigerung erfasst – offen");
        (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["refusals"]!.AsArray().Should().ContainSingle();
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_form_posted_after_the_session_ended_comes_back_filled_in_after_signing_in_again_and_is_not_sent()
    {
        var today = app.Today;
        var (api, offerId, personId) = await Person("Sahak", "n.koch");
        var placementId = await WebApi.Placement(api, personId, offerId, today.AddDays(-12), today.AddDays(-10), 10);
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);
        await page.GotoAsync($"/app/placements/{placementId}/refusals/new");
        await page.GetByLabel("Datum der Weigerung").FillAsync(Iso(today.AddDays(-2)));
        await page.GetByLabel("Nichterscheinen").CheckAsync();
        await page.GetByLabel("Von der Person angegebener Grund").FillAsync("Der Bus fiel aus");

        // The session ends (its cookie is gone, as when it expires); the form is sent anyway.
        var cookies = await page.Context.CookiesAsync();
        await page.Context.ClearCookiesAsync();
        await page.Context.AddCookiesAsync(cookies.Where(c => c.Name != "agh.staff").Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync("caseworker");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nina Koch");
        await page.GetByLabel("Kennung").FillAsync("n.koch");
        await page.GetByLabel("Kommune").SelectOptionAsync(Municipality);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        // Back on the form, filled in as sent, and nothing recorded yet.
        await page.WaitForURLAsync($"**/app/placements/{placementId}/refusals/new");
        await Assertions.Expect(page.GetByTestId("kept-form")).ToContainTextAsync("Ihre Eingaben sind wiederhergestellt, aber noch nicht gesendet");
        await Assertions.Expect(page.GetByLabel("Datum der Weigerung")).ToHaveValueAsync(Iso(today.AddDays(-2)));
        await Assertions.Expect(page.GetByLabel("Nichterscheinen")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Von der Person angegebener Grund")).ToHaveValueAsync("Der Bus fiel aus");
        await StaffAppFixture.Check(page, "132-sitzung-eingaben-erhalten");
        (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["refusals"]!.AsArray().Should().BeEmpty("the kept form is not sent by itself");

        // Sent now, it is recorded once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ist erfasst");
        var refusals = (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["refusals"]!.AsArray();
        refusals.Should().ContainSingle();
        refusals[0]!["statedReason"]!.GetValue<string>().Should().Be("Der Bus fiel aus");
        await StaffAppFixture.End(page);
    }
}
