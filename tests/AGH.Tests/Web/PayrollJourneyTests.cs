using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>Payroll (Kreiskasse): payout runs prepared by one clerk and released by another; auditors read them.</summary>
[Collection(StaffAppCollection.Name)]
public sealed class PayrollJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private DateOnly FirstOfMonth(int monthsBack) => new DateOnly(app.Today.Year, app.Today.Month, 1).AddMonths(-monthsBack);

    private static string Month(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>A person of Glandorf who started work in <paramref name="first"/>'s month and logged hours there (the caseworker's part).</summary>
    /// <remarks>The name is realistic for the screenshots; the file reference (and the person's id) keep each run apart.</remarks>
    private async Task<(Guid Person, string FamilyName, string FileReference)> Worked(DateOnly first, int minutes)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "cw-glandorf-pay");
        const string family = "Rahimi";
        var fileReference = "AZ-GL-" + Guid.NewGuid().ToString("N")[..12];
        var offer = await Offer(coordinator, Glandorf, "Bauhof Glandorf – Grünpflege", 2, 15, app.Today.AddYears(-1));
        var person = await Person(caseworker, Glandorf, family, app.Today, fileReference);
        var placement = await Placement(caseworker, person, offer, first.AddDays(-7), first, 15);
        await Send(caseworker, $"/api/placements/{placement}/hours", new { date = D(first.AddDays(2)), minutes });
        return (person, family, fileReference);
    }

    /// <summary>The development sign-in, returning to <paramref name="url"/> (the auditor's start page belongs to another part of the app).</summary>
    private async Task<IPage> SignInTo(string url, string role, string name, string userId)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        StaffAppFixture.WatchPolicy(page);
        await page.GotoAsync(url);
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync(role);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Kennung").FillAsync(userId);
        await page.GetByLabel("Kommune").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }

    [Fact]
    public async Task A_payroll_clerk_prepares_the_previous_month_cannot_release_it_herself_and_a_second_clerk_releases_it_and_downloads_the_csv()
    {
        var previous = FirstOfMonth(1);
        var month = Month(previous);
        var (person, family, fileReference) = await Worked(previous, 150);

        var meyer = await app.SignIn("payroll", "Petra Meyer", "p.meyer", null);
        await meyer.GotoAsync("/app/payout-runs");
        await Expect(meyer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Auszahlungsläufe");
        await StaffAppFixture.Check(meyer, "60-auszahlungslaeufe");

        // The running month has not ended: the API refuses, said in German at the field, the month kept.
        await meyer.GetByLabel("Monat des Laufs").FillAsync(Month(FirstOfMonth(0)));
        await meyer.GetByRole(AriaRole.Button, new() { Name = "Lauf vorbereiten" }).ClickAsync();
        await Expect(meyer.Locator("[data-valmsg-for='Prepare.Month']")).ToContainTextAsync("erst nach Ende des Monats");
        await Expect(meyer.GetByLabel("Monat des Laufs")).ToHaveValueAsync(Month(FirstOfMonth(0)));
        await StaffAppFixture.Check(meyer, "63-lauf-monat-nicht-beendet");

        await meyer.GetByLabel("Monat des Laufs").FillAsync(month);
        await meyer.GetByRole(AriaRole.Button, new() { Name = "Lauf vorbereiten" }).ClickAsync();
        await Expect(meyer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Auszahlungslauf");
        await Expect(meyer.GetByTestId("run-status")).ToHaveTextAsync("vorbereitet");
        await Expect(meyer.GetByTestId("run-prepared-by")).ToHaveTextAsync("Petra Meyer");
        var runId = Guid.Parse(meyer.Url.Split('/').Last());

        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var run = await Get(auditor, $"/api/payout-runs/{runId}");
        run["status"]!.GetValue<string>().Should().Be("prepared");
        run["month"]!.GetValue<string>().Should().Be(month);
        var mine = run["lines"]!.AsArray().Single(l => l!["personId"]!.GetValue<string>() == person.ToString())!;
        mine["minutes"]!.GetValue<int>().Should().Be(150);

        // The line names the person and the cash office's file reference, never a GUID; 2:30 hours at the API's rate and amount.
        var line = meyer.Locator($"#run-lines tr[data-person='{person}']");
        await Expect(line).ToContainTextAsync($"{family}, Samir");
        await Expect(line).ToContainTextAsync(fileReference);
        await Expect(line).Not.ToContainTextAsync(person.ToString());
        await Expect(line).ToContainTextAsync("2:30 Std.");
        await Expect(line).ToContainTextAsync(Euro(mine["rateCents"]!.GetValue<int>()));
        await Expect(line).ToContainTextAsync(Euro(mine["amountCents"]!.GetValue<long>()));
        await Expect(line).ToContainTextAsync("Monat");
        await Expect(meyer.GetByTestId("run-total")).ToHaveTextAsync(Euro(run["totalCents"]!.GetValue<long>()));

        var release = meyer.GetByRole(AriaRole.Button, new() { Name = "Freigeben" });
        await Expect(release).ToBeDisabledAsync();
        await Expect(release).ToHaveAccessibleDescriptionAsync(new Regex("Sie haben diesen Lauf vorbereitet.*Vier-Augen-Prinzip"));
        await Expect(meyer.GetByText("Die Freigabe muss eine andere Person erteilen")).ToBeVisibleAsync();
        var review = meyer.GetByRole(AriaRole.Button, new() { Name = "Prüfen" });
        await Expect(review).ToBeDisabledAsync();
        await Expect(review).ToHaveAccessibleDescriptionAsync(new Regex("Prüfen muss ihn eine andere Person"));
        await StaffAppFixture.Check(meyer, "61-lauf");

        // The second clerk finds the month's run and releases it.
        var schmidt = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await schmidt.GotoAsync("/app/payout-runs");
        await schmidt.GetByLabel("Läufe des Monats").FillAsync(month);
        await schmidt.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(schmidt.Locator($"tr[data-run='{runId}']")).ToContainTextAsync("vorbereitet");
        await schmidt.Locator($"tr[data-run='{runId}'] a").ClickAsync();
        var releaseBySchmidt = schmidt.GetByRole(AriaRole.Button, new() { Name = "Freigeben" });
        await Expect(releaseBySchmidt).ToBeEnabledAsync();
        // With the keyboard alone.
        await releaseBySchmidt.FocusAsync();
        await schmidt.Keyboard.PressAsync("Enter");
        // Issue 20: the release is checked on a summary first, then made binding.
        await Expect(schmidt.GetByTestId("confirm-summary")).ToContainTextAsync(Euro(run["totalCents"]!.GetValue<long>()));
        await schmidt.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich freigeben" }).ClickAsync();
        await Expect(schmidt.Locator(".flash")).ToContainTextAsync("freigegeben");
        await Expect(schmidt.GetByTestId("run-status")).ToHaveTextAsync("freigegeben");
        await Expect(schmidt.GetByRole(AriaRole.Button, new() { Name = "Freigeben" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(schmidt, "62-lauf-freigabe");

        var released = await Get(auditor, $"/api/payout-runs/{runId}");
        released["status"]!.GetValue<string>().Should().Be("released");
        released["releasedBy"]!.GetValue<string>().Should().Be("k.schmidt");
        released["preparedBy"]!.GetValue<string>().Should().Be("p.meyer");

        var download = await schmidt.RunAndWaitForDownloadAsync(() =>
            schmidt.GetByRole(AriaRole.Link, new() { Name = "CSV für die Kreiskasse herunterladen" }).ClickAsync());
        download.SuggestedFilename.Should().Be($"auszahlung-{month}.csv");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "the cash office's CSV is UTF-8 with BOM, passed through unchanged");
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        csv.Should().StartWith("fileReference;familyName;givenName;month;minutes;amountCents;amountEuro");
        csv.Should().Contain($"\n{fileReference};{family};Samir;{month};150;", "the person's line, found by the file reference");

        // The export is recorded (contract v3b); a further copy is only made once confirmed, as a duplicate.
        await schmidt.ReloadAsync();
        await Expect(schmidt.Locator("#run-exports tbody tr")).ToHaveCountAsync(1);
        await Expect(schmidt.Locator("#run-exports")).ToContainTextAsync("Klaus Schmidt");
        await Expect(schmidt.GetByRole(AriaRole.Link, new() { Name = "CSV für die Kreiskasse herunterladen" })).ToHaveCountAsync(0);
        await Expect(schmidt.Locator("#duplicate-question")).ToContainTextAsync("Duplikat erzeugen?");
        var duplicate = await schmidt.RunAndWaitForDownloadAsync(() =>
            schmidt.GetByRole(AriaRole.Link, new() { Name = "Duplikat erzeugen" }).ClickAsync());
        duplicate.SuggestedFilename.Should().Be($"auszahlung-{month}-DUPLIKAT-2.csv");
        (await File.ReadAllBytesAsync((await duplicate.PathAsync())!)).Should().Equal(bytes, "a duplicate is the same file");
        var exports = (await Get(auditor, $"/api/payout-runs/{runId}"))["exports"]!.AsArray();
        exports.Select(x => x!["sequence"]!.GetValue<int>()).Should().Equal(1, 2);
        exports.Select(x => x!["exportedBy"]!.GetValue<string>()).Should().Equal("k.schmidt", "k.schmidt");

        await StaffAppFixture.End(meyer);
        await StaffAppFixture.End(schmidt);
    }

    [Fact]
    public async Task A_payroll_clerk_rejects_a_run_with_a_reason_and_an_auditor_reads_it_without_actions()
    {
        var first = FirstOfMonth(2);
        var month = Month(first);
        var (person, family, _) = await Worked(first, 60);

        var schmidt = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await schmidt.GotoAsync("/app/payout-runs");
        await schmidt.GetByLabel("Monat des Laufs").FillAsync(month);
        await schmidt.GetByRole(AriaRole.Button, new() { Name = "Lauf vorbereiten" }).ClickAsync();
        await Expect(schmidt.GetByTestId("run-status")).ToHaveTextAsync("vorbereitet");
        var runId = Guid.Parse(schmidt.Url.Split('/').Last());

        // Without a reason the API refuses: said in German at the field.
        await schmidt.GetByRole(AriaRole.Button, new() { Name = "Zurückweisen" }).ClickAsync();
        await Expect(schmidt.Locator("[data-valmsg-for='Reject.Reason']")).ToContainTextAsync("Angabe fehlt");
        await schmidt.GetByLabel("Grund der Zurückweisung").FillAsync("Stundenzettel des Bauhofs fehlen");
        await schmidt.GetByRole(AriaRole.Button, new() { Name = "Zurückweisen" }).ClickAsync();
        await Expect(schmidt.Locator(".flash")).ToContainTextAsync("zurückgewiesen");
        await Expect(schmidt.GetByTestId("run-status")).ToHaveTextAsync("zurückgewiesen");
        await Expect(schmidt.GetByText("Stundenzettel des Bauhofs fehlen")).ToBeVisibleAsync();
        await StaffAppFixture.Check(schmidt, "64-lauf-zurueckgewiesen");

        var auditorApi = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var run = await Get(auditorApi, $"/api/payout-runs/{runId}");
        run["status"]!.GetValue<string>().Should().Be("rejected");
        run["rejectedBy"]!.GetValue<string>().Should().Be("k.schmidt");

        // The Rechnungsprüfung reads the run, with the names it may see, and can change nothing.
        var auditor = await SignInTo($"/app/payout-runs?month={month}", "auditor", "Regine Pohl", "r.pohl");
        await auditor.Locator($"tr[data-run='{runId}'] a").ClickAsync();
        await Expect(auditor.GetByTestId("run-status")).ToHaveTextAsync("zurückgewiesen");
        await Expect(auditor.Locator($"#run-lines tr[data-person='{person}']")).ToContainTextAsync($"{family}, Samir");
        foreach (var action in new[] { "Prüfen", "Freigeben", "Zurückweisen" })
            await Expect(auditor.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        await Expect(auditor.GetByRole(AriaRole.Button, new() { Name = "Lauf vorbereiten" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(auditor, "65-lauf-pruefung");

        await StaffAppFixture.End(schmidt);
        await StaffAppFixture.End(auditor);
    }
}
