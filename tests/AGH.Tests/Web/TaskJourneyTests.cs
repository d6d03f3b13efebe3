using System.Globalization;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20 in the staff app: "Meine Aufgaben" is where caseworkers, officials and payroll start; open work is grouped by kind with
/// German plurals and due dates, each task one click from its form; the person page names the person's tasks; the person list
/// filters by status or open tasks and sorts by file reference.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class TaskJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "bohmte";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private DateOnly Today => app.Today;

    private DateOnly LastMonday => Weeks.LastMonday(Today);

    private static string Code(DateOnly monday) => Weeks.Code(monday);

    private static string Long(DateOnly d) => $"{d.Day}. {CultureInfo.GetCultureInfo("de-DE").DateTimeFormat.GetMonthName(d.Month)} {d.Year}";

    [Fact]
    public async Task A_caseworker_starts_at_her_tasks_opens_each_in_one_click_sees_them_on_the_person_and_filters_the_person_list()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "l.koch");
        var offer = await Offer(coordinator, Municipality, "Friedhofspflege Bohmte", 5, 20, Today.AddYears(-1));
        async Task<(Guid Person, Guid Placement)> Placed(string given, string family, string reference, DateOnly? until)
        {
            var person = Id(await Send(caseworker, "/api/persons", new
            {
                municipality = Municipality, givenName = given, familyName = family, dateOfBirth = D(Today.AddYears(-30)),
                entitledSince = D(Today.AddYears(-2)), confirmedNotDuplicate = true, fileReference = reference,
            }));
            var placement = Id(await Send(caseworker, "/api/placements", new
            {
                personId = person, offerId = offer, noticeServedOn = D(LastMonday.AddDays(-21)), startsOn = D(LastMonday.AddDays(-14)),
                hoursPerWeek = 10, until = until is { } u ? D(u) : null,
            }));
            return (person, placement);
        }
        // Haddad refused last Tuesday (to assess); Nowak ends in three days and, like Okafor, has no hours last week.
        var haddad = await Placed("Yara", "Haddad", $"AZ-BOH-{tag}-3", null);
        var nowak = await Placed("Jan", "Nowak", $"AZ-BOH-{tag}-1", Today.AddDays(3));
        var okafor = await Placed("Ada", "Okafor", $"AZ-BOH-{tag}-2", null);
        var refusal = Guid.Parse((await Send(caseworker, $"/api/placements/{haddad.Placement}/refusals",
            new { date = D(LastMonday.AddDays(1)), kind = "explicit", statedReason = "Keine Lust" }))["refusalId"]!.GetValue<string>());
        var loose = Id(await Send(caseworker, "/api/persons", new
        {
            municipality = Municipality, givenName = "Lea", familyName = "Abel", dateOfBirth = D(Today.AddYears(-40)),
            entitledSince = D(Today.AddYears(-2)), confirmedNotDuplicate = true, fileReference = $"AZ-BOH-{tag}-0",
        }));

        // Signed in, the caseworker lands on her tasks, the first item of the navigation.
        var page = await app.SignIn("caseworker", "Lena Koch", "l.koch", Municipality);
        await page.WaitForURLAsync("**/app/tasks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meine Aufgaben");
        var first = page.Locator("nav.main-nav li").First.Locator("a");
        await Expect(first).ToHaveTextAsync("Meine Aufgaben");
        await Expect(first).ToHaveAttributeAsync("aria-current", "page");

        ILocator Group(string kind) => page.Locator($"[data-testid='task-group'][data-kind='{kind}']");
        ILocator Task(string hrefPart) => page.Locator($"[data-testid='task']:has(a[href*='{hrefPart}'])");
        await Expect(Group("refusal-to-assess").Locator("h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ Weigerung(en)? zu bewerten$"));
        await Expect(Task($"/refusals/{refusal}")).ToContainTextAsync("Haddad");
        await Expect(Task($"/refusals/{refusal}")).ToContainTextAsync($"seit {Long(LastMonday.AddDays(1))}");
        await Expect(Group("placement-ending").Locator("h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(1 Arbeitsgelegenheit endet bald|\d+ Arbeitsgelegenheiten enden bald)$"));
        await Expect(Task($"/placements/{nowak.Placement}").Filter(new() { HasText = "fällig" }).GetByTestId("task-due")).ToHaveTextAsync($"fällig am {Long(Today.AddDays(3))}");
        await Expect(Group("hours-missing").Locator("h2")).ToContainTextAsync("Arbeitsgelegenheiten ohne Stunden der Vorwoche");
        var weekUrl = $"/app/offers/{offer}/weeks/{Code(LastMonday)}";
        await Expect(Group("hours-missing").Locator($"a[href='{weekUrl}']")).ToHaveCountAsync(2);
        await Expect(Group("hours-missing").Locator($"a[href*='{haddad.Placement}']")).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "123-meine-aufgaben");

        // One click to the form: the week grid of last week, then the refusal's assessment.
        await Group("hours-missing").Locator($"a[href='{weekUrl}']").First.ClickAsync();
        await page.WaitForURLAsync($"**{weekUrl}");
        await Expect(page.GetByTestId("week-row")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Link, new() { Name = "Meine Aufgaben" }).ClickAsync();
        await Task($"/refusals/{refusal}").Locator("a").ClickAsync();
        await page.WaitForURLAsync($"**/app/placements/{haddad.Placement}/refusals/{refusal}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Weigerung vom");

        // The person page names her open task with its link.
        await page.GotoAsync($"/app/persons/{haddad.Person}");
        var banner = page.GetByTestId("person-tasks");
        await Expect(banner.Locator("h2")).ToHaveTextAsync("1 offene Aufgabe");
        await Expect(banner.Locator($"a[href='/app/placements/{haddad.Placement}/refusals/{refusal}']")).ToContainTextAsync("Weigerung bewerten");
        await StaffAppFixture.Check(page, "124-person-aufgaben");
        await page.GotoAsync($"/app/persons/{loose}");
        await Expect(page.GetByTestId("person-tasks")).ToHaveCountAsync(0);

        // The person list: only those with open tasks, by file reference.
        await page.GetByRole(AriaRole.Link, new() { Name = "Personen", Exact = true }).ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "mit offenen Aufgaben" });
        await page.GetByLabel("Sortieren nach").SelectOptionAsync(new SelectOptionValue { Label = "Aktenzeichen" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.WaitForURLAsync("**/app/persons?status=tasks&sort=file-reference");
        var mine = page.GetByTestId("person-row").Filter(new() { HasText = $"AZ-BOH-{tag}-" });
        await Expect(mine).ToHaveCountAsync(3);
        await Expect(mine.Nth(0)).ToContainTextAsync("Nowak, Jan");
        await Expect(mine.Nth(1)).ToContainTextAsync("Okafor, Ada");
        await Expect(mine.Nth(2)).ToContainTextAsync("Haddad, Yara");
        await Expect(page.GetByTestId("person-count")).ToContainTextAsync("mit offenen Aufgaben");
        await StaffAppFixture.Check(page, "125-personen-filter");
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "in Arbeitsgelegenheit" });
        await page.GetByLabel("Sortieren nach").SelectOptionAsync(new SelectOptionValue { Label = "Name" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await page.WaitForURLAsync("**/app/persons?status=placed&sort=name");
        mine = page.GetByTestId("person-row").Filter(new() { HasText = $"AZ-BOH-{tag}-" });
        await Expect(mine).ToHaveCountAsync(3);
        await Expect(mine.Nth(0)).ToContainTextAsync("Haddad, Yara");
        await StaffAppFixture.End(page);

        // Officials and payroll start at their tasks too.
        foreach (var (role, name, id, municipality) in new[] { ("official", "Petra Lange", "p.lange", Municipality), ("payroll", "Klaus Schmidt", "k.schmidt", (string?)null) })
        {
            var other = await app.SignIn(role, name, id, municipality);
            await other.WaitForURLAsync("**/app/tasks");
            await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meine Aufgaben");
            await Expect(other.Locator("nav.main-nav li").First.Locator("a")).ToHaveTextAsync("Meine Aufgaben");
            await StaffAppFixture.End(other);
        }
    }

    [Fact]
    public async Task An_official_and_a_payroll_clerk_open_their_oldest_task_first_each_one_click_from_its_form()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "l.koch");
        var offer = await Offer(coordinator, Municipality, $"Grünpflege {tag}", 5, 20, Today.AddYears(-1));
        // Two proposals of this municipality, heard a week apart: the official's group lists the older hearing first.
        async Task<Guid> Proposed(string family, int heardDaysAgo)
        {
            var person = Id(await Send(caseworker, "/api/persons", new
            {
                municipality = Municipality, givenName = "Omar", familyName = family, dateOfBirth = D(Today.AddYears(-30)),
                entitledSince = D(Today.AddYears(-2)), confirmedNotDuplicate = true, fileReference = $"AZ-BOH-{tag}-{family}",
            }));
            var placement = Id(await Send(caseworker, "/api/placements", new
            {
                personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-60)), startsOn = D(Today.AddDays(-50)), hoursPerWeek = 10,
            }));
            var refusal = (await Send(caseworker, $"/api/placements/{placement}/refusals",
                new { date = D(Today.AddDays(-heardDaysAgo - 5)), kind = "explicit", statedReason = "Keine Lust" }))["refusalId"]!.GetValue<string>();
            var url = $"/api/placements/{placement}/refusals/{refusal}";
            await Send(caseworker, $"{url}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund erkennbar." });
            await Send(caseworker, $"{url}/hearing", new { heldOn = D(Today.AddDays(-heardDaysAgo)), statement = "keine Äußerung" });
            return Id(await Send(caseworker, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }));
        }
        var newer = await Proposed($"Neu{tag}", 3);
        var older = await Proposed($"Alt{tag}", 10);

        var official = await app.SignIn("official", "Petra Lange", "p.lange", Municipality);
        await official.WaitForURLAsync("**/app/tasks");
        var decide = official.Locator("[data-testid='task-group'][data-kind='proposal-to-decide']");
        await Expect(decide.Locator("h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ Vorschläge zu entscheiden$"));
        var since = await decide.GetByTestId("task").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.since)");
        since.Should().BeInAscendingOrder(StringComparer.Ordinal, "the oldest work comes first");
        var mine = decide.GetByTestId("task").Filter(new() { HasText = tag });
        await Expect(mine).ToHaveCountAsync(2);
        await Expect(mine.Nth(0)).ToContainTextAsync($"Alt{tag}");
        await Expect(mine.Nth(1)).ToContainTextAsync($"Neu{tag}");
        await Expect(mine.Nth(1).Locator($"a[href='/app/sanction-proposals/{newer}']")).ToHaveCountAsync(1);
        await mine.Nth(0).Locator($"a[href='/app/sanction-proposals/{older}']").ClickAsync();
        await official.WaitForURLAsync($"**/app/sanction-proposals/{older}");
        await Expect(official.GetByRole(AriaRole.Heading, new() { Name = "Entscheidung über den Vorschlag" })).ToBeVisibleAsync();
        await Expect(official.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" })).ToBeVisibleAsync();
        await StaffAppFixture.End(official);

        // A run prepared by one clerk is the other's to review, one click from the run page with its "Prüfen".
        var month = Today.AddMonths(-53);
        var run = Id(await Send(await app.Service.ClientFor("payroll", null, "p.meyer"), "/api/payout-runs",
            new { month = $"{month.Year:0000}-{month.Month:00}" }));
        var payroll = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await payroll.WaitForURLAsync("**/app/tasks");
        var review = payroll.Locator("[data-testid='task-group'][data-kind='run-to-review']");
        await Expect(review.Locator("h2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(1 Auszahlungslauf|\d+ Auszahlungsläufe) zu prüfen$"));
        await review.Locator($"a[href='/app/payout-runs/{run}']").ClickAsync();
        await payroll.WaitForURLAsync($"**/app/payout-runs/{run}");
        await Expect(payroll.GetByRole(AriaRole.Button, new() { Name = "Prüfen", Exact = true })).ToBeEnabledAsync();
        await StaffAppFixture.End(payroll);
    }
}
