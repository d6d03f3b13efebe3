using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "sorting and filters on every list": the accident list, the Wiedervorlagen and the auditor's person search
/// sort by a click on a column header (with aria-sort), the other way round on a second click, and narrow by status.
/// The host is shared with other journeys, so each test compares the order of its own rows only.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class ListJourneyTests(StaffAppFixture app) : Journey
{
    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>The ids in the rows of a table (by a data attribute), in page order, of those the test made.</summary>
    private static async Task<List<Guid>> Order(IPage page, string rows, string attribute, IReadOnlyCollection<Guid> mine)
    {
        var ids = await page.Locator(rows).EvaluateAllAsync<string[]>($"rs => rs.map(r => r.getAttribute('{attribute}'))");
        return ids.Select(Guid.Parse).Where(mine.Contains).ToList();
    }

    /// <summary>A column header by its label (its accessible name begins with it, then says how it sorts).</summary>
    private static ILocator Header(IPage page, string table, string label) =>
        page.GetByTestId(table).GetByRole(AriaRole.Columnheader, new() { NameRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(label) + @"(\s|$)") });

    [Fact]
    public async Task The_accident_list_sorts_by_the_accident_day_both_ways_and_filters_by_status()
    {
        var tag = Unique();
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", "glandorf", "a.schulz");
        var providerId = $"liste-{tag}";
        var offer = Id(await Send(coordinator, "/api/offers", new
        {
            providerType = "nonprofit", providerName = $"Tafel Glandorf e. V. {tag}", municipality = "glandorf", title = $"Lebensmittelausgabe {tag}",
            activity = "Sortieren und Ausgeben von Lebensmitteln", places = 3, hoursPerWeek = 15, startsOn = D(app.Today.AddYears(-1)),
            reportTo = "Tafel, Thieplatz 2, 49219 Glandorf", servesPublicBenefit = true, providerId, accidentInsurer = "Unfallkasse Niedersachsen",
        }));
        var provider = await app.Service.ClientFor("provider", null, "p-" + providerId, provider: providerId);
        async Task<Guid> Accident(string family, int daysAgo, int? incapacityDays)
        {
            var person = await Person(caseworker, "glandorf", family, app.Today, $"AZ-GL-{tag}-{daysAgo}");
            var placement = await Placement(caseworker, person, offer, app.Today.AddDays(-20), app.Today.AddDays(-10), 15);
            return Id(await Send(provider, $"/api/placements/{placement}/accidents",
                new { on = D(app.Today.AddDays(-daysAgo)), description = "Beim Tragen einer Kiste gestürzt", incapacityDays }));
        }
        // Two reportable (open) accidents on distinct days, one minor (not reportable).
        var early = await Accident("Ahmadi", 5, 5);
        var late = await Accident("Bakr", 2, 6);
        var minor = await Accident("Celik", 3, null);
        Guid[] mine = [early, late, minor];
        const string rows = "[data-testid=open-accidents] tbody tr[data-accident]";

        var page = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", "glandorf");
        await page.GotoAsync("/app/accidents");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Offene Unfallmeldungen");
        // By default the earliest due report first: the API's order, marked on its column.
        await Expect(Header(page, "open-accidents", "Anzeige fällig am")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-accident", mine)).Should().Equal(early, late);

        await Header(page, "open-accidents", "Unfall am").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Header(page, "open-accidents", "Unfall am")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(Header(page, "open-accidents", "Anzeige fällig am")).Not.ToHaveAttributeAsync("aria-sort", new System.Text.RegularExpressions.Regex("."));
        (await Order(page, rows, "data-accident", mine)).Should().Equal(early, late);
        await Header(page, "open-accidents", "Unfall am").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Header(page, "open-accidents", "Unfall am")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-accident", mine)).Should().Equal(late, early);
        page.Url.Should().Contain("sort=on").And.Contain("dir=desc");
        await StaffAppFixture.Check(page, "170-unfaelle-sortiert");

        // All statuses, then only the ones not to be reported; the order chosen stays.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Unfallmeldungen");
        (await Order(page, rows, "data-accident", mine)).Should().Equal(late, minor, early);
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("not-reportable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Expect(page.GetByTestId("open-accidents").Locator("caption")).ToContainTextAsync("nicht anzeigepflichtig");
        await Expect(Header(page, "open-accidents", "Unfall am")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-accident", mine)).Should().Equal(minor);
        await Expect(page.Locator($"tr[data-accident='{minor}']")).ToContainTextAsync("nicht anzeigepflichtig");
        await StaffAppFixture.Check(page, "171-unfaelle-gefiltert");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_review_list_sorts_by_the_start_both_ways_and_filters_by_the_occasion()
    {
        // Two restrictions in melle, starting a day apart; the person of the second declares willingness (due at once).
        var first = await ProposedCase.Create(app, "liste");
        var second = await ProposedCase.Create(app, "liste");
        var official = await app.Service.ClientFor("official", "melle", $"melle-off-liste-{Unique()}");
        foreach (var (c, startsOn) in new[] { (first, app.Today), (second, app.Today.AddDays(1)) })
        {
            var decided = await Send(official, $"/api/sanction-proposals/{c.Proposal}/decision",
                new { approved = true, reasoning = "Fernbleiben ohne wichtigen Grund nach Anhörung", startsOn = D(startsOn), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice });
            await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(decided["noticeId"]!.GetValue<string>()),
                AGH.Domain.Notices.DispatchMethod.HandedOver, app.Today);
        }
        var caseworker = await app.Service.ClientFor("caseworker", "melle", second.Proposer);
        await Send(caseworker, $"/api/persons/{second.Person}/willingness", new { on = D(app.Today), note = "Will wieder arbeiten" });
        Guid[] mine = [first.Proposal, second.Proposal];
        const string rows = "[data-testid=due-reviews] tbody tr[data-proposal]";

        var page = await app.SignIn("caseworker", "Lena Sozialamt", $"melle-cw-liste-{Unique()}", "melle");
        await page.GotoAsync("/app/reviews?within=366");
        await Expect(Header(page, "due-reviews", "Ende")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(first.Proposal, second.Proposal);

        await Header(page, "due-reviews", "Beginn").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Header(page, "due-reviews", "Beginn")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(first.Proposal, second.Proposal);
        await Header(page, "due-reviews", "Beginn").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Header(page, "due-reviews", "Beginn")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(second.Proposal, first.Proposal);
        await StaffAppFixture.Check(page, "172-wiedervorlagen-sortiert");

        // Only the restrictions to review because of a declared willingness; the period and the order stay.
        await page.GetByLabel("Anlass", new() { Exact = true }).SelectOptionAsync("willing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(page.GetByLabel("Endet innerhalb von")).ToHaveValueAsync("366");
        await Expect(Header(page, "due-reviews", "Beginn")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Order(page, rows, "data-proposal", mine)).Should().Equal(second.Proposal);
        await Expect(page.Locator($"tr[data-proposal='{second.Proposal}']").GetByTestId("review-reason")).ToContainTextAsync("Bereitschaft erklärt");
        await StaffAppFixture.Check(page, "173-wiedervorlagen-anlass");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task The_auditor_sorts_a_posted_search_by_birth_date_both_ways_and_filters_it_by_status_without_the_term_in_the_url()
    {
        var tag = "Sortprobe" + Unique();
        var caseworker = await app.Service.ClientFor("caseworker", "glandorf", $"a.liste-{Unique()}");
        async Task<Guid> Person(string given, int age) =>
            Id(await Send(caseworker, "/api/persons", new
            {
                municipality = "glandorf", givenName = given, familyName = tag, dateOfBirth = D(app.Today.AddYears(-age)),
                confirmedNotDuplicate = true, entitledSince = D(app.Today.AddYears(-2)), fileReference = $"AZ-{tag}-{given}",
            }));
        var anton = await Person("Anton", 40);
        var berta = await Person("Berta", 25);
        var carl = await Person("Carl", 33);
        // Carl is exempt (ill) from today: his status is "befreit", the others are available.
        await Send(caseworker, $"/api/persons/{carl}/exemptions", new { reason = "illness", from = D(app.Today.AddDays(-1)), until = D(app.Today.AddDays(30)) });
        Guid[] mine = [anton, berta, carl];

        var page = await app.SignIn("auditor", "Rita Prüferin", $"rpa-{Unique()}", null);
        await page.GotoAsync("/app/audit");
        await page.GetByLabel("Name oder Aktenzeichen").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(page.GetByTestId("audit-persons").Locator("caption")).ToContainTextAsync("3 Personen zu");
        async Task<List<Guid>> Rows()
        {
            var hrefs = await page.Locator("[data-testid=audit-persons] tbody tr td:first-child a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
            return hrefs.Select(h => Guid.Parse(h!.Split('/').Last())).Where(mine.Contains).ToList();
        }
        (await Rows()).Should().Equal(anton, berta, carl);

        // The header submits the search again: the oldest first (born earliest), then the youngest first.
        await Header(page, "audit-persons", "Geboren").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Header(page, "audit-persons", "Geboren")).ToHaveAttributeAsync("aria-sort", "ascending");
        (await Rows()).Should().Equal(anton, carl, berta);
        await Header(page, "audit-persons", "Geboren").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(Header(page, "audit-persons", "Geboren")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Rows()).Should().Equal(berta, carl, anton);
        await Expect(page.GetByTestId("audit-persons").Locator("caption")).ToContainTextAsync("3 Personen zu");
        page.Url.Should().Contain("sort=dateOfBirth").And.NotContain(tag, "the search term stays posted").And.NotContain("q=");
        await StaffAppFixture.Check(page, "174-pruefung-sortiert");

        // Only the available ones, still the youngest first and still within the search.
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync("available");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(page.GetByTestId("audit-persons").Locator("caption")).ToContainTextAsync("2 Personen zu");
        await Expect(page.GetByTestId("audit-persons").Locator("caption")).ToContainTextAsync("verfügbar");
        await Expect(Header(page, "audit-persons", "Geboren")).ToHaveAttributeAsync("aria-sort", "descending");
        (await Rows()).Should().Equal(berta, anton);
        page.Url.Should().NotContain(tag);
        await StaffAppFixture.Check(page, "175-pruefung-gefiltert");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Unknown_or_hostile_sort_and_status_values_fall_back_to_the_default_order_and_are_not_echoed()
    {
        const string hostile = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        var auditor = await app.SignIn("auditor", "Rita Prüferin", $"rpa-{Unique()}", null);
        foreach (var (url, table, sorted) in new[]
        {
            ($"/app/accidents?status={hostile}&sort={hostile}&dir={hostile}", "open-accidents", "Anzeige fällig am"),
            ($"/app/audit?status={hostile}&sort=-name&dir=sideways", "audit-persons", "Name"),
        })
        {
            var response = await auditor.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            await Expect(Header(auditor, table, sorted)).ToHaveAttributeAsync("aria-sort", "ascending");
            (await auditor.ContentAsync()).Should().NotContain("<script>alert(1)</script>", url);
        }
        await Assertions.Expect(auditor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Prüfung: Personen aller Kommunen");
        await StaffAppFixture.End(auditor);
    }
}
