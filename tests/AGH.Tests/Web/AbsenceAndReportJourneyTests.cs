using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3c in the staff app (issue 19): the providers' absence reports and accidents in the caseworker's inbox and
/// their next steps, the coordinator's open accidents, and the district's report with its chart and downloads.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class AbsenceAndReportJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";
    private const string Insurer = "Unfallkasse Niedersachsen";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static string Day(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A placement (begun ten days ago, its notice handed over twenty days ago) on an offer of a provider with its insurer.</summary>
    private async Task<(HttpClient Caseworker, HttpClient Provider, Guid Person, Guid Placement, string Family, string FileReference, string ProviderName)> ProviderPlacement(string family)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var providerId = $"tafel-{tag}";
        var providerName = $"Tafel Glandorf e. V. {tag}";
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = Id(await Send(coordinator, "/api/offers", new
        {
            providerType = "nonprofit",
            providerName,
            municipality = Glandorf,
            title = $"Lebensmittelausgabe {tag}",
            activity = "Sortieren und Ausgeben von Lebensmitteln",
            places = 3,
            hoursPerWeek = 15,
            startsOn = D(app.Today.AddYears(-1)),
            reportTo = "Tafel, Thieplatz 2, 49219 Glandorf",
            servesPublicBenefit = true,
            providerId,
            accidentInsurer = Insurer,
        }));
        var fileReference = "AZ-GL-" + tag;
        var person = await Person(caseworker, Glandorf, family, app.Today, fileReference);
        var placement = await Placement(caseworker, person, offer, app.Today.AddDays(-20), app.Today.AddDays(-10), 15);
        return (caseworker, await app.Service.ClientFor("provider", null, "p-" + providerId, provider: providerId), person, placement, family, fileReference, providerName);
    }

    private static async Task<Guid> Absence(HttpClient provider, Guid placement, DateOnly date, string kind, string note) =>
        Id(await Send(provider, $"/api/placements/{placement}/absence-reports", new { date = D(date), kind, note }));

    [Fact]
    public async Task A_caseworker_records_one_providers_absence_report_as_a_refusal_dismisses_another_with_a_reason_and_is_offered_the_illness_exemption_for_a_sick_report()
    {
        var (_, provider, person, placement, family, fileReference, providerName) = await ProviderPlacement("Yousefi");
        var noShow = await Absence(provider, placement, app.Today.AddDays(-3), "no-show", "Nicht erschienen, nicht abgemeldet");
        var excused = await Absence(provider, placement, app.Today.AddDays(-2), "explicit", "Wollte heute nicht sortieren");
        var sick = await Absence(provider, placement, app.Today.AddDays(-1), "reported-sick", "Hat morgens angerufen: krank");

        var schulz = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await schulz.GetByRole(AriaRole.Link, new() { Name = "Posteingang" }).ClickAsync();
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Name = "Offene Abwesenheitsmeldungen" })).ToBeVisibleAsync();
        var reports = schulz.GetByTestId("open-absence-reports");
        var first = reports.Locator($"tr[data-absence-report='{noShow}']");
        await Expect(first).ToContainTextAsync($"{family}, Samir ({fileReference})");
        await Expect(first).ToContainTextAsync("nicht erschienen");
        await Expect(first).ToContainTextAsync(Day(app.Today.AddDays(-3)));
        await Expect(first).ToContainTextAsync(providerName);
        await Expect(reports.Locator($"tr[data-absence-report='{sick}']")).ToContainTextAsync("krank gemeldet");
        // Oldest absence first.
        var ours = await reports.Locator("tr[data-absence-report]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.absenceReport)");
        ours.Where(id => id == noShow.ToString() || id == excused.ToString() || id == sick.ToString())
            .Should().Equal(noShow.ToString(), excused.ToString(), sick.ToString());
        await StaffAppFixture.Check(schulz, "100-posteingang-abwesenheit");

        // The refusal: no option preselected, a choice is required, then confirmed once more.
        await first.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten" }).ClickAsync();
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Abwesenheitsmeldung – {family}, Samir");
        await Expect(schulz.GetByLabel("Als Weigerung erfassen")).Not.ToBeCheckedAsync();
        await Expect(schulz.GetByLabel("Verwerfen (keine Weigerung)")).Not.ToBeCheckedAsync();
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Expect(schulz.Locator("[data-valmsg-for='Input.Step']")).ToContainTextAsync("Bitte wählen");
        await schulz.GetByLabel("Als Weigerung erfassen").CheckAsync();
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Expect(schulz.GetByTestId("absence-confirmation")).ToContainTextAsync("als Weigerung erfasst");
        await StaffAppFixture.Check(schulz, "101-abwesenheit-bestaetigen");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Verbindlich als Weigerung erfassen" }).ClickAsync();
        await schulz.WaitForURLAsync($"**/app/placements/{placement}/refusals/*");
        await Expect(schulz.Locator(".flash")).ToContainTextAsync("als Weigerung erfasst");
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Weigerung vom {Day(app.Today.AddDays(-3))}");
        var refusalId = schulz.Url.Split('/').Last();

        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var recorded = await Get(auditor, $"/api/absence-reports/{noShow}");
        recorded["status"]!.GetValue<string>().Should().Be("recorded");
        recorded["refusalId"]!.GetValue<string>().Should().Be(refusalId, "the page the caseworker landed on is the refusal recorded from the report");
        recorded["closedBy"]!.GetValue<string>().Should().Be("a.schulz");

        // The dismissal needs a reason; the choice is kept when it is missing.
        await schulz.GotoAsync($"/app/absence-reports/{excused}");
        await schulz.GetByLabel("Verwerfen (keine Weigerung)").CheckAsync();
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Expect(schulz.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Grund");
        await Expect(schulz.GetByLabel("Verwerfen (keine Weigerung)")).ToBeCheckedAsync();
        await schulz.GetByLabel("Grund für das Verwerfen").FillAsync("Rechtzeitig beim Träger entschuldigt (Termin bei der Ausländerbehörde)");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Expect(schulz.GetByTestId("absence-confirm-reason")).ToHaveTextAsync("Rechtzeitig beim Träger entschuldigt (Termin bei der Ausländerbehörde)");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Verbindlich verwerfen" }).ClickAsync();
        await Expect(schulz.Locator(".flash")).ToContainTextAsync("verworfen");
        await Expect(schulz.GetByTestId("absence-status")).ToHaveTextAsync("erledigt ohne Weigerung");
        await Expect(schulz.GetByTestId("absence-dismissal-reason")).ToContainTextAsync("Ausländerbehörde");
        await Expect(schulz.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(schulz, "102-abwesenheit-verworfen");
        var dismissed = await Get(auditor, $"/api/absence-reports/{excused}");
        dismissed["status"]!.GetValue<string>().Should().Be("dismissed");
        dismissed["dismissalReason"]!.GetValue<string>().Should().Be("Rechtzeitig beim Träger entschuldigt (Termin bei der Ausländerbehörde)");
        dismissed["refusalId"].Should().BeNull();

        // A sick report is no refusal (legal corrections): the page offers the person's illness exemption instead.
        await schulz.GotoAsync($"/app/absence-reports/{sick}");
        await Expect(schulz.GetByTestId("sick-report")).ToContainTextAsync("keine Weigerung");
        await Expect(schulz.GetByLabel("Als Weigerung erfassen")).ToHaveCountAsync(0);
        await StaffAppFixture.Check(schulz, "103-krankmeldung");
        await schulz.GetByRole(AriaRole.Link, new() { Name = "Befreiung wegen Krankheit erfassen" }).ClickAsync();
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Befreiung erfassen für Samir {family}");
        await Expect(schulz.GetByLabel("Grund", new() { Exact = true })).ToHaveValueAsync("Illness");
        await Expect(schulz.GetByLabel("Von", new() { Exact = true })).ToHaveValueAsync(D(app.Today.AddDays(-1)));

        await schulz.GotoAsync("/app/inbox");
        await Expect(reports.Locator($"tr[data-absence-report='{noShow}']")).ToHaveCountAsync(0);
        await Expect(reports.Locator($"tr[data-absence-report='{excused}']")).ToHaveCountAsync(0);
        await Expect(reports.Locator($"tr[data-absence-report='{sick}']")).ToHaveCountAsync(1);
        (await Get(auditor, $"/api/persons/{person}"))["exemptions"]!.AsArray().Should().BeEmpty("following the link records nothing by itself");
        await StaffAppFixture.End(schulz);
    }

    [Fact]
    public async Task A_caseworker_records_the_report_to_the_insurer_and_a_later_incapacity_and_the_coordinator_reads_the_open_accidents_without_persons()
    {
        var (_, provider, _, placement, family, fileReference, providerName) = await ProviderPlacement("Sharifi");
        var serious = Id(await Send(provider, $"/api/placements/{placement}/accidents",
            new { on = D(app.Today.AddDays(-1)), description = "Beim Tragen einer Kiste umgeknickt", incapacityDays = 5 }));
        var minor = Id(await Send(provider, $"/api/placements/{placement}/accidents",
            new { on = D(app.Today), description = "Am Karton geschnitten, Pflaster" }));

        var schulz = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await schulz.GotoAsync("/app/inbox");
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Name = "Offene Unfallmeldungen" })).ToBeVisibleAsync();
        var accidents = schulz.GetByTestId("open-accidents");
        var row = accidents.Locator($"tr[data-accident='{serious}']");
        await Expect(row).ToContainTextAsync($"{family}, Samir ({fileReference})");
        await Expect(row).ToContainTextAsync(Insurer);
        await Expect(row).ToContainTextAsync(providerName);
        await Expect(row).ToContainTextAsync(Day(app.Today.AddDays(3)));
        await Expect(row).Not.ToContainTextAsync("überfällig");
        await Expect(accidents.Locator($"tr[data-accident='{minor}']")).ToHaveCountAsync(0);

        await row.GetByRole(AriaRole.Link, new() { Name = "Ansehen" }).ClickAsync();
        await Expect(schulz.GetByTestId("accident-status")).ToHaveTextAsync("Unfallanzeige fällig");
        await Expect(schulz.GetByTestId("accident-insurer")).ToHaveTextAsync(Insurer);
        var reportedOn = schulz.GetByLabel("Meldung an den Unfallversicherungsträger erfasst am");
        await reportedOn.FillAsync(D(app.Today.AddDays(1)));
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Meldung erfassen" }).ClickAsync();
        await Expect(schulz.Locator("[data-valmsg-for='Report.ReportedOn']")).ToContainTextAsync("nicht in der Zukunft");
        await Expect(reportedOn).ToHaveValueAsync(D(app.Today.AddDays(1)));
        await reportedOn.FillAsync(D(app.Today));
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Meldung erfassen" }).ClickAsync();
        await Expect(schulz.Locator(".flash")).ToContainTextAsync($"am {Day(app.Today)} ist erfasst");
        await Expect(schulz.GetByTestId("accident-status")).ToHaveTextAsync("angezeigt");
        await Expect(schulz.GetByTestId("accident-reported")).ToContainTextAsync(Day(app.Today));
        await Expect(schulz.GetByRole(AriaRole.Button, new() { Name = "Meldung erfassen" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(schulz, "104-unfall-gemeldet");

        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var reported = await Get(auditor, $"/api/accidents/{serious}");
        reported["status"]!.GetValue<string>().Should().Be("reported");
        reported["reportedOn"]!.GetValue<string>().Should().Be(D(app.Today));

        // The minor one turns out to keep the person off work for four days: it becomes reportable.
        await schulz.GotoAsync($"/app/accidents/{minor}");
        await Expect(schulz.GetByTestId("accident-status")).ToHaveTextAsync("nicht anzeigepflichtig");
        await schulz.GetByLabel("Tage der Arbeitsunfähigkeit").FillAsync("4");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Arbeitsunfähigkeit erfassen" }).ClickAsync();
        await Expect(schulz.Locator(".flash")).ToContainTextAsync("anzeigepflichtig");
        await Expect(schulz.GetByTestId("accident-status")).ToHaveTextAsync("Unfallanzeige fällig");
        await Expect(schulz.GetByTestId("accident-incapacity")).ToHaveTextAsync("4");
        (await Get(auditor, $"/api/accidents/{minor}"))["status"]!.GetValue<string>().Should().Be("open");
        await StaffAppFixture.End(schulz);

        // The coordinator reads accidents, not persons, and records nothing.
        var wagner = await app.SignIn("coordinator", "Christian Wagner", "c.wagner", null);
        await wagner.GetByRole(AriaRole.Link, new() { Name = "Unfallmeldungen", Exact = true }).ClickAsync();
        var open = wagner.GetByTestId("open-accidents");
        await Expect(open.Locator($"tr[data-accident='{minor}']")).ToContainTextAsync(Insurer);
        await Expect(open.Locator($"tr[data-accident='{serious}']")).ToHaveCountAsync(0);
        await Expect(open).Not.ToContainTextAsync(family);
        await StaffAppFixture.Check(wagner, "105-unfallmeldungen-koordination");
        await open.Locator($"tr[data-accident='{minor}']").GetByRole(AriaRole.Link, new() { Name = "Ansehen" }).ClickAsync();
        await Expect(wagner.GetByTestId("accident-status")).ToHaveTextAsync("Unfallanzeige fällig");
        await Expect(wagner.GetByRole(AriaRole.Button)).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await Expect(wagner.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToHaveCountAsync(1);
        await Expect(wagner.Locator("main")).Not.ToContainTextAsync(family);
        await StaffAppFixture.End(wagner);
    }

    [Fact]
    public async Task The_coordinator_reads_the_district_report_with_its_chart_against_the_targets_and_downloads_it_as_CSV_and_PDF()
    {
        var german = new CultureInfo("de-DE");
        var thisMonth = new DateOnly(app.Today.Year, app.Today.Month, 1);
        string Value(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = Value(thisMonth.AddMonths(-2));
        var to = Value(thisMonth);

        var wagner = await app.SignIn("coordinator", "Christian Wagner", "c.wagner", null);
        await wagner.GetByRole(AriaRole.Link, new() { Name = "Bericht", Exact = true }).ClickAsync();
        await Expect(wagner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bericht an den Ausschuss: Arbeitsgelegenheiten");
        // Months are offered in words ("November 2026").
        await Expect(wagner.GetByLabel("Bis (Monat)").Locator("option:checked")).ToHaveTextAsync(thisMonth.ToString("MMMM yyyy", german));

        // A range the wrong way round is said at the field; nothing is asked of the API.
        await wagner.GetByLabel("Von (Monat)").SelectOptionAsync(to);
        await wagner.GetByLabel("Bis (Monat)").SelectOptionAsync(from);
        await wagner.GetByRole(AriaRole.Button, new() { Name = "Bericht anzeigen" }).ClickAsync();
        await Expect(wagner.Locator("[data-valmsg-for='To']")).ToContainTextAsync("nicht vor dem ersten");
        await Expect(wagner.GetByTestId("report-chart")).ToHaveCountAsync(0);

        await wagner.GetByLabel("Von (Monat)").SelectOptionAsync(from);
        await wagner.GetByLabel("Bis (Monat)").SelectOptionAsync(to);
        await wagner.GetByRole(AriaRole.Button, new() { Name = "Bericht anzeigen" }).ClickAsync();
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var report = await Get(coordinator, $"/api/reports/placements?from={from}&to={to}");
        var quota = await Get(coordinator, "/api/quota");
        var places = report["totals"]!["placesOffered"]!;
        var total = places["municipality"]!.GetValue<int>() + places["district"]!.GetValue<int>() + places["nonprofit"]!.GetValue<int>();
        var target = quota["target"]!["total"]!.GetValue<int>();

        var chart = wagner.GetByTestId("report-chart").Locator("svg[role='img']");
        await Expect(chart).ToHaveCountAsync(1);
        await Expect(chart.Locator("title")).ToContainTextAsync("gegen die Zielwerte");
        await Expect(chart.Locator("desc")).ToContainTextAsync($"Insgesamt: {total} von {target} Plätzen");
        var totals = wagner.GetByTestId("report-targets").Locator("tr", new() { HasText = "Insgesamt" });
        await Expect(totals).ToContainTextAsync(total.ToString(CultureInfo.InvariantCulture));
        await Expect(totals).ToContainTextAsync(target.ToString(CultureInfo.InvariantCulture));
        var months = wagner.GetByTestId("report-months");
        await Expect(months.Locator("tbody tr")).ToHaveCountAsync(4, new() { Timeout = 5_000 });
        await Expect(months.Locator("tbody tr").First).ToContainTextAsync(thisMonth.AddMonths(-2).ToString("MMMM yyyy", german));
        await Expect(months.Locator("tbody tr").Last).ToContainTextAsync("Gesamt");
        await Expect(wagner.GetByTestId("report-municipalities").Locator("tbody tr")).ToHaveCountAsync(21);
        await StaffAppFixture.Check(wagner, "106-bericht");

        var csv = await wagner.RunAndWaitForDownloadAsync(() => wagner.GetByTestId("report-csv").ClickAsync());
        csv.SuggestedFilename.Should().Be($"bericht-arbeitsgelegenheiten-{from}-{to}.csv");
        var csvBytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        csvBytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "the API's CSV is relayed unchanged, BOM included");
        Encoding.UTF8.GetString(csvBytes, 3, csvBytes.Length - 3).Should().StartWith("month;municipality;");
        var pdf = await wagner.RunAndWaitForDownloadAsync(() => wagner.GetByTestId("report-pdf").ClickAsync());
        pdf.SuggestedFilename.Should().Be($"bericht-arbeitsgelegenheiten-{from}-{to}.pdf");
        (await File.ReadAllBytesAsync((await pdf.PathAsync())!)).Take(5).Should().Equal(Encoding.ASCII.GetBytes("%PDF-"));

        // The content types, as the browser gets them.
        var csvResponse = await wagner.APIRequest.GetAsync((await wagner.GetByTestId("report-csv").GetAttributeAsync("href"))!);
        csvResponse.Headers["content-type"].Should().StartWith("text/csv");
        var pdfResponse = await wagner.APIRequest.GetAsync((await wagner.GetByTestId("report-pdf").GetAttributeAsync("href"))!);
        pdfResponse.Headers["content-type"].Should().Be("application/pdf");
        pdfResponse.Headers["content-disposition"].Should().StartWith("attachment");
        await StaffAppFixture.End(wagner);

        // An official reads the report of the own municipality; the quota (the targets) is not theirs to read.
        var lange = await app.SignIn("official", "Petra Lange", "p.lange", Glandorf);
        await lange.GetByRole(AriaRole.Link, new() { Name = "Bericht", Exact = true }).ClickAsync();
        await Expect(lange.GetByTestId("report-municipalities").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(lange.GetByTestId("report-municipalities")).ToContainTextAsync("Glandorf");
        await Expect(lange.GetByTestId("report-chart").Locator("svg title")).Not.ToContainTextAsync("Zielwerte");
        await Expect(lange.GetByTestId("report-targets").Locator("tr", new() { HasText = "Insgesamt" })).ToContainTextAsync("–");
        await StaffAppFixture.End(lange);
    }
}
