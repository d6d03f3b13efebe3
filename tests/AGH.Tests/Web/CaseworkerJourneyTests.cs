using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

[Collection(StaffAppCollection.Second)]
public sealed class CaseworkerJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "bad-laer";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string German(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_caseworker_registers_a_person_assigns_them_to_a_free_offer_prints_the_notice_and_ends_the_placement()
    {
        var today = app.Today;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        // Realistic names for the README's screenshots; the file reference (and the offer's id) keep each run apart.
        var familyName = "Haddad";
        var fileReference = "AZ-BL-" + suffix;
        var offerTitle = "Tafel Bad Laer – Lebensmittelausgabe";

        // The coordinator's part: one open offer with a single place in the caseworker's municipality.
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var offerResponse = await coordinator.PostAsJsonAsync("/api/offers", new
        {
            providerType = "nonprofit",
            providerName = "Tafel Osnabrücker Land e. V.",
            municipality = Municipality,
            title = offerTitle,
            activity = "Lebensmittel sortieren und ausgeben",
            places = 1,
            hoursPerWeek = 20,
            startsOn = Iso(today.AddYears(-1)),
            reportTo = "Tafel, Kirchstraße 3, Bad Laer",
            servesPublicBenefit = true,
        });
        offerResponse.StatusCode.Should().Be(HttpStatusCode.Created);
        var offerId = (await offerResponse.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
        var caseworkerApi = await app.Service.ClientFor("caseworker", Municipality, "c.brandt");

        // The offer's radio by its label and by its id: an earlier run may have left an offer with the same title.
        ILocator OfferRadio(IPage p) => p.GetByRole(AriaRole.Radio, new() { Name = offerTitle }).And(p.Locator($"input[value='{offerId}']"));

        var page = await app.SignIn("caseworker", "Clara Brandt", "c.brandt", Municipality);
        // Caseworkers start at their tasks (issue 20); the persons are the next item.
        await page.WaitForURLAsync("**/app/tasks");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Personen", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/app/persons");

        // Register a person.
        await page.GetByRole(AriaRole.Link, new() { Name = "Person erfassen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Person erfassen");
        await Assertions.Expect(page.GetByLabel("Kommune")).ToHaveValueAsync("Bad Laer");
        await page.GetByLabel("Vorname").FillAsync("Leyla");
        await page.GetByLabel("Familienname").FillAsync(familyName);
        await page.GetByLabel("Geburtsdatum").FillAsync(Iso(today.AddYears(-31)));
        await page.GetByLabel("Leistungen nach AsylbLG seit").FillAsync(Iso(today.AddYears(-1)));
        await page.GetByLabel("Aktenzeichen (optional)").FillAsync(fileReference);
        await StaffAppFixture.Check(page, "11-person-erfassen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/app/persons/[0-9a-f-]{36}$"));
        var personId = Guid.Parse(page.Url[^36..]);
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Leyla {familyName} ist erfasst");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{familyName}, Leyla");
        await Assertions.Expect(page.GetByTestId("person-status")).ToHaveTextAsync("verfügbar");
        await Assertions.Expect(page.GetByTestId("restriction")).ToHaveTextAsync("keine");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync($"Person erfasst: Leyla {familyName}");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Clara Brandt");
        await StaffAppFixture.Check(page, "12-person");

        // Find them again in the list by file reference.
        await page.GetByRole(AriaRole.Link, new() { Name = "Personen", Exact = true }).ClickAsync();
        await page.GetByLabel("Name oder Aktenzeichen").FillAsync(fileReference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page.Locator("table caption")).ToContainTextAsync($"1 Person zu „{fileReference}“");
        page.Url.Should().NotContain(fileReference).And.NotContain(familyName).And.NotContain("q=", "the search is posted: no term in the URL, the history or a proxy's log");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{familyName}, Leyla" })).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "10-personen");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{familyName}, Leyla" }).ClickAsync();

        // An illness that has ended: recorded, and the person stays assignable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Befreiung erfassen" }).ClickAsync();
        await page.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Krankheit (Arbeitsunfähigkeit)" });
        await page.GetByLabel("Von", new() { Exact = true }).FillAsync(Iso(today.AddDays(-40)));
        await page.GetByLabel("Bis (optional)").FillAsync(Iso(today.AddDays(-20)));
        await page.GetByLabel("Nachweis (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Arbeitsunfähigkeitsbescheinigung" });
        await page.GetByLabel("Vermerk (optional)").FillAsync("Arbeitsunfähigkeitsbescheinigung liegt vor");
        await Assertions.Expect(page.GetByText("keine Diagnose")).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "13-befreiung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Befreiung erfassen" }).ClickAsync();
        await page.WaitForURLAsync($"**/app/persons/{personId}");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Befreiung (Krankheit (Arbeitsunfähigkeit)) ist erfasst");
        var exemptions = page.GetByRole(AriaRole.Table, new() { Name = "Erfasste Befreiungen" });
        await Assertions.Expect(exemptions).ToContainTextAsync(German(today.AddDays(-20)));
        await Assertions.Expect(exemptions).ToContainTextAsync("abgelaufen");
        await Assertions.Expect(page.GetByTestId("person-status")).ToHaveTextAsync("verfügbar");

        // Assign: the notice date is optional and empty (the service issues the notice today); a start before today,
        // the notice's day, is refused next to the start, and what was typed stays.
        await page.GetByRole(AriaRole.Link, new() { Name = "Zuweisen" }).ClickAsync();
        await OfferRadio(page).CheckAsync();
        var noticeDate = page.GetByLabel("Bescheid außerhalb des Dienstes bekanntgegeben am (optional)");
        await Assertions.Expect(noticeDate).ToHaveValueAsync("");
        await Assertions.Expect(noticeDate).ToHaveAccessibleDescriptionAsync(new Regex("Normalerweise leer lassen: Der Dienst erlässt den Heranziehungsbescheid heute, danach muss er versandt"));
        await page.GetByLabel("Beginn des Einsatzes").FillAsync(Iso(today.AddDays(-8)));
        await page.GetByLabel("Stunden pro Woche").FillAsync("15");
        await AssignForm.FillV3b(page, 15, today.AddMonths(3));
        await StaffAppFixture.Check(page, "14-zuweisen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();

        var startError = page.Locator("[data-valmsg-for='Input.StartsOn']");
        await Assertions.Expect(startError).ToHaveTextAsync("Der Beginn darf nicht vor der Bekanntgabe des Bescheids liegen.");
        await Assertions.Expect(page.GetByLabel("Beginn des Einsatzes")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Beginn des Einsatzes")).ToHaveValueAsync(Iso(today.AddDays(-8)));
        await Assertions.Expect(noticeDate).ToHaveValueAsync("");
        await Assertions.Expect(page.GetByLabel("Stunden pro Woche")).ToHaveValueAsync("15");
        await Assertions.Expect(OfferRadio(page)).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Ende, Zeile 3")).ToHaveValueAsync("13:00");
        await Assertions.Expect(page.GetByLabel("Begründung", new() { Exact = false })).ToHaveValueAsync(AssignmentFields.Reasoning);
        await StaffAppFixture.Check(page, "15-zuweisen-fehler");
        (await caseworkerApi.GetFromJsonAsync<JsonNode>($"/api/placements?personId={personId}"))!.AsArray().Should().BeEmpty("a refused assignment stores nothing");

        // Corrected start (today, the notice's day), but more hours than the offer plans: refused at the hours.
        await page.GetByLabel("Beginn des Einsatzes").FillAsync(Iso(today));
        await page.GetByLabel("Stunden pro Woche").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.HoursPerWeek']")).ToHaveTextAsync("Die Wochenstunden übersteigen die Stunden des Angebots.");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.StartsOn']")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("Beginn des Einsatzes")).ToHaveValueAsync(Iso(today));

        await page.GetByLabel("Stunden pro Woche").FillAsync("15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();

        // The confirmation: the service issued the notice, which waits for dispatch; it is streamed through the app.
        await page.WaitForURLAsync(new Regex("/app/placements/[0-9a-f-]{36}/assigned$"));
        var placementId = Guid.Parse(new Regex("placements/([0-9a-f-]{36})/").Match(page.Url).Groups[1].Value);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Zugewiesen: Leyla {familyName}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(offerTitle);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(German(today));
        var assigned = (await caseworkerApi.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!;
        assigned["until"]!.GetValue<string>().Should().Be(Iso(today.AddMonths(3)));
        assigned["schedule"]!.AsArray().Should().HaveCount(3);
        assigned["informationLanguage"]!.GetValue<string>().Should().Be("ar");
        assigned["reasoning"]!.GetValue<string>().Should().Be(AssignmentFields.Reasoning);
        await Assertions.Expect(page.GetByTestId("notice-state")).ToContainTextAsync("Der Heranziehungsbescheid wartet auf den Versand");
        var noticeId = (await caseworkerApi.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["noticeId"]!.GetValue<string>();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Versand erfassen" })).ToHaveAttributeAsync("href", $"/app/notices/{noticeId}");
        var print = page.GetByRole(AriaRole.Link, new() { Name = "Heranziehungsbescheid drucken (PDF)" });
        await Assertions.Expect(print).ToHaveAttributeAsync("href", $"/app/placements/{placementId}/notice");
        await StaffAppFixture.Check(page, "16-zugewiesen");
        var pdf = await page.APIRequest.GetAsync($"/app/placements/{placementId}/notice");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().StartWith("application/pdf");
        pdf.Headers["content-disposition"].Should().StartWith("inline");
        var bytes = await pdf.BodyAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");

        // The offer is now full: the API lists no free place, and the person page shows the placement and its history.
        (await caseworkerApi.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["status"]!.GetValue<string>().Should().Be("active");
        (await coordinator.GetFromJsonAsync<JsonNode>($"/api/offers/{offerId}"))!["free"]!.GetValue<int>().Should().Be(0);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Zurück zu Leyla {familyName}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("person-status")).ToHaveTextAsync("in Arbeitsgelegenheit");
        var placements = page.GetByTestId("placements");
        await Assertions.Expect(placements).ToContainTextAsync(offerTitle);
        await Assertions.Expect(placements).ToContainTextAsync("läuft");
        await Assertions.Expect(placements.GetByRole(AriaRole.Link, new() { Name = offerTitle, Exact = true })).ToHaveAttributeAsync("href", $"/app/placements/{placementId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zuweisen", Exact = true })).ToHaveCountAsync(0);
        var timeline = page.GetByTestId("timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("Heranziehungsbescheid mit Rechtsfolgenbelehrung erlassen");
        await Assertions.Expect(timeline).ToContainTextAsync($"erlassen am {German(today)}");
        await Assertions.Expect(timeline).ToContainTextAsync("Wichtiger Grund erfasst");
        await Assertions.Expect(timeline.Locator("li").Last).ToContainTextAsync("Person erfasst");
        // The screenshot shows the placements and the timeline rather than the top of the page.
        await page.EvaluateAsync("() => document.getElementById('placements-heading').scrollIntoView()");
        await StaffAppFixture.Check(page, "18-person-zugewiesen");

        // Hours logged today (the hours grid is another page): an end before the start is refused at the date field.
        // (An end before logged hours is refused likewise: NoticeJourneyTests, on a placement whose notice was served earlier.)
        (await caseworkerApi.PostAsJsonAsync($"/api/placements/{placementId}/hours", new { date = Iso(today), minutes = 180 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await page.ReloadAsync();
        await page.GetByTestId("placements").GetByRole(AriaRole.Link, new() { Name = $"Beenden ({offerTitle})" }).ClickAsync();
        await page.WaitForURLAsync($"**/app/placements/{placementId}/end");
        await Assertions.Expect(page.GetByLabel("Letzter Arbeitstag")).ToHaveValueAsync(Iso(today));
        await page.GetByLabel("Letzter Arbeitstag").FillAsync(Iso(today.AddDays(-1)));
        await page.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Reguläre Beschäftigung möglich" });
        await page.GetByLabel("Vermerk (optional)").FillAsync("Arbeitsvertrag ab nächstem Monat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arbeitsgelegenheit beenden" }).ClickAsync();
        var dateError = page.Locator("[data-valmsg-for='Input.Date']");
        await Assertions.Expect(dateError).ToContainTextAsync("Das Ende darf nicht vor dem Beginn liegen.");
        await Assertions.Expect(page.GetByLabel("Letzter Arbeitstag")).ToHaveValueAsync(Iso(today.AddDays(-1)));
        await Assertions.Expect(page.GetByLabel("Grund", new() { Exact = true })).ToHaveValueAsync("RegularEmployment");
        await Assertions.Expect(page.GetByLabel("Vermerk (optional)")).ToHaveValueAsync("Arbeitsvertrag ab nächstem Monat");
        await StaffAppFixture.Check(page, "17-beenden");

        await page.GetByLabel("Letzter Arbeitstag").FillAsync(Iso(today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Arbeitsgelegenheit beenden" }).ClickAsync();
        await page.WaitForURLAsync($"**/app/persons/{personId}");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"„{offerTitle}“ ist beendet");
        await Assertions.Expect(page.GetByTestId("person-status")).ToHaveTextAsync("verfügbar");
        await Assertions.Expect(page.GetByTestId("placements")).ToContainTextAsync("beendet");
        await Assertions.Expect(page.GetByTestId("placements")).ToContainTextAsync("Reguläre Beschäftigung möglich");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li").First).ToContainTextAsync($"Einsatz beendet, letzter Arbeitstag {German(today)}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Zuweisen", Exact = true })).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "19-beendet");

        var ended = (await caseworkerApi.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!;
        ended["status"]!.GetValue<string>().Should().Be("ended");
        ended["endReason"]!.GetValue<string>().Should().Be("regular-employment");
        ended["endedOn"]!.GetValue<string>().Should().Be(Iso(today));
        await StaffAppFixture.End(page);
    }
}
