using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "sorting and filters on every list", the rest of the lists: expenses, payout runs and recoveries, the inbox's
/// tables, the people of an offer and the provider's start page sort by a click on a column header (with aria-sort), the
/// other way round on a second click, and narrow by status. The host is shared with other journeys, so each test
/// compares the order of its own rows only.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class ListJourneyTests2(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";
    private const string Hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private DateOnly FirstOfMonth(int monthsBack) => new DateOnly(app.Today.Year, app.Today.Month, 1).AddMonths(-monthsBack);

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The ids in the rows of a table (by a data attribute), in page order, of those the test made.</summary>
    private static async Task<List<Guid>> Order(IPage page, string rows, string attribute, IReadOnlyCollection<Guid> mine)
    {
        var ids = await page.Locator(rows).EvaluateAllAsync<string[]>($"rs => rs.map(r => r.getAttribute('{attribute}'))");
        return ids.Select(Guid.Parse).Where(mine.Contains).ToList();
    }

    /// <summary>A column header by its label (its accessible name begins with it, then says how it sorts).</summary>
    private static ILocator Header(IPage page, string table, string label) =>
        page.GetByTestId(table).First.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex("^" + Regex.Escape(label) + @"(\s|$)") });

    private static Task Sort(IPage page, string table, string label) => Header(page, table, label).GetByRole(AriaRole.Link).ClickAsync();

    private static readonly Regex AnySort = new(".");

    private async Task<(HttpClient Caseworker, Guid Person, Guid Placement)> Placed(string family, DateOnly startsOn, string tag)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, $"Bauhof Glandorf – Grünpflege {tag}", 5, 15, startsOn.AddYears(-1));
        var person = await Person(caseworker, Glandorf, family, app.Today, $"AZ-GL-{tag}-{family}");
        var placement = await Placement(caseworker, person, offer, startsOn.AddDays(-7), startsOn, 15);
        return (caseworker, person, placement);
    }

    [Fact]
    public async Task The_expense_list_sorts_by_the_amount_both_ways_and_filters_by_the_decision()
    {
        var tag = Unique();
        var (caseworker, _, placement) = await Placed("Haidari", FirstOfMonth(3), tag);
        async Task<Guid> Expense(int monthsBack, int cents) =>
            Id(await Send(caseworker, $"/api/placements/{placement}/expenses", new
            {
                month = Month(FirstOfMonth(monthsBack)), amountCents = cents, description = $"Monatskarte VOS {tag}", evidence = "Quittung vorgelegt",
            }));
        var small = await Expense(3, 1000);
        var large = await Expense(1, 3000);
        var approved = await Expense(2, 2000);
        var payroll = await app.Service.ClientFor("payroll", null, "k.schmidt");
        await Send(payroll, $"/api/expenses/{approved}/decision", new { approved = true, reasoning = "Beleg geprüft" });
        Guid[] mine = [small, large, approved];
        const string rows = "[data-testid=expenses] tbody tr[data-expense]";

        var page = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await page.GotoAsync("/app/expenses");
        // By default the ones to decide, the latest month first.
        await Expect(Header(page, "expenses", "Monat")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-expense", mine)).Should().Equal(large, small);

        await Sort(page, "expenses", "Betrag");
        await Expect(Header(page, "expenses", "Betrag")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "expenses", "Monat")).Not.ToHaveAttributeAsync("aria-sort", AnySort);
        (await Order(page, rows, "data-expense", mine)).Should().Equal(small, large);
        await Sort(page, "expenses", "Betrag");
        await Expect(Header(page, "expenses", "Betrag")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-expense", mine)).Should().Equal(large, small);
        page.Url.Should().Contain("sort=amount").And.Contain("dir=desc");
        await StaffAppFixture.Check(page, "210-mehraufwendungen-sortiert");

        // Only the approved ones, then all; the order chosen stays.
        await page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync("approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(Header(page, "expenses", "Betrag")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-expense", mine)).Should().Equal(approved);
        await Expect(page.Locator($"tr[data-expense='{approved}']")).ToContainTextAsync("anerkannt");
        await page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        (await Order(page, rows, "data-expense", mine)).Should().Equal(large, approved, small);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_payout_run_list_sorts_by_month_and_status_and_filters_by_status()
    {
        // Months far back that no other journey prepares: one run stays prepared, the other is released by a second person.
        var older = Month(FirstOfMonth(41));
        var newer = Month(FirstOfMonth(40));
        var meyer = await app.Service.ClientFor("payroll", null, "p.meyer");
        var schmidt = await app.Service.ClientFor("payroll", null, "k.schmidt");
        var prepared = Id(await Send(meyer, "/api/payout-runs", new { month = older }));
        var released = Id(await Send(meyer, "/api/payout-runs", new { month = newer }));
        await Send(schmidt, $"/api/payout-runs/{released}/release", new { });
        Guid[] mine = [prepared, released];
        const string rows = "[data-testid=payout-runs] tbody tr[data-run]";

        var page = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await page.GotoAsync("/app/payout-runs");
        await Expect(Header(page, "payout-runs", "Monat")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-run", mine)).Should().Equal(released, prepared);

        await Sort(page, "payout-runs", "Monat");
        await Expect(Header(page, "payout-runs", "Monat")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-run", mine)).Should().Equal(prepared, released);
        // By the status word: "freigegeben" before "vorbereitet".
        await Sort(page, "payout-runs", "Status");
        await Expect(Header(page, "payout-runs", "Status")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "payout-runs", "Monat")).Not.ToHaveAttributeAsync("aria-sort", AnySort);
        (await Order(page, rows, "data-run", mine)).Should().Equal(released, prepared);
        await StaffAppFixture.Check(page, "211-auszahlungslaeufe-sortiert");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("prepared");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page.GetByTestId("payout-runs").Locator("caption")).ToContainTextAsync("vorbereitet");
        await Expect(Header(page, "payout-runs", "Status")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-run", mine)).Should().Equal(prepared);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("released");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        (await Order(page, rows, "data-run", mine)).Should().Equal(released);
        await Expect(page.Locator($"tr[data-run='{released}']")).ToContainTextAsync("freigegeben");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_recovery_list_sorts_by_the_amount_both_ways_and_filters_by_status()
    {
        // A released run of a month no other journey pays (the persons are entitled for two years), then two corrections
        // downwards: two recoveries of different amounts.
        var tag = Unique();
        var month = FirstOfMonth(20);
        var (caseworker, _, first) = await Placed("Sultani", month, tag);
        var (_, _, second) = await Placed("Rahimi", month, tag);
        async Task<string> Hours(Guid placement, int minutes) =>
            (await Send(caseworker, $"/api/placements/{placement}/hours", new { date = D(month.AddDays(2)), minutes }))["entryId"]!.GetValue<string>();
        var firstEntry = await Hours(first, 240);
        var secondEntry = await Hours(second, 240);
        var meyer = await app.Service.ClientFor("payroll", null, "p.meyer");
        var schmidt = await app.Service.ClientFor("payroll", null, "k.schmidt");
        var run = Id(await Send(meyer, "/api/payout-runs", new { month = Month(month) }));
        await Send(schmidt, $"/api/payout-runs/{run}/release", new { });
        await Send(caseworker, $"/api/placements/{first}/hours/{firstEntry}/correction", new { minutes = 180, reason = "Träger: nur drei Stunden gearbeitet" });
        await Send(caseworker, $"/api/placements/{second}/hours/{secondEntry}/correction", new { minutes = 60, reason = "Träger: nur eine Stunde gearbeitet" });
        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        async Task<Guid> RecoveryOf(Guid placement) =>
            Id((await Get(auditor, "/api/recoveries")).AsArray().Single(r => r!["placementId"]!.GetValue<string>() == placement.ToString())!);
        var smaller = await RecoveryOf(first);
        var larger = await RecoveryOf(second);
        await Send(caseworker, $"/api/recoveries/{larger}/hearing", new { heldOn = D(app.Today), statement = "Sie habe das Geld für Lebensmittel ausgegeben." });
        Guid[] mine = [smaller, larger];
        const string rows = "[data-testid=recoveries] tbody tr[data-recovery]";

        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await page.GotoAsync("/app/recoveries");
        await Expect(Header(page, "recoveries", "Entstanden am")).ToHaveAttributeAsync("aria-sort", "descending");

        await Sort(page, "recoveries", "Betrag");
        await Expect(Header(page, "recoveries", "Betrag")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "recoveries", "Entstanden am")).Not.ToHaveAttributeAsync("aria-sort", AnySort);
        (await Order(page, rows, "data-recovery", mine)).Should().Equal(smaller, larger);
        await Sort(page, "recoveries", "Betrag");
        await Expect(Header(page, "recoveries", "Betrag")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-recovery", mine)).Should().Equal(larger, smaller);
        await StaffAppFixture.Check(page, "212-rueckforderungen-sortiert");

        // Only the open ones (a hearing is needed), then only the heard ones; the order chosen stays.
        await page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync("open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(Header(page, "recoveries", "Betrag")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-recovery", mine)).Should().Equal(smaller);
        await page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync("heard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        (await Order(page, rows, "data-recovery", mine)).Should().Equal(larger);
        await Expect(page.Locator($"tr[data-recovery='{larger}']")).ToContainTextAsync("angehört");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Unknown_or_hostile_sort_and_status_values_on_the_money_lists_fall_back_to_the_default_and_are_not_echoed()
    {
        var payroll = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        foreach (var (url, table, sorted, direction) in new[]
        {
            ($"/app/expenses?status={Hostile}&sort={Hostile}&dir={Hostile}&p={Hostile}", "expenses", "Monat", "descending"),
            ($"/app/payout-runs?status={Hostile}&sort=-month&dir=sideways", "payout-runs", "Monat", "descending"),
            ($"/app/recoveries?status={Hostile}&sort={Hostile}&dir={Hostile}", "recoveries", "Entstanden am", "descending"),
        })
        {
            var response = await payroll.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            await Expect(Header(payroll, table, sorted)).ToHaveAttributeAsync("aria-sort", direction);
            (await payroll.ContentAsync()).Should().NotContain("<script>alert(1)</script>", url);
        }
        // The expenses fall back to their default filter, the ones to decide.
        await payroll.GotoAsync($"/app/expenses?status={Hostile}");
        await Expect(payroll.GetByLabel("Stand", new() { Exact = true })).ToHaveValueAsync("pending");
        await StaffAppFixture.End(payroll);
    }
}
