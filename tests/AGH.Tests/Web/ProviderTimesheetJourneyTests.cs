using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3c in the staff app: a provider on a tablet enters a month's hours, sees the schedule and the daily cap, confirms an
/// ended month (the running one is refused in plain German), downloads the Arbeitsnachweis and reports an absence and an accident.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class ProviderTimesheetJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static readonly string[] MonthNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    private static string German(DateOnly month) => $"{MonthNames[month.Month - 1]} {month.Year}";

    private static string Code(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) =>
        $"{CultureInfo.GetCultureInfo("de-DE").DateTimeFormat.GetDayName(d.DayOfWeek)}, {d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    private static ILocator Cell(IPage page, Guid placement, DateOnly d) =>
        page.Locator($"[data-testid='timesheet-row'][data-placement='{placement}'] td[data-day='{D(d)}']");

    [Fact]
    public async Task A_provider_enters_hours_confirms_an_ended_month_and_reports_an_absence_and_an_accident()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var tafel = $"tafel-{tag}";
        var today = app.Today;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, $"Tafel Glandorf – Lager {tag}", 3, 15, today.AddYears(-1), "nonprofit");
        await Send(coordinator, $"/api/offers/{offer}/provider", new { providerId = tafel });
        var person = await Person(caseworker, Glandorf, $"Karimi{tag}", today);
        var name = $"Karimi{tag}, Samir";
        var placement = Id(await Send(caseworker, "/api/placements", new
        {
            personId = person,
            offerId = offer,
            noticeServedOn = D(lastMonth.AddDays(-7)),
            startsOn = D(lastMonth),
            hoursPerWeek = 12,
            schedule = new[]
            {
                new { weekday = "tuesday", from = "09:00", to = "13:00" },
                new { weekday = "thursday", from = "09:00", to = "13:00" },
                new { weekday = "friday", from = "09:00", to = "13:00" },
            },
            until = D(today.AddMonths(3)),
        }));

        var page = await SignInAsProvider(tafel);
        await page.GetByTestId("timesheet-link").ClickAsync();
        await page.WaitForURLAsync($"**/app/provider/offers/{offer}/timesheets/{Code(thisMonth)}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Stunden im {German(thisMonth)}");
        await Expect(page.GetByText("Höchstens 8 Stunden am Tag je Person")).ToBeVisibleAsync();

        // The ended month: the schedule is shown in the row and on its weekdays, days before the start are outside.
        await page.GetByTestId("previous-month").ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(lastMonth)}");
        var row = page.GetByTestId("timesheet-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("th")).ToContainTextAsync(name);
        await Expect(row.Locator("th")).ToContainTextAsync("Dienstag 09:00–13:00, Donnerstag 09:00–13:00, Freitag 09:00–13:00");
        var tuesday = Enumerable.Range(0, 7).Select(lastMonth.AddDays).First(d => d.DayOfWeek == DayOfWeek.Tuesday);
        await Expect(Cell(page, placement, tuesday)).ToContainTextAsync("Plan 4");
        await Expect(page.GetByTestId("confirmation-state")).ToHaveTextAsync("Noch nicht bestätigt.");

        // Two entries: one saved, one over the daily cap refused at its cell, what was typed kept.
        var tenth = lastMonth.AddDays(9);
        var twentieth = lastMonth.AddDays(19);
        await page.GetByLabel($"Stunden {name} am {Day(tenth)}").FillAsync("2,5");
        await page.GetByLabel($"Stunden {name} am {Day(twentieth)}").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stunden speichern" }).ClickAsync();
        await Expect(page.GetByTestId("refused-summary")).ToContainTextAsync($"{name}, {Day(twentieth)}: Mehr als 8 Stunden an einem Tag sind nicht erlaubt");
        // Issue 20: part saved, part refused is a warning naming both, not the green success box.
        await Expect(page.GetByTestId("partial-save")).ToHaveTextAsync("Nur teilweise gespeichert: 1 Eintrag gespeichert, 1 Eintrag nicht – die Gründe stehen unten bei den markierten Feldern.");
        await Expect(page.Locator(".flash")).ToHaveCountAsync(0);
        await Expect(Cell(page, placement, tenth)).ToContainTextAsync("2,5");
        var refused = page.GetByLabel($"Stunden {name} am {Day(twentieth)}");
        await Expect(refused).ToHaveValueAsync("9");
        await Expect(refused).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Cell(page, placement, twentieth)).ToContainTextAsync("Mehr als 8 Stunden");
        await StaffAppFixture.Check(page, "97-traeger-stunden-monat");

        // Confirming the ended month asks once more, then shows who confirmed it; no cell takes input any more.
        await page.GetByRole(AriaRole.Button, new() { Name = "Monat bestätigen" }).ClickAsync();
        await Expect(page.GetByText($"Stimmen alle Stunden im {German(lastMonth)}?")).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "98-traeger-monat-bestaetigen");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ja, {German(lastMonth)} bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{German(lastMonth)} ist bestätigt." })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("confirmation-state")).ToContainTextAsync($"Bestätigt von Maria Böhm am {today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}");
        // Contract v3d: the name from the token, never the login id.
        await Expect(page.GetByTestId("confirmation-state")).Not.ToContainTextAsync("m.boehm");
        await Expect(page.Locator("input.cell-input")).ToHaveCountAsync(0);
        await Expect(Cell(page, placement, tenth)).ToContainTextAsync("2,5");
        await StaffAppFixture.Check(page, "99-traeger-monat-bestaetigt");
        var sheet = await Get(caseworker, $"/api/offers/{offer}/timesheets/{Code(lastMonth)}");
        sheet["confirmed"]!["by"]!.GetValue<string>().Should().Be("m.boehm");
        sheet["confirmed"]!["byName"]!.GetValue<string>().Should().Be("Maria Böhm");
        sheet["placements"]!.AsArray().Single()!["days"]!.AsArray().Select(d => (d!["date"]!.GetValue<string>(), d["minutes"]!.GetValue<int>()))
            .Should().Equal((D(tenth), 150));

        // Confirmed meanwhile by a colleague (another tab): the second confirmation is refused in plain German and shows who confirmed.
        var before = lastMonth.AddMonths(-1);
        await page.GetByTestId("previous-month").ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(before)}");
        await Expect(page.GetByText("In diesem Monat war hier niemand im Einsatz.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Monat bestätigen" }).ClickAsync();
        var colleague = await app.Service.ClientFor("provider", null, "j.weber", provider: tafel, name: "Jana Weber");
        await Send(colleague, $"/api/offers/{offer}/timesheets/{Code(before)}/confirmation", new { });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ja, {German(before)} bestätigen" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-error")).ToHaveTextAsync("Dieser Monat ist schon bestätigt. Änderungen trägt jetzt nur noch das Sozialamt ein.");
        await Expect(page.GetByTestId("confirmation-state")).ToContainTextAsync("Bestätigt von Jana Weber am");
        await Expect(page.GetByTestId("confirmation-state")).Not.ToContainTextAsync("j.weber");
        await page.GetByTestId("next-month").ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(lastMonth)}");

        // The Arbeitsnachweis of the month, passed through from the API.
        var pdf = await page.APIRequest.GetAsync(await page.GetByTestId("pdf-link").GetAttributeAsync("href") ?? "");
        pdf.Status.Should().Be(200);
        pdf.Headers["content-type"].Should().Be("application/pdf");
        pdf.Headers["content-disposition"].Should().Contain($"Arbeitsnachweis-{Code(lastMonth)}.pdf");
        (await pdf.BodyAsync()).Take(4).Should().Equal("%PDF"u8.ToArray());

        // The running month: hours entered today show in the grid; confirming it is refused in plain German.
        await page.GetByTestId("next-month").ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(thisMonth)}");
        await page.GetByLabel($"Stunden {name} am {Day(today)}").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stunden speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert: 1 Eintrag." })).ToBeVisibleAsync();
        await Expect(Cell(page, placement, today).Locator(".logged")).ToHaveTextAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Monat bestätigen" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-error"))
            .ToHaveTextAsync($"{German(thisMonth)} ist noch nicht zu Ende. Sie können den Monat ab dem {thisMonth.AddMonths(1).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} bestätigen.");
        await Expect(page.GetByTestId("confirmation-state")).ToHaveTextAsync("Noch nicht bestätigt.");
        (await Get(caseworker, $"/api/offers/{offer}/timesheets/{Code(thisMonth)}"))["confirmed"].Should().BeNull();

        // An absence, from the person's row: no kind is preselected; without one the form says so and keeps the day.
        var absentOn = lastMonth.AddDays(2);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Abwesenheit melden\\W+{Regex.Escape(name)}$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Abwesenheit melden: Samir Karimi{tag}");
        foreach (var kind in new[] { "ausdrücklich verweigert", "nicht erschienen", "abgebrochen", "krank gemeldet" })
            await Expect(page.GetByLabel(kind, new() { Exact = true })).Not.ToBeCheckedAsync();
        await page.GetByLabel("An welchem Tag?").FillAsync(D(absentOn));
        await page.GetByLabel("Bemerkung (freiwillig)").FillAsync("Hat nicht angerufen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abwesenheit melden" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Kind']")).ToHaveTextAsync("Bitte auswählen, was passiert ist.");
        await Expect(page.GetByLabel("An welchem Tag?")).ToHaveValueAsync(D(absentOn));
        await Expect(page.GetByLabel("Bemerkung (freiwillig)")).ToHaveValueAsync("Hat nicht angerufen.");
        await StaffAppFixture.Check(page, "107-traeger-abwesenheit-fehler");
        await page.GetByLabel("nicht erschienen", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Abwesenheit melden" }).ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(thisMonth)}");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ist beim Sozialamt eingegangen" }))
            .ToContainTextAsync($"{absentOn.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} (nicht erschienen)");
        var reports = (await Get(caseworker, "/api/absence-reports?status=open&pageSize=500")).AsArray()
            .Where(r => r!["placementId"]!.GetValue<string>() == placement.ToString()).ToList();
        reports.Should().ContainSingle();
        reports[0]!["kind"]!.GetValue<string>().Should().Be("no-show");
        reports[0]!["date"]!.GetValue<string>().Should().Be(D(absentOn));
        reports[0]!["note"]!.GetValue<string>().Should().Be("Hat nicht angerufen.");

        // An accident: a wrong number of days is refused at its field, the description kept; then the duty to report is named.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Unfall melden\\W+{Regex.Escape(name)}$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Unfall melden: Samir Karimi{tag}");
        await Expect(page.GetByLabel("Tag des Unfalls")).ToHaveValueAsync(D(today));
        await page.GetByLabel("Was ist passiert?").FillAsync("Beim Tragen einer Kiste auf der Treppe umgeknickt.");
        await page.GetByLabel("Tage arbeitsunfähig (freiwillig)").FillAsync("drei");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unfall melden" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.IncapacityDays']")).ToContainTextAsync("Bitte eine Zahl von 0 bis 3650 angeben");
        await Expect(page.GetByLabel("Was ist passiert?")).ToHaveValueAsync("Beim Tragen einer Kiste auf der Treppe umgeknickt.");
        await page.GetByLabel("Tage arbeitsunfähig (freiwillig)").FillAsync("5");
        await StaffAppFixture.Check(page, "108-traeger-unfall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unfall melden" }).ClickAsync();
        await page.WaitForURLAsync($"**/timesheets/{Code(thisMonth)}");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ist gespeichert" }))
            .ToContainTextAsync($"bis zum {today.AddDays(3).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)} Ihrer Unfallversicherung an");
        var accidents = (await Get(caseworker, "/api/accidents?status=open&pageSize=500")).AsArray()
            .Where(a => a!["placementId"]!.GetValue<string>() == placement.ToString()).ToList();
        accidents.Should().ContainSingle();
        accidents[0]!["on"]!.GetValue<string>().Should().Be(D(today));
        accidents[0]!["reportDueOn"]!.GetValue<string>().Should().Be(D(today.AddDays(3)));
        await StaffAppFixture.End(page);
    }

    /// <summary>A tablet (1024×768), signed in as the provider's volunteer.</summary>
    private async Task<IPage> SignInAsProvider(string provider)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1024, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            AcceptDownloads = true,
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
        await page.GetByLabel("Organisation des Trägers").FillAsync(provider);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/app/provider");
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Träger");
        return page;
    }
}
