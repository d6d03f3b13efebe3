using System.Globalization;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// One vocabulary (issue 20, point 10): "1 Lauf", not "1 Läufe"; "November 2026", not "2026-11"; and a value the
/// binder cannot read answered in German at the field, never "The value … is not valid for From."
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class VocabularyJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "glandorf";

    private static readonly string[] MonthNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    [Fact]
    public async Task The_run_list_says_1_Lauf_and_names_the_month_in_German()
    {
        // A month no other journey prepares, so its filtered list holds exactly this run.
        var first = new DateOnly(app.Today.Year, app.Today.Month, 1).AddMonths(-5);
        var iso = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var german = $"{MonthNames[first.Month - 1]} {first.Year}";
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "cw-glandorf-vocab");
        var offer = await Offer(coordinator, Municipality, "Bauhof Glandorf – Grünpflege", 2, 15, app.Today.AddYears(-1));
        var person = await Person(caseworker, Municipality, "Haddad", app.Today, "AZ-GL-" + Guid.NewGuid().ToString("N")[..12]);
        var placement = await Placement(caseworker, person, offer, first.AddDays(-7), first, 15);
        await Send(caseworker, $"/api/placements/{placement}/hours", new { date = D(first.AddDays(2)), minutes = 120 });
        var payroll = await app.Service.ClientFor("payroll", null, "k.schmidt-vocab");
        await Send(payroll, "/api/payout-runs", new { month = iso });

        var page = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt-vocab", null);
        await page.GotoAsync($"/app/payout-runs?month={iso}");
        var caption = page.Locator("table caption").First;
        await Assertions.Expect(caption).ToContainTextAsync($"1 Lauf für {german}");
        (await caption.InnerTextAsync()).Should().NotContain("Läufe");
        var table = page.GetByRole(AriaRole.Table).First;
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = german })).ToBeVisibleAsync();
        (await table.InnerTextAsync()).Should().NotContain(iso, "a month is shown as its name and year");

        await table.GetByRole(AriaRole.Link, new() { Name = german }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Auszahlungslauf {german}");
        await Assertions.Expect(page.Locator("#run-lines caption, table caption").First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"^(1 Zeile|\d+ Zeilen) "));
        await StaffAppFixture.Check(page, "160-lauf-monat-deutsch");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_date_the_binder_cannot_read_is_refused_in_German_at_the_field()
    {
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "cw-glandorf-vocab");
        var person = await Person(caseworker, Municipality, "Nouri", app.Today, "AZ-GL-" + Guid.NewGuid().ToString("N")[..12]);

        var page = await app.SignIn("caseworker", "Clara Brandt", "cw-glandorf-vocab", Municipality);
        await page.GotoAsync($"/app/persons/{person}/exemptions/new");
        await page.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Krankheit (Arbeitsunfähigkeit)" });
        // A six-digit year is a valid value of a date field in Chromium (up to 275760): the slip of the bug report.
        var from = page.GetByLabel("Von", new() { Exact = true });
        await from.EvaluateAsync("e => e.value = '122026-12-02'");
        await Assertions.Expect(from).ToHaveValueAsync("122026-12-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Befreiung erfassen" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.From']")).ToHaveTextAsync("Von: „122026-12-02“ ist keine gültige Angabe.");
        var body = await page.Locator("body").InnerTextAsync();
        body.Should().NotContain("is not valid").And.NotContain("The value").And.NotContain("From");
        await StaffAppFixture.Check(page, "161-datum-ungueltig-deutsch");
        await StaffAppFixture.End(page);
    }
}
