using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, contract v3d in the staff app: a caseworker enters the week of 30 participants on one page ("wie vereinbart
/// übernehmen", a few cells changed in every input format) and saves the sheet once; refused cells keep their input and say why, once.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class WeekSheetJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "bissendorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private DateOnly Today => app.Today;

    private DateOnly LastMonday => Weeks.LastMonday(Today);

    private static string Code(DateOnly monday) => Weeks.Code(monday);

    private static string Day(DateOnly d) =>
        $"{CultureInfo.GetCultureInfo("de-DE").DateTimeFormat.GetDayName(d.DayOfWeek)}, {d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    private static readonly (string Given, string Family)[] People =
    [
        ("Samir", "Ahmadi"), ("Amina", "Bakari"), ("Yusuf", "Celik"), ("Dilan", "Demir"), ("Elias", "Eze"), ("Farah", "Faizi"),
        ("Goran", "Gashi"), ("Hana", "Haddad"), ("Idris", "Ibrahim"), ("Jamal", "Jaber"), ("Karim", "Karimi"), ("Leyla", "Latif"),
        ("Musa", "Mansour"), ("Nour", "Nasser"), ("Omid", "Osmani"), ("Parisa", "Popal"), ("Qasim", "Qureshi"), ("Rana", "Rahimi"),
        ("Sami", "Saleh"), ("Tariq", "Tahir"), ("Umar", "Usmani"), ("Vera", "Volkova"), ("Walid", "Wardak"), ("Xenia", "Xhaferi"),
        ("Yasin", "Yilmaz"), ("Zahra", "Zaman"), ("Adel", "Aziz"), ("Bilal", "Barakzai"), ("Daria", "Danylenko"), ("Emre", "Erdem"),
    ];

    [Fact]
    public async Task A_caseworker_fills_the_week_of_30_participants_from_the_schedule_changes_a_few_cells_and_saves_the_sheet_once()
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "a.schulz");
        var offer = await Offer(coordinator, Municipality, "Grünpflege Bissendorf", 30, 20, Today.AddYears(-1));
        var schedule = new[]
        {
            new { weekday = "monday", from = "08:00", to = "12:00" },
            new { weekday = "tuesday", from = "08:00", to = "12:00" },
            new { weekday = "wednesday", from = "08:00", to = "12:00" },
            new { weekday = "thursday", from = "08:00", to = "12:00" },
            new { weekday = "friday", from = "08:00", to = "12:00" },
        };
        var placements = new Dictionary<string, Guid>();
        for (var i = 0; i < People.Length; i++)
        {
            var (given, family) = People[i];
            var person = Id(await Send(caseworker, "/api/persons", new
            {
                municipality = Municipality, givenName = given, familyName = family, dateOfBirth = D(Today.AddYears(-25 - i)),
                entitledSince = D(Today.AddYears(-2)), confirmedNotDuplicate = true, fileReference = "AZ-BIS-" + Guid.NewGuid().ToString("N")[..8],
            }));
            // Emre Erdem starts on last Wednesday: Monday and Tuesday lie outside his placement.
            var starts = family == "Erdem" ? LastMonday.AddDays(2) : LastMonday.AddDays(-14);
            placements[family] = Id(await Send(caseworker, "/api/placements", new
            {
                personId = person, offerId = offer, noticeServedOn = D(LastMonday.AddDays(-21)), startsOn = D(starts), hoursPerWeek = 20, schedule,
            }));
        }

        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Municipality);
        var posts = new List<string>();
        page.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("/weeks/", StringComparison.Ordinal)) posts.Add(request.Url); };

        // From the offer: its people sorted by name, and the week grid one click away.
        await page.GotoAsync($"/app/offers/{offer}");
        var members = page.GetByTestId("member-row");
        await Expect(members).ToHaveCountAsync(30);
        await Expect(members.First.Locator("th")).ToHaveTextAsync("Ahmadi, Samir");
        await Expect(members.Nth(1).Locator("th")).ToHaveTextAsync("Aziz, Adel");
        await Expect(members.Last.Locator("th")).ToHaveTextAsync("Zaman, Zahra");
        await StaffAppFixture.Check(page, "122-angebot-teilnehmende");
        await page.GetByTestId("week-link").ClickAsync();
        await page.WaitForURLAsync($"**/app/offers/{offer}/weeks/{Code(LastMonday.AddDays(7))}");
        await page.GetByTestId("previous-week").ClickAsync();
        await page.WaitForURLAsync($"**/app/offers/{offer}/weeks/{Code(LastMonday)}");
        var sunday = LastMonday.AddDays(6);
        await Expect(page.GetByTestId("week-label")).ToContainTextAsync($"KW {ISOWeek.GetWeekOfYear(LastMonday.ToDateTime(TimeOnly.MinValue))} · ");
        await Expect(page.GetByTestId("week-label")).ToContainTextAsync($"{sunday.Day}. {CultureInfo.GetCultureInfo("de-DE").DateTimeFormat.GetMonthName(sunday.Month)} {sunday.Year}");
        await Expect(page.GetByTestId("week-row")).ToHaveCountAsync(30);

        ILocator Cell(string family, int day) => page.Locator($"[data-testid='week-row'][data-placement='{placements[family]}'] td[data-day='{D(LastMonday.AddDays(day))}']");
        ILocator Input(string family, int day) => Cell(family, day).Locator("input.cell-input");
        await Expect(Cell("Ahmadi", 0)).ToContainTextAsync("Plan 4");
        await Expect(Cell("Erdem", 0).Locator("input")).ToHaveCountAsync(0);
        await Expect(Cell("Erdem", 0)).ToContainTextAsync("nicht im Einsatz");

        // "wie vereinbart übernehmen": the planned days are filled, nothing is saved yet.
        await page.GetByRole(AriaRole.Button, new() { Name = "wie vereinbart übernehmen" }).ClickAsync();
        await Expect(page.GetByTestId("fill-status")).ToContainTextAsync("148 Felder aus den vereinbarten Zeiten übernommen");
        await Expect(Input("Ahmadi", 0)).ToHaveValueAsync("4");
        await Expect(Input("Ahmadi", 5)).ToHaveValueAsync("");
        await Expect(Input("Erdem", 2)).ToHaveValueAsync("4");
        posts.Should().BeEmpty("filling from the schedule saves nothing");

        // A few cells in every format the sheet reads; one over the daily cap and one unreadable.
        await Input("Bakari", 1).FillAsync("3,5");
        await Input("Celik", 1).FillAsync("3.5");
        await Input("Demir", 1).FillAsync("3:30");
        await Input("Eze", 1).FillAsync("210 min");
        await Input("Faizi", 0).FillAsync("3");
        await Input("Gashi", 1).FillAsync("9");
        await Input("Haddad", 1).FillAsync("viel");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await StaffAppFixture.Check(page, "120-woche-stunden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();

        // One save: the planned days stored (the changed ones as typed), the two refused cells keep their input and say why, once.
        await Expect(page.GetByTestId("week-message")).ToHaveTextAsync("Gespeichert: 146 Einträge.");
        await Expect(page.GetByTestId("refused-summary")).ToContainTextAsync("2 Einträge wurden nicht gespeichert");
        await Expect(Input("Gashi", 1)).ToHaveValueAsync("9");
        await Expect(Input("Gashi", 1)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Cell("Gashi", 1).GetByTestId("cell-error")).ToHaveTextAsync("Mehr als 8 Stunden an einem Tag sind nicht zulässig (alle Arbeitsgelegenheiten der Person zusammen).");
        await Expect(page.GetByText("Mehr als 8 Stunden an einem Tag")).ToHaveCountAsync(1);
        await Expect(Input("Haddad", 1)).ToHaveValueAsync("viel");
        await Expect(page.GetByText("Bitte als Stunden angeben")).ToHaveCountAsync(1);
        await Expect(Cell("Bakari", 1).Locator(".logged")).ToHaveTextAsync("3,5");
        await Expect(Cell("Bakari", 1).GetByTestId("stored")).ToHaveTextAsync("gespeichert");
        await Expect(Cell("Faizi", 0).Locator(".logged")).ToHaveTextAsync("3");
        await Expect(Cell("Ahmadi", 4).Locator(".logged")).ToHaveTextAsync("4");
        await StaffAppFixture.Check(page, "121-woche-gespeichert");
        posts.Where(u => !u.Contains("handler=", StringComparison.Ordinal)).Should().ContainSingle("the whole sheet goes in one save");

        // What the API holds: every planned day of the 30 participants, the changed cells as typed, nothing for the refused ones.
        var week = await Get(caseworker, $"/api/offers/{offer}/weeks/{Code(LastMonday)}");
        var logged = week["placements"]!.AsArray().SelectMany(r => r!["days"]!.AsArray()
                .Where(d => d!["minutes"]!.GetValue<int>() > 0)
                .Select(d => (Placement: Guid.Parse(r["placementId"]!.GetValue<string>()), Date: d!["date"]!.GetValue<string>(), Minutes: d["minutes"]!.GetValue<int>())))
            .ToList();
        logged.Should().HaveCount(146);
        int At(string family, int day) => logged.Where(l => l.Placement == placements[family] && l.Date == D(LastMonday.AddDays(day))).Sum(l => l.Minutes);
        foreach (var family in new[] { "Bakari", "Celik", "Demir", "Eze" }) At(family, 1).Should().Be(210, $"{family}'s Tuesday was typed as 3,5 hours in one of the formats");
        At("Faizi", 0).Should().Be(180);
        At("Gashi", 1).Should().Be(0);
        At("Haddad", 1).Should().Be(0);
        At("Erdem", 0).Should().Be(0);
        At("Erdem", 2).Should().Be(240);

        // The refused cell corrected and saved again: only it is sent; all is stored.
        await Input("Gashi", 1).FillAsync("2");
        await Input("Haddad", 1).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert: 2 Einträge." })).ToBeVisibleAsync();
        await Expect(Cell("Gashi", 1).Locator(".logged")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("refused-summary")).ToHaveCountAsync(0);

        // Print: no navigation or buttons, the sheet on A4 landscape.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("nav.main-nav")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true })).ToBeHiddenAsync();
        await Expect(page.GetByTestId("week-sheet")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", Landscape = true, PreferCSSPageSize = true });
        pdf.Length.Should().BeGreaterThan(1000);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Without_javascript_wie_vereinbart_fills_the_form_on_the_server_and_saves_nothing()
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "a.schulz");
        var offer = await Offer(coordinator, Municipality, "Bauhof Bissendorf", 2, 20, Today.AddYears(-1));
        var person = await Person(caseworker, Municipality, "Noor", Today);
        var placement = Id(await Send(caseworker, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(LastMonday.AddDays(-21)), startsOn = D(LastMonday.AddDays(-14)), hoursPerWeek = 5,
            schedule = new[] { new { weekday = "tuesday", from = "09:00", to = "11:30" }, new { weekday = "thursday", from = "09:00", to = "11:30" } },
        }));
        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Municipality);
        await page.Context.RouteAsync("**/app/assets/week.js", route => route.AbortAsync());
        StaffAppFixture.Expect(page, "week.js");
        await page.GotoAsync($"/app/offers/{offer}/weeks/{Code(LastMonday)}");
        await page.GetByRole(AriaRole.Button, new() { Name = "wie vereinbart übernehmen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "2 Felder aus den vereinbarten Zeiten übernommen" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel($"Stunden Noor, Samir am {Day(LastMonday.AddDays(1))}", new() { Exact = false })).ToHaveValueAsync("2,5");
        var week = await Get(caseworker, $"/api/offers/{offer}/weeks/{Code(LastMonday)}");
        week["placements"]!.AsArray().Single()!["days"]!.AsArray().Sum(d => d!["minutes"]!.GetValue<int>()).Should().Be(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert: 2 Einträge." })).ToBeVisibleAsync();
        (await Get(caseworker, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(300);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_placement_hours_page_takes_german_decimals_and_says_an_unreadable_day_once()
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Municipality, "a.schulz");
        var offer = await Offer(coordinator, Municipality, "Bauhof Bissendorf", 2, 20, Today.AddYears(-1));
        var person = await Person(caseworker, Municipality, "Rahimi", Today);
        var placement = Id(await Send(caseworker, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(LastMonday.AddDays(-21)), startsOn = D(LastMonday.AddDays(-14)), hoursPerWeek = 20,
        }));
        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Municipality);
        await page.GotoAsync($"/app/placements/{placement}/hours?week={Code(LastMonday)}");
        ILocator DayInput(int offset) => page.Locator($"tr[data-day='{D(LastMonday.AddDays(offset))}'] input.hours-input");
        ILocator Row(int offset) => page.Locator($"tr[data-day='{D(LastMonday.AddDays(offset))}']");
        await DayInput(0).FillAsync("4,5");
        await DayInput(1).FillAsync("4.5");
        await DayInput(2).FillAsync("viel");
        await Expect(Row(2).Locator(".day-left")).ToContainTextAsync("Eingabe nicht lesbar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true }).ClickAsync();
        await Expect(Row(2).Locator("[data-valmsg-for$='.Minutes']")).ToContainTextAsync("Bitte als Stunden angeben");
        await Expect(DayInput(2)).ToHaveValueAsync("viel");
        await Expect(Row(2).Locator(".day-left")).ToHaveTextAsync("", new() { Timeout = 2000 });
        await Expect(page.GetByText("nicht lesbar")).ToHaveCountAsync(0);
        await Expect(page.GetByText("Bitte als Stunden angeben")).ToHaveCountAsync(1);
        await Expect(Row(0)).ToContainTextAsync("Gespeichert.");
        await Expect(Row(1)).ToContainTextAsync("Gespeichert.");
        (await Get(caseworker, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(540, "4,5 and 4.5 are four and a half hours each");
        await StaffAppFixture.End(page);
    }
}
