using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, the person's case in the staff app: the API functions it lacked (Anspruch beendet, Löschsperre, the Art. 15
/// export as a download), each binding step confirmed with a summary first, and the printed case (CSS @media print).
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class CaseFileJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "bramsche";

    private DateOnly Today => app.Today;

    private static string De(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private Task<HttpClient> Caseworker() => app.Service.ClientFor("caseworker", Municipality, "bramsche-cw-akte");

    private async Task<(Guid Person, Guid Placement, string OfferTitle)> Placed(string familyName)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "coord-akte");
        var title = "Tafel Bramsche " + Guid.NewGuid().ToString("N")[..4];
        var offer = await Offer(coordinator, Municipality, title, 2, 15, Today.AddYears(-1));
        var cw = await Caseworker();
        var person = await Person(cw, Municipality, familyName, Today);
        var placement = await Placement(cw, person, offer, Today.AddDays(-30), Today.AddDays(-21), 15);
        return (person, placement, title);
    }

    [Fact]
    public async Task A_caseworker_records_the_end_of_the_entitlement_after_a_summary_and_the_active_placement_ends_with_it()
    {
        var (person, placement, title) = await Placed("Anspruchsende");
        var page = await app.SignIn("caseworker", "Jana Akte", "bramsche-cw-akte", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anspruch beendet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Anspruch beendet");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("eine laufende Arbeitsgelegenheit endet an diesem Tag");
        await Assertions.Expect(page.GetByTestId("entitlement-effect")).ToContainTextAsync($"{title} seit {De(Today.AddDays(-21))}");

        // A day in the future and no reason: German errors at the fields, the date stays as typed.
        var future = Today.AddDays(3);
        await page.GetByLabel("Anspruch endete am").FillAsync(D(future));
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Date']")).ToContainTextAsync("nicht in der Zukunft");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Bitte den Grund angeben");
        await Assertions.Expect(page.GetByLabel("Anspruch endete am")).ToHaveValueAsync(D(future));
        await StaffAppFixture.Check(page);

        // The summary names the placement that ends; "Angaben ändern" brings the form back with the input.
        var end = Today.AddDays(-2);
        const string reason = "Anerkennung als Flüchtling, Bescheid des BAMF";
        await page.GetByLabel("Anspruch endete am").FillAsync(D(end));
        await page.GetByLabel("Grund").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        var confirm = page.GetByTestId("confirm");
        await Assertions.Expect(confirm).ToContainTextAsync($"Die Arbeitsgelegenheit „{title}“ endet am {De(end)}");
        await Assertions.Expect(confirm).ToContainTextAsync(reason);
        await StaffAppFixture.Check(page, "140-anspruch-beendet-bestaetigen");
        (await Get(await Caseworker(), $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("placed", "nothing is stored before the confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben ändern" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Grund")).ToHaveValueAsync(reason);
        await Assertions.Expect(page.GetByLabel("Anspruch endete am")).ToHaveValueAsync(D(end));
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ende des Anspruchs verbindlich erfassen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Das Ende des Leistungsanspruchs am {De(end)} ist erfasst");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"„{title}“ ist damit beendet");
        await Assertions.Expect(page.GetByTestId("placements")).ToContainTextAsync("Leistungsanspruch");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Anspruch beendet" })).ToHaveCountAsync(0);
        var stored = await Get(await Caseworker(), $"/api/placements/{placement}");
        stored["status"]!.GetValue<string>().Should().Be("ended");
        stored["endReason"]!.GetValue<string>().Should().Be("entitlement-ended");
        stored["endedOn"]!.GetValue<string>().Should().Be(D(end));
        (await Get(await Caseworker(), $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("not-entitled");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task An_official_places_and_lifts_the_legal_hold_with_a_reason_after_confirming_and_is_offered_no_caseworker_action()
    {
        var (person, _, _) = await Placed("Sperre");
        var page = await app.SignIn("official", "Olga Amtsleitung", "bramsche-off-akte", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        // The official may set the hold; ending the entitlement and the export are the caseworker's.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Anspruch beendet" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Auskunft nach Art. 15 DSGVO herunterladen" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Löschsperre setzen" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Bitte den Grund angeben");
        const string reason = "Klage vor dem Sozialgericht Osnabrück anhängig";
        await page.GetByLabel("Grund").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm")).ToContainTextAsync(reason);
        await StaffAppFixture.Check(page, "141-loeschsperre-bestaetigen");
        (await Get(await Caseworker(), $"/api/persons/{person}"))["legalHold"]!.GetValue<bool>().Should().BeFalse("nothing is stored before the confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Löschsperre setzen – verbindlich" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Löschsperre ist gesetzt");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Löschsperre");
        (await Get(await Caseworker(), $"/api/persons/{person}"))["legalHold"]!.GetValue<bool>().Should().BeTrue();

        await page.GetByRole(AriaRole.Link, new() { Name = "Löschsperre aufheben" }).ClickAsync();
        await page.GetByLabel("Grund").FillAsync("Klage durch Urteil erledigt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Löschsperre aufheben – verbindlich" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Löschsperre ist aufgehoben");
        (await Get(await Caseworker(), $"/api/persons/{person}"))["legalHold"]!.GetValue<bool>().Should().BeFalse();
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_caseworker_downloads_the_Art_15_export_under_a_German_file_name_and_the_access_is_logged()
    {
        var (person, _, _) = await Placed("Auskunft");
        var page = await app.SignIn("caseworker", "Jana Akte", "bramsche-cw-akte", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(page.Locator("#export-hint")).ToContainTextAsync("Zugriffsprotokoll");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Auskunft nach Art. 15 DSGVO herunterladen" }).ClickAsync());
        download.SuggestedFilename.Should().Be($"Auskunft-Art15-DSGVO_Auskunft_Samir_{D(Today)}.json");
        var json = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        json["person"]!["familyName"]!.GetValue<string>().Should().Be("Auskunft");
        json["accessLog"]!.AsArray().Select(a => a!["purpose"]!.GetValue<string>()).Should().Contain("export");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_printed_case_shows_the_case_data_without_navigation_buttons_or_forms()
    {
        var (person, _, title) = await Placed("Druck");
        var page = await app.SignIn("caseworker", "Jana Akte", "bramsche-cw-akte", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Drucken" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("print-stand")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("nav.main-nav")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Drucken" })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("case-actions")).ToBeHiddenAsync();
        foreach (var form in await page.Locator("form").AllAsync()) await Assertions.Expect(form).ToBeHiddenAsync();
        foreach (var button in await page.Locator("a.button, button").AllAsync()) await Assertions.Expect(button).ToBeHiddenAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Druck, Samir");
        await Assertions.Expect(page.GetByTestId("print-stand")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("print-stand")).ToContainTextAsync($"Fallakte, Stand {De(Today)}");
        await Assertions.Expect(page.GetByTestId("placements")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("placements")).ToContainTextAsync(title);
        await Assertions.Expect(page.GetByTestId("person-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("timeline")).ToBeVisibleAsync();
        // A4 less the margins is about 690 px at 96 dpi: the tables fit the sheet without running off it.
        await page.SetViewportSizeAsync(690, 1000);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(690);
        (await page.PdfAsync(new() { Format = "A4" })).Length.Should().BeGreaterThan(1000);
        await page.SetViewportSizeAsync(1366, 768);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await StaffAppFixture.End(page);
    }

    /// <summary>A proposal waiting for the official, and a second refusal of the same placement not yet assessed.</summary>
    private async Task<(ProposedCase Case, Guid OpenRefusal)> CaseWithOpenRefusal(string tag)
    {
        var c = await ProposedCase.Create(app, tag);
        var cw = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-{tag}");
        var refusal = Guid.Parse((await Send(cw, $"/api/placements/{c.Placement}/refusals",
            new { date = D(Today.AddDays(-3)), kind = "no-show", statedReason = "keine Angabe" }))["refusalId"]!.GetValue<string>());
        return (c, refusal);
    }

    private static async Task NoHourForm(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("hours-read-only")).ToContainTextAsync("Nur Anzeige");
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Speichern" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_official_reaches_the_case_placement_and_hours_from_a_proposal_and_is_offered_no_form_the_API_refuses_her()
    {
        var (c, openRefusal) = await CaseWithOpenRefusal("kontext");
        var page = await app.SignIn("official", "Olga Amtsleitung", "melle-off-kontext", "melle");
        await page.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        var context = page.GetByTestId("proposal-context");
        await Assertions.Expect(context.GetByRole(AriaRole.Link, new() { Name = "Fallakte der Person" })).ToBeVisibleAsync();
        await Assertions.Expect(context.GetByRole(AriaRole.Link, new() { Name = "Arbeitsgelegenheit" })).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "142-vorschlag-zusammenhang");

        // The hours around the refusal, one click away, to read only: logging is the caseworker's.
        await context.GetByRole(AriaRole.Link, new() { Name = "Stunden der Woche der Weigerung" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync($"Stunden von {c.GivenName} {c.FamilyName}");
        await NoHourForm(page);
        await StaffAppFixture.Check(page);

        await page.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await page.GetByTestId("proposal-context").GetByRole(AriaRole.Link, new() { Name = "Arbeitsgelegenheit" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("placement-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Stunden erfassen" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Weigerung erfassen" })).ToHaveCountAsync(0);

        await page.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await page.GetByTestId("proposal-context").GetByRole(AriaRole.Link, new() { Name = "Fallakte der Person" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{c.FamilyName}, {c.GivenName}");
        foreach (var caseworkerOnly in new[] { "Anspruch beendet", "Befreiung erfassen", "Zuweisen", "Auskunft nach Art. 15 DSGVO herunterladen" })
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = caseworkerOnly })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Löschsperre setzen" })).ToBeVisibleAsync();

        // The refusal not yet assessed: assessment and proposal are the caseworker's; the page says so, with no form.
        await page.GotoAsync($"/app/placements/{c.Placement}/refusals/{openRefusal}");
        await Assertions.Expect(page.GetByTestId("caseworker-step").First).ToContainTextAsync("Die Bewertung erfasst die Sachbearbeitung");
        await Assertions.Expect(page.Locator("form[action*='handler=Assess']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form[action*='handler=Hearing']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("form[action*='handler=Propose']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "143-weigerung-amtsleitung");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task An_auditor_reaches_the_audit_view_from_a_proposal_and_is_offered_no_form_at_all()
    {
        var (c, openRefusal) = await CaseWithOpenRefusal("pruef-kontext");
        var page = await app.SignIn("auditor", "Rita Prüferin", "rpa-kontext", null);
        await page.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await page.GetByTestId("proposal-context").GetByRole(AriaRole.Link, new() { Name = "Stunden der Woche der Weigerung" }).ClickAsync();
        await NoHourForm(page);
        await page.GotoAsync($"/app/placements/{c.Placement}/refusals/{openRefusal}");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("caseworker-step").First).ToContainTextAsync("Die Bewertung erfasst die Sachbearbeitung");
        await page.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await page.GetByTestId("proposal-context").GetByRole(AriaRole.Link, new() { Name = "Fallakte der Person" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/app/audit/persons/{c.Person}$"));
        await Assertions.Expect(page.GetByTestId("state-placements")).ToContainTextAsync("Grünpflege Stadtpark Melle");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_offer_list_sorts_by_its_column_headers_with_aria_sort_and_filters_by_status()
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "coord-sort");
        var tag = Guid.NewGuid().ToString("N")[..4];
        var first = await Offer(coordinator, "wallenhorst", $"Aa Sortierung {tag}", 2, 10, Today.AddYears(-1));
        await Offer(coordinator, "wallenhorst", $"Zz Sortierung {tag}", 2, 10, Today.AddYears(-1));
        await Send(coordinator, $"/api/offers/{first}/withdrawal", new { date = D(Today), reason = "Träger hat abgesagt" });

        var page = await app.SignIn("coordinator", "Klaus Koordination", "coord-sort", null);
        await page.GotoAsync("/app/offers?municipality=wallenhorst");
        var title = page.Locator("th", new() { HasText = "Titel" });
        await Assertions.Expect(title).ToHaveAttributeAsync("aria-sort", "ascending");
        await title.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("th", new() { HasText = "Titel" })).ToHaveAttributeAsync("aria-sort", "descending");
        page.Url.Should().Contain("sort=title").And.Contain("dir=desc").And.Contain("municipality=wallenhorst");
        var rows = page.Locator("tbody tr", new() { HasText = $"Sortierung {tag}" });
        await Assertions.Expect(rows.First).ToContainTextAsync($"Zz Sortierung {tag}");
        await Assertions.Expect(rows.Last).ToContainTextAsync($"Aa Sortierung {tag}");

        // The status filter keeps the order chosen.
        await page.GetByLabel("Status").SelectOptionAsync("withdrawn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Assertions.Expect(page.Locator("table caption")).ToContainTextAsync("zurückgezogen");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync($"Aa Sortierung {tag}");
        await Assertions.Expect(page.Locator("th", new() { HasText = "Titel" })).ToHaveAttributeAsync("aria-sort", "descending");
        await StaffAppFixture.Check(page, "144-angebote-sortiert");
        await StaffAppFixture.End(page);
    }
}
