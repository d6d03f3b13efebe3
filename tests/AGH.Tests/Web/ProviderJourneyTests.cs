using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>Contract v3c in the staff app: a provider (Träger) signs in with its organisation and sees its own offers and people, nothing else.</summary>
[Collection(StaffAppCollection.Second)]
public sealed class ProviderJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [Fact]
    public async Task A_provider_signs_in_with_its_organisation_and_sees_its_offers_people_and_working_times_but_not_another_providers()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var tafel = $"tafel-{tag}";
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, $"Tafel Glandorf – Ausgabe {tag}", 3, 15, app.Today.AddYears(-1), "nonprofit");
        var other = await Offer(coordinator, Glandorf, $"Kleiderkammer Glandorf {tag}", 3, 15, app.Today.AddYears(-1), "nonprofit");
        await Send(coordinator, $"/api/offers/{offer}/provider", new { providerId = tafel });
        await Send(coordinator, $"/api/offers/{other}/provider", new { providerId = $"kleiderkammer-{tag}" });
        var person = await Person(caseworker, Glandorf, "Karimi", app.Today);
        await Send(caseworker, "/api/placements", new
        {
            personId = person,
            offerId = offer,
            noticeServedOn = D(app.Today.AddDays(-10)),
            startsOn = D(app.Today.AddDays(-3)),
            hoursPerWeek = 8,
            schedule = new[] { new { weekday = "tuesday", from = "09:00", to = "13:00" }, new { weekday = "thursday", from = "09:00", to = "13:00" } },
            until = D(app.Today.AddMonths(3)),
        });
        var elsewhere = await Person(caseworker, Glandorf, "Nazari", app.Today);
        await Placement(caseworker, elsewhere, other, app.Today.AddDays(-10), app.Today.AddDays(-3), 8);

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        StaffAppFixture.WatchPolicy(page);
        await page.GotoAsync("/app");
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync("provider");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Maria Böhm");
        await page.GetByLabel("Kennung").FillAsync("m.boehm");
        await page.GetByLabel("Kommune").SelectOptionAsync("");

        // A provider without its organisation is refused at the field, the rest kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Provider']")).ToContainTextAsync("Organisation angeben");
        await Expect(page.GetByLabel("Kennung")).ToHaveValueAsync("m.boehm");
        await page.GetByLabel("Organisation des Trägers").FillAsync(tafel);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await page.WaitForURLAsync("**/app/provider");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"Maria Böhm · Träger · {tafel}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meine Einsätze");
        var offers = page.GetByTestId("provider-offer");
        await Expect(offers).ToHaveCountAsync(1);
        await Expect(offers).ToContainTextAsync($"Tafel Glandorf – Ausgabe {tag}");
        var row = page.GetByTestId("provider-person");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Karimi, Samir");
        await Expect(row).ToContainTextAsync(app.Today.AddDays(-3).ToString("dd.MM.yyyy"));
        await Expect(row).ToContainTextAsync(app.Today.AddMonths(3).ToString("dd.MM.yyyy"));
        await Expect(row).ToContainTextAsync("Dienstag 09:00–13:00");
        await Expect(page.GetByText("Kleiderkammer")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Nazari")).ToHaveCountAsync(0);
        // The staff's pages are not the provider's: the API refuses them.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Personen" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "90-traeger-einsaetze");

        await page.GotoAsync("/app/persons");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Das hat nicht geklappt");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Berechtigung");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_provider_sees_its_reportable_accidents_and_records_the_day_it_reported_one_to_the_insurer()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var bauhof = $"bauhof-{tag}";
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, $"Bauhof Glandorf – Grünpflege {tag}", 3, 15, app.Today.AddYears(-1), "nonprofit");
        await Send(coordinator, $"/api/offers/{offer}/provider", new { providerId = bauhof });
        var person = await Person(caseworker, Glandorf, "Rahimi", app.Today);
        var placement = await Placement(caseworker, person, offer, app.Today.AddDays(-20), app.Today.AddDays(-14), 8);
        var provider = await app.Service.ClientFor("provider", null, "k.otte", bauhof);
        var accident = (await Send(provider, $"/api/placements/{placement}/accidents",
            new { on = D(app.Today.AddDays(-1)), description = "Beim Heckeschneiden von der Leiter gerutscht", incapacityDays = 5 }))["id"]!.GetValue<string>();

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        StaffAppFixture.WatchPolicy(page);
        await page.GotoAsync("/app");
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync("provider");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Karl Otte");
        await page.GetByLabel("Kennung").FillAsync("k.otte");
        await page.GetByLabel("Kommune").SelectOptionAsync("");
        await page.GetByLabel("Organisation des Trägers").FillAsync(bauhof);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/app/provider");

        await page.GetByRole(AriaRole.Link, new() { Name = "Unfallmeldungen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offene Unfallmeldungen");
        var row = page.Locator($"[data-accident='{accident}']");
        await Expect(row).ToContainTextAsync("Rahimi, Samir");
        await Expect(row).ToContainTextAsync(app.Today.AddDays(-1).ToString("dd.MM.yyyy"));
        await Expect(row).ToContainTextAsync(app.Today.AddDays(3).ToString("dd.MM.yyyy"));
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Rahimi, Samir");

        // A day in the future is refused at the field; then the day the report went to the insurer is recorded.
        await page.GetByLabel("Meldung an den Unfallversicherungsträger erfasst am").FillAsync(app.Today.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldung erfassen" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Report.ReportedOn']")).Not.ToBeEmptyAsync();
        await page.GetByLabel("Meldung an den Unfallversicherungsträger erfasst am").FillAsync(app.Today.ToString("yyyy-MM-dd"));
        await StaffAppFixture.Check(page, "109-traeger-unfallanzeige");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldung erfassen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ist erfasst");

        var stored = System.Text.Json.Nodes.JsonNode.Parse(await provider.GetStringAsync($"/api/accidents/{accident}"))!;
        stored["status"]!.GetValue<string>().Should().Be("reported");
        stored["reportedOn"]!.GetValue<string>().Should().Be(D(app.Today));
        await StaffAppFixture.End(page);
    }
}
