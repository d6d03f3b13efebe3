using System.Text.RegularExpressions;
using Marten;
using Marten.Events;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>The district's coordinator: offers and the quota dashboard, in Glandorf.</summary>
[Collection(StaffAppCollection.Second)]
public sealed class CoordinatorJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private Task Settled() => app.Service.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task A_coordinator_registers_an_offer_changes_its_places_finds_it_in_the_list_and_withdraws_it_once_nobody_works_there()
    {
        var today = app.Today;
        // A realistic title for the screenshots; the list row is found by the offer's id, as an earlier run may have left the same title.
        const string title = "Friedhofspflege St. Johannis";
        var page = await app.SignIn("coordinator", "Clara Wagner", "c.wagner", null);

        await page.GotoAsync("/app/offers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Angebote");
        await StaffAppFixture.Check(page, "51-angebote");

        await page.GetByRole(AriaRole.Link, new() { Name = "Angebot erfassen" }).ClickAsync();
        await page.GetByLabel("Art des Trägers").SelectOptionAsync("nonprofit");
        await page.GetByLabel("Name des Trägers").FillAsync("Heimatverein Glandorf e. V.");
        await page.GetByLabel("Kommune").SelectOptionAsync(Glandorf);
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Beschreibung der Tätigkeit").FillAsync("Wege harken, Laub entfernen, Bänke streichen");
        await page.GetByLabel("Plätze").FillAsync("0");
        await page.GetByLabel("Stunden pro Woche").FillAsync("10");
        await page.GetByLabel("Beginn").FillAsync(D(today.AddDays(-30)));
        await page.GetByLabel("Melden bei (Ort und Ansprechperson)").FillAsync("Friedhofskapelle, Ansprechperson Frau Brinkmann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot speichern" }).ClickAsync();

        // The API refuses 0 places and an unconfirmed public benefit: both said in German at their fields, the input kept.
        await Expect(page.Locator("[data-valmsg-for='Input.Places']")).ToContainTextAsync("Bitte prüfen");
        await Expect(page.Locator("[data-valmsg-for='Input.ServesPublicBenefit']")).ToContainTextAsync("Gemeinwohl");
        await Expect(page.GetByLabel("Plätze")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Titel")).ToHaveValueAsync(title);
        await Expect(page.GetByLabel("Kommune")).ToHaveValueAsync(Glandorf);
        await Expect(page.GetByLabel("Art des Trägers")).ToHaveValueAsync("nonprofit");
        await StaffAppFixture.Check(page, "52-angebot-erfassen");

        await page.GetByLabel("Plätze").FillAsync("2");
        await page.GetByLabel("dient dem Gemeinwohl (zusätzlich, gemeinnützig)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator(".flash")).ToContainTextAsync("erfasst");
        await Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("offen");
        var offerId = Guid.Parse(page.Url.Split('/').Last());
        await StaffAppFixture.Check(page, "53-angebot");

        // Two persons of Glandorf start work there (the caseworker's part, through the API).
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "cw-glandorf-coord");
        var placements = new List<Guid>();
        foreach (var family in new[] { "Haidari", "Osmani" })
        {
            var person = await Person(caseworker, Glandorf, family, today);
            placements.Add(await Placement(caseworker, person, offerId, today.AddDays(-7), today.AddDays(-3), 10));
        }

        await page.ReloadAsync();
        await Expect(page.GetByTestId("offer-occupied")).ToHaveTextAsync("2");
        await page.GetByLabel("Plätze insgesamt").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plätze speichern" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Change.Places']")).ToContainTextAsync("mehr Plätze besetzt");
        await Expect(page.GetByLabel("Plätze insgesamt")).ToHaveValueAsync("1");
        await StaffAppFixture.Check(page, "54-angebot-plaetze-besetzt");

        await page.GetByLabel("Plätze insgesamt").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plätze speichern" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Plätze ist jetzt 6");
        await Expect(page.GetByTestId("offer-places")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("offer-free")).ToHaveTextAsync("4");

        // A colleague changes the places meanwhile: the form sent with the ETag it read is refused (412), not overwriting it.
        var colleague = await app.Service.ClientFor("coordinator", null, "h.brandt");
        await Send(colleague, $"/api/offers/{offerId}/places", new { places = 7 });
        await page.GetByLabel("Plätze insgesamt").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plätze speichern" }).ClickAsync();
        await Expect(page.Locator("#places-errors")).ToContainTextAsync("Jemand anderes hat den Datensatz gerade geändert");
        await Expect(page.GetByTestId("offer-places")).ToHaveTextAsync("7");

        await Settled();
        await page.GotoAsync("/app/offers");
        await page.GetByLabel("Kommune").SelectOptionAsync(Glandorf);
        await page.GetByLabel("Träger").SelectOptionAsync("nonprofit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.Locator($"a[href='/app/offers/{offerId}']") });
        await Expect(row).ToContainTextAsync(title);
        await Expect(row).ToContainTextAsync("Heimatverein Glandorf e. V.");
        await Expect(row).ToContainTextAsync("gemeinnütziger Träger");
        await Expect(row.Locator("td.num").First).ToHaveTextAsync("7");
        await Expect(page.Locator("caption")).ToContainTextAsync("in Glandorf");
        await StaffAppFixture.Check(page, "55-angebote-glandorf");

        // Withdrawing while two still work there: refused, said in German at the action (focused), the reason kept.
        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByLabel("Grund").FillAsync("Der Verein kann die Anleitung nicht mehr stellen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot zurückziehen" }).ClickAsync();
        await Expect(page.Locator("#withdraw-errors")).ToContainTextAsync("noch laufende Arbeitsgelegenheiten");
        await Expect(page.Locator("#withdraw-errors")).ToBeInViewportAsync();
        await Expect(page.GetByLabel("Plätze insgesamt")).ToHaveValueAsync("7");
        await Expect(page.GetByLabel("Grund")).ToHaveValueAsync("Der Verein kann die Anleitung nicht mehr stellen.");
        await StaffAppFixture.Check(page, "56-angebot-zurueckziehen-abgelehnt");

        foreach (var placement in placements)
            await Send(caseworker, $"/api/placements/{placement}/end", new { date = D(today), reason = "offer-ended" });

        await page.GotoAsync($"/app/offers/{offerId}");
        await Expect(page.GetByTestId("offer-occupied")).ToHaveTextAsync("0");
        await page.GetByLabel("Grund").FillAsync("Der Verein kann die Anleitung nicht mehr stellen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot zurückziehen" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("zurückgezogen");
        await Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("zurückgezogen");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Angebot zurückziehen" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "57-angebot-zurueckgezogen");

        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var offer = await Get(coordinator, $"/api/offers/{offerId}");
        offer["status"]!.GetValue<string>().Should().Be("withdrawn");
        offer["places"]!.GetValue<int>().Should().Be(7);
        offer["providerType"]!.GetValue<string>().Should().Be("nonprofit");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_caseworker_registers_an_offer_for_her_own_municipality_only()
    {
        const string title = "Tafel Glandorf – Ausgabestelle Thieplatz";
        var page = await app.SignIn("caseworker", "Jana Feldkamp", "j.feldkamp", Glandorf);
        await page.GotoAsync("/app/offers");
        await Expect(page.Locator("caption")).ToContainTextAsync("in Glandorf");
        await page.GetByRole(AriaRole.Link, new() { Name = "Angebot erfassen" }).ClickAsync();
        await Expect(page.GetByLabel("Kommune")).ToHaveValueAsync("Glandorf");
        await Expect(page.GetByLabel("Kommune")).ToHaveAttributeAsync("readonly", "");
        await page.GetByLabel("Art des Trägers").SelectOptionAsync("municipality");
        await page.GetByLabel("Name des Trägers").FillAsync("Gemeinde Glandorf");
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Beschreibung der Tätigkeit").FillAsync("Lebensmittel sortieren und ausgeben");
        await page.GetByLabel("Plätze").FillAsync("3");
        await page.GetByLabel("Stunden pro Woche").FillAsync("8");
        await page.GetByLabel("Melden bei (Ort und Ansprechperson)").FillAsync("Gemeindehaus, Thieplatz 1");
        await page.GetByLabel("dient dem Gemeinwohl (zusätzlich, gemeinnützig)").CheckAsync();
        await StaffAppFixture.Check(page, "58-angebot-erfassen-sozialamt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angebot speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var offer = await Get(await app.Service.ClientFor("auditor", null, "rp-auditor"), $"/api/offers/{page.Url.Split('/').Last()}");
        offer["municipality"]!.GetValue<string>().Should().Be(Glandorf);
        offer["places"]!.GetValue<int>().Should().Be(3);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_quota_dashboard_shows_the_chart_and_tables_and_updates_itself_after_a_change()
    {
        var page = await app.SignIn("coordinator", "Clara Wagner", "c.wagner", null);
        await Settled();
        await page.GotoAsync("/app/quota");

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "Plätze angeboten und besetzt gegen das Ziel von 300 Plätzen, nach Art des Trägers" });
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart).ToHaveAccessibleDescriptionAsync(new Regex("Kommune: \\d+ Plätze angeboten, \\d+ besetzt, Ziel 150"));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Plätze nach Art des Trägers (Ziel insgesamt 300)" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Nach Kommune" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("quota-as-of")).ToHaveTextAsync(new Regex(@"^Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$"));
        await Expect(page.Locator("#quota-live[hx-get][hx-trigger^='every ']")).ToHaveCountAsync(1);

        var places = page.Locator("#quota-municipalities tr[data-municipality='glandorf'] td[data-col='places']");
        var offers = page.Locator("#quota-municipalities tr[data-municipality='glandorf'] td[data-col='offers']");
        var district = page.Locator("#quota-provider-types tr[data-provider-type='Landkreis'] td[data-col='places']");
        var before = int.Parse(await places.InnerTextAsync());
        var offersBefore = int.Parse(await offers.InnerTextAsync());
        var districtBefore = int.Parse(await district.InnerTextAsync());
        await StaffAppFixture.Check(page, "50-quote");

        // Another coordinator registers an offer meanwhile; the dashboard shows it after its next refresh.
        var colleague = await app.Service.ClientFor("coordinator", null, "h.brandt");
        await Offer(colleague, "glandorf", "Schulhof und Spielplatz Glandorf", 3, 12, app.Today.AddDays(-1), "district");
        await Settled();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt aktualisieren" }).ClickAsync();
        await Expect(places).ToHaveTextAsync((before + 3).ToString());
        await Expect(offers).ToHaveTextAsync((offersBefore + 1).ToString());
        await Expect(district).ToHaveTextAsync((districtBefore + 3).ToString());
        await Expect(page.Locator("#quota-live[hx-trigger^='every ']")).ToHaveCountAsync(1);

        // The self-refreshing region's own request, triggered without the button.
        await Offer(colleague, "glandorf", "Ortsbücherei Glandorf", 2, 8, app.Today.AddDays(-1), "district");
        await Settled();
        await page.EvaluateAsync("() => htmx.trigger('#quota-live', 'quota-refresh')");
        await Expect(places).ToHaveTextAsync((before + 5).ToString());
        await Expect(chart).ToBeVisibleAsync();

        // WCAG 2.2.2: paused, the region sends no request of its own; "Jetzt aktualisieren" still does.
        var numberRequests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("handler=Numbers")) numberRequests.Add(r.Url); };
        await page.GetByRole(AriaRole.Button, new() { Name = "Automatische Aktualisierung anhalten" }).ClickAsync();
        await Expect(page.Locator("#quota-refresh-hint")).ToHaveTextAsync(new Regex("^Automatische Aktualisierung angehalten"));
        await Offer(colleague, "glandorf", "Dorfgemeinschaftshaus Glandorf", 1, 6, app.Today.AddDays(-1), "district");
        await Settled();
        await page.EvaluateAsync("() => htmx.trigger('#quota-live', 'quota-refresh')");
        await Expect(places).ToHaveTextAsync((before + 5).ToString());
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Jetzt aktualisieren" }).ClickAsync(), r => r.Url.Contains("handler=Numbers"));
        await Expect(places).ToHaveTextAsync((before + 6).ToString());
        numberRequests.Should().HaveCount(1, "the paused region's own refresh was not sent, the button's was");
        await page.GetByRole(AriaRole.Button, new() { Name = "Automatische Aktualisierung fortsetzen" }).ClickAsync();
        await Expect(page.Locator("#quota-refresh-hint")).ToHaveTextAsync(new Regex("^Die Zahlen aktualisieren sich alle \\d+ Sekunden"));
        await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync("() => htmx.trigger('#quota-live', 'quota-refresh')"),
            r => r.Url.Contains("handler=Numbers"));
        numberRequests.Should().HaveCount(2, "running again, the region refreshes itself");
        await StaffAppFixture.Check(page);
        await StaffAppFixture.End(page);
    }
}
