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

    /// <summary>An offer of a provider (with its insurer) in <paramref name="municipality"/>.</summary>
    private async Task<(Guid Offer, string ProviderId)> ProviderOffer(string municipality, string tag)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var providerId = $"liste-{tag}";
        var offer = Id(await Send(coordinator, "/api/offers", new
        {
            providerType = "nonprofit", providerName = $"Tafel {tag} e. V.", municipality, title = $"Lebensmittelausgabe {tag}",
            activity = "Sortieren und Ausgeben von Lebensmitteln", places = 5, hoursPerWeek = 15, startsOn = D(app.Today.AddYears(-1)),
            reportTo = "Tafel, Marktplatz 1", servesPublicBenefit = true, providerId, accidentInsurer = "Unfallkasse Niedersachsen",
        }));
        return (offer, providerId);
    }

    [Fact]
    public async Task The_caseworker_s_inbox_sorts_the_absence_reports_and_the_accidents_each_on_its_own_oldest_first_by_default()
    {
        // A municipality no other journey uses, so the inbox's lists hold the test's rows among few others.
        const string belm = "belm";
        var tag = Unique();
        var (offer, providerId) = await ProviderOffer(belm, tag);
        var caseworker = await app.Service.ClientFor("caseworker", belm, $"belm-cw-{tag}");
        var provider = await app.Service.ClientFor("provider", null, "p-" + providerId, provider: providerId);
        async Task<Guid> Placed(string family)
        {
            var person = await Person(caseworker, belm, family, app.Today, $"AZ-BE-{tag}-{family}");
            return await Placement(caseworker, person, offer, app.Today.AddDays(-20), app.Today.AddDays(-10), 15);
        }
        var zaman = await Placed("Zaman");
        var ahmadi = await Placed("Ahmadi");
        async Task<Guid> Absence(Guid placement, int daysAgo) =>
            Id(await Send(provider, $"/api/placements/{placement}/absence-reports", new { date = D(app.Today.AddDays(-daysAgo)), kind = "no-show", note = "Nicht erschienen" }));
        async Task<Guid> Accident(Guid placement, int daysAgo) =>
            Id(await Send(provider, $"/api/placements/{placement}/accidents", new { on = D(app.Today.AddDays(-daysAgo)), description = "Beim Tragen einer Kiste gestürzt", incapacityDays = 5 }));
        var zamanAbsence = await Absence(zaman, 5);
        var ahmadiAbsence = await Absence(ahmadi, 2);
        var ahmadiAccident = await Accident(ahmadi, 6);
        var zamanAccident = await Accident(zaman, 3);
        Guid[] reports = [zamanAbsence, ahmadiAbsence];
        Guid[] accidents = [ahmadiAccident, zamanAccident];
        const string reportRows = "[data-testid=open-absence-reports] tbody tr[data-absence-report]";
        const string accidentRows = "[data-testid=open-accidents] tbody tr[data-accident]";

        var page = await app.SignIn("caseworker", "Bernd Sozialamt", $"belm-cw-{tag}", belm);
        await page.GotoAsync("/app/inbox");
        // By default the work's order: the oldest absence first, the report due first.
        await Expect(Header(page, "open-absence-reports", "Tag")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "open-accidents", "Anzeige fällig am")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, reportRows, "data-absence-report", reports)).Should().Equal(zamanAbsence, ahmadiAbsence);
        (await Order(page, accidentRows, "data-accident", accidents)).Should().Equal(ahmadiAccident, zamanAccident);

        await Sort(page, "open-absence-reports", "Person");
        await Expect(Header(page, "open-absence-reports", "Person")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "open-absence-reports", "Tag")).Not.ToHaveAttributeAsync("aria-sort", AnySort);
        (await Order(page, reportRows, "data-absence-report", reports)).Should().Equal(ahmadiAbsence, zamanAbsence);
        page.Url.Should().Contain("asort=person").And.EndWith("#h-absence-reports");

        // The accidents sort on their own; the absence reports keep their order.
        await Sort(page, "open-accidents", "Unfall am");
        await Sort(page, "open-accidents", "Unfall am");
        await Expect(Header(page, "open-accidents", "Unfall am")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, accidentRows, "data-accident", accidents)).Should().Equal(zamanAccident, ahmadiAccident);
        await Expect(Header(page, "open-absence-reports", "Person")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, reportRows, "data-absence-report", reports)).Should().Equal(ahmadiAbsence, zamanAbsence);
        await Expect(Header(page, "notices-to-dispatch", "Erlassen am")).ToHaveAttributeAsync("aria-sort", "ascending");
        await StaffAppFixture.Check(page, "213-posteingang-sortiert");

        // The period of the Wiedervorlagen changes; the orders stay.
        await page.GetByLabel("Endet innerhalb von").SelectOptionAsync("90");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(Header(page, "open-accidents", "Unfall am")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, reportRows, "data-absence-report", reports)).Should().Equal(ahmadiAbsence, zamanAbsence);

        // Hostile values: the defaults, nothing echoed.
        var response = await page.GotoAsync($"/app/inbox?asort={Hostile}&adir={Hostile}&usort=-on&udir=sideways&nsort={Hostile}");
        response!.Status.Should().Be(200);
        await Expect(Header(page, "open-absence-reports", "Tag")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "open-accidents", "Anzeige fällig am")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await page.ContentAsync()).Should().NotContain("<script>alert(1)</script>");
        await StaffAppFixture.End(page);
    }

    /// <summary>A pending proposal in <paramref name="municipality"/> (refusal, assessment, hearing, proposal), as ProposedCase does in melle.</summary>
    private async Task<Guid> Proposal(string municipality, Guid offer, string family, string tag)
    {
        var caseworker = await app.Service.ClientFor("caseworker", municipality, $"{municipality}-cw-{tag}");
        var person = await Person(caseworker, municipality, family, app.Today, $"AZ-OC-{tag}-{family}");
        var placement = await Placement(caseworker, person, offer, app.Today.AddDays(-20), app.Today.AddDays(-14), 15);
        var refusal = (await Send(caseworker, $"/api/placements/{placement}/refusals",
            new { date = D(app.Today.AddDays(-10)), kind = "no-show", statedReason = "keine Angabe" }))["refusalId"]!.GetValue<string>();
        await Send(caseworker, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund vorgetragen" });
        await Send(caseworker, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(app.Today.AddDays(-5)), statement = "Person äußert sich nicht" });
        return Id(await Send(caseworker, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }));
    }

    [Fact]
    public async Task The_official_s_inbox_sorts_the_proposals_by_name_both_ways_on_their_own()
    {
        const string ostercappeln = "ostercappeln";
        var tag = Unique();
        var (offer, _) = await ProviderOffer(ostercappeln, tag);
        var haidari = await Proposal(ostercappeln, offer, "Haidari", tag);
        var rahimi = await Proposal(ostercappeln, offer, "Rahimi", tag);
        Guid[] mine = [haidari, rahimi];
        const string rows = "[data-testid=inbox-proposals] tbody tr[data-proposal]";

        var page = await app.SignIn("official", "Petra Lange", $"oc-off-{tag}", ostercappeln);
        await page.GotoAsync("/app/inbox");
        await Expect(Header(page, "inbox-proposals", "Person")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(haidari, rahimi);

        await Sort(page, "inbox-proposals", "Person");
        await Expect(Header(page, "inbox-proposals", "Person")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(rahimi, haidari);
        page.Url.Should().Contain("vsort=person").And.Contain("vdir=desc");
        // The other tables keep their default order.
        await Expect(Header(page, "inbox-objections", "Person")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "notices-to-dispatch", "Erlassen am")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "due-reviews", "Ende")).ToHaveAttributeAsync("aria-sort", "ascending");
        await StaffAppFixture.Check(page, "214-posteingang-vorschlaege-sortiert");

        var response = await page.GotoAsync($"/app/inbox?vsort={Hostile}&vdir={Hostile}&wsort=-person");
        response!.Status.Should().Be(200);
        await Expect(Header(page, "inbox-proposals", "Person")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await page.ContentAsync()).Should().NotContain("<script>alert(1)</script>");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_people_of_an_offer_sort_by_start_and_status_and_filter_by_status()
    {
        var tag = Unique();
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, $"Bauhof Glandorf – Wege {tag}", 5, 15, app.Today.AddYears(-1));
        async Task<Guid> Placed(string family, int startsIn)
        {
            var person = await Person(caseworker, Glandorf, family, app.Today, $"AZ-GL-{tag}-{family}");
            return await Placement(caseworker, person, offer, app.Today.AddDays(Math.Min(startsIn, 0) - 7), app.Today.AddDays(startsIn), 15);
        }
        var mansour = await Placed("Mansour", -30);
        var ahmadi = await Placed("Ahmadi", -10);
        var zaman = await Placed("Zaman", 5);
        await Send(caseworker, $"/api/placements/{mansour}/end", new { date = D(app.Today.AddDays(-5)), reason = "other", note = "Umzug in eine andere Unterkunft" });
        Guid[] mine = [mansour, ahmadi, zaman];
        const string rows = "[data-testid=members] tbody tr[data-placement]";

        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await page.GotoAsync($"/app/offers/{offer}");
        await Expect(Header(page, "members", "Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(ahmadi, mansour, zaman);

        await Sort(page, "members", "von");
        await Expect(Header(page, "members", "von")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(mansour, ahmadi, zaman);
        await Sort(page, "members", "von");
        await Expect(Header(page, "members", "von")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(zaman, ahmadi, mansour);
        // By the course of a placement: begins, runs, ended.
        await Sort(page, "members", "Status");
        await Expect(Header(page, "members", "Status")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "members", "von")).Not.ToHaveAttributeAsync("aria-sort", AnySort);
        (await Order(page, rows, "data-placement", mine)).Should().Equal(zaman, ahmadi, mansour);
        await StaffAppFixture.Check(page, "215-teilnehmende-sortiert");

        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page.GetByTestId("members").Locator("caption")).ToContainTextAsync("1 Person · läuft von 3");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(ahmadi);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("ended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(Header(page, "members", "Status")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(mansour);
        await Expect(page.Locator($"tr[data-placement='{mansour}']")).ToContainTextAsync("beendet");
        await StaffAppFixture.Check(page, "216-teilnehmende-gefiltert");

        var response = await page.GotoAsync($"/app/offers/{offer}?status={Hostile}&sort={Hostile}&dir={Hostile}");
        response!.Status.Should().Be(200);
        await Expect(Header(page, "members", "Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(ahmadi, mansour, zaman);
        (await page.ContentAsync()).Should().NotContain("<script>alert(1)</script>");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_provider_s_people_sort_by_start_and_filter_by_who_has_begun()
    {
        var tag = Unique();
        var (offer, providerId) = await ProviderOffer(Glandorf, tag);
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        async Task<Guid> Placed(string family, int startsIn)
        {
            var person = await Person(caseworker, Glandorf, family, app.Today, $"AZ-GL-{tag}-{family}");
            return await Placement(caseworker, person, offer, app.Today.AddDays(Math.Min(startsIn, 0) - 7), app.Today.AddDays(startsIn), 15);
        }
        var karimi = await Placed("Karimi", -20);
        var bakr = await Placed("Bakr", -3);
        var nazari = await Placed("Nazari", 4);
        Guid[] mine = [karimi, bakr, nazari];
        const string rows = "[data-testid=provider-people] tbody tr[data-placement]";

        var page = await app.SignInProvider("Maria Böhm", $"m.boehm-{tag}", providerId);
        await Expect(Header(page, "provider-people", "Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(bakr, karimi, nazari);

        await Sort(page, "provider-people", "Beginn");
        await Expect(Header(page, "provider-people", "Beginn")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(karimi, bakr, nazari);
        await Sort(page, "provider-people", "Beginn");
        await Expect(Header(page, "provider-people", "Beginn")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(nazari, bakr, karimi);
        await StaffAppFixture.Check(page, "217-traeger-personen-sortiert");

        await page.GetByLabel("Wer").SelectOptionAsync("active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(Header(page, "provider-people", "Beginn")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(bakr, karimi);
        await page.GetByLabel("Wer").SelectOptionAsync("upcoming");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page.GetByTestId("provider-people").Locator("caption")).ToContainTextAsync("beginnen noch");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(nazari);

        var response = await page.GotoAsync($"/app/provider?status={Hostile}&sort={Hostile}&dir={Hostile}");
        response!.Status.Should().Be(200);
        await Expect(Header(page, "provider-people", "Name")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-placement", mine)).Should().Equal(bakr, karimi, nazari);
        (await page.ContentAsync()).Should().NotContain("<script>alert(1)</script>");
        await StaffAppFixture.End(page);
    }
}
