using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

[Collection(StaffAppCollection.Second)]
public sealed class AuditorJourneyTests(StaffAppFixture app) : Journey
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task An_auditor_finds_a_person_reads_the_history_as_it_stood_before_the_approval_and_sees_the_access_log()
    {
        // Names unlike the login ids: the history must show the name and never the id (contract v3d).
        const string proposerName = "Petra Lange", officialName = "Olga Brandt";
        var c = await ProposedCase.Create(app, "pruefung", proposerName);
        // Recorded instants come from the host's frozen clock: the approval is recorded two seconds after the proposal.
        var beforeApproval = app.Service.Time.GetUtcNow();
        app.Service.Time.Advance(TimeSpan.FromSeconds(2));
        var officialId = $"melle-off-aud-{Guid.NewGuid():N}"[..26];
        var official = await app.Service.ClientFor("official", "melle", officialId, name: officialName);
        var decided = await ProposedCase.Ok(await official.PostAsJsonAsync($"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", startsOn = app.Today.AddDays(1).ToString("yyyy-MM-dd"), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        // Contract v3a: in force once its notice is notified; handed over on the decision day.
        await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(decided["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, app.Today);

        // Hours logged after the approval: the Stand vom before it holds none.
        var worked = app.Today.AddDays(-13);
        await ProposedCase.Ok(await (await app.Service.ClientFor("caseworker", "melle", "melle-cw-aud")).PostAsJsonAsync($"/api/placements/{c.Placement}/hours",
            new { date = worked.ToString("yyyy-MM-dd"), minutes = 150 }));

        var auditor = await app.SignIn("auditor", "Rita Prüferin", $"rpa-{Guid.NewGuid():N}"[..16], null);
        await auditor.GotoAsync("/app/audit");
        await auditor.GetByLabel("Name oder Aktenzeichen").FillAsync(c.FileReference);
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        var link = auditor.GetByRole(AriaRole.Link, new() { Name = $"{c.FamilyName}, {c.GivenName}" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(auditor.Locator("table caption")).ToContainTextAsync("1 Person zu");
        auditor.Url.Should().NotContain(c.FileReference).And.NotContain("q=", "the search is posted: no term in the URL, the history or a proxy's log");
        await StaffAppFixture.Check(auditor, "40-pruefung");

        await link.ClickAsync();
        await Assertions.Expect(auditor.Locator("h1")).ToContainTextAsync(c.FamilyName);
        var timeline = auditor.GetByTestId("timeline");
        var approval = timeline.Locator("li", new() { HasText = "Anspruchseinschränkung nach § 1a Abs. 1 AsylbLG verfügt" });
        await Assertions.Expect(approval).ToContainTextAsync("verfügt von " + officialName);
        await Assertions.Expect(approval).Not.ToContainTextAsync(officialId, new() { UseInnerText = true });
        await Assertions.Expect(approval).ToContainTextAsync("Entscheidung (Amtsleitung), Melle");
        await Assertions.Expect(approval).ToContainTextAsync("Rechtsgrundlage: § 5 Abs. 4 S. 2 i. V. m. § 1a Abs. 1 AsylbLG");
        await Assertions.Expect(approval).ToContainTextAsync(Format(app.Service.Time.GetUtcNow()));
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "vorgeschlagen von " + proposerName })).ToContainTextAsync("Sachbearbeitung Sozialamt");
        (await timeline.InnerTextAsync()).Should().NotContain(c.Proposer, "staff are named, never by login id").And.NotContain(officialId);
        // The raw data only when expanded, under a German name; the entries themselves are German.
        await Assertions.Expect(approval.Locator("pre")).ToBeHiddenAsync();
        await Assertions.Expect(approval.Locator("summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Technische Daten"));
        (await timeline.InnerTextAsync()).Should().NotContain("SanctionDecided", "event names show only inside the collapsed technical data");
        await approval.Locator("summary").ClickAsync();
        await Assertions.Expect(approval.Locator("pre")).ToContainTextAsync(c.Proposal.ToString());
        await Assertions.Expect(auditor.GetByTestId("state-restriction")).ToContainTextAsync("in Kraft");
        // The whole case, not only master data: placements, hours per month, proposals with their restriction.
        await Assertions.Expect(auditor.GetByTestId("state-placements")).ToContainTextAsync("Grünpflege Stadtpark Melle");
        await Assertions.Expect(auditor.GetByTestId("state-placements")).ToContainTextAsync("2:30 Std.");
        await Assertions.Expect(auditor.GetByTestId("state-hours")).ToContainTextAsync(MonthName(worked));
        await Assertions.Expect(auditor.GetByTestId("state-hours")).ToContainTextAsync("2:30 Std.");
        await Assertions.Expect(auditor.GetByTestId("state-proposals")).ToContainTextAsync("bewilligt");
        await StaffAppFixture.Check(auditor, "41-verlauf");

        // Stand vom: a second after the proposal was recorded, before the approval.
        var asOf = TimeZoneInfo.ConvertTime(beforeApproval, Berlin);
        asOf = new DateTimeOffset(asOf.Year, asOf.Month, asOf.Day, asOf.Hour, asOf.Minute, asOf.Second, asOf.Offset).AddSeconds(1);
        // Chromium writes a datetime-local value without ":00" seconds, and Playwright refuses a fill it reads back otherwise.
        var typed = asOf.Second == 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss";
        await auditor.GetByLabel("Stand vom").FillAsync(asOf.ToString(typed, CultureInfo.InvariantCulture));
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Stand anzeigen" }).ClickAsync();
        await Assertions.Expect(auditor.Locator("#stand")).ToContainTextAsync("Stand vom " + asOf.ToString("dd.MM.yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " Uhr");
        await Assertions.Expect(auditor.GetByTestId("state-restriction")).ToHaveTextAsync("keine");
        await Assertions.Expect(auditor.GetByTestId("state-placements")).ToContainTextAsync("Grünpflege Stadtpark Melle");
        await Assertions.Expect(auditor.GetByTestId("state-placements")).ToContainTextAsync("0:00 Std.");
        await Assertions.Expect(auditor.GetByTestId("state-hours")).ToHaveTextAsync("keine Stunden erfasst");
        await Assertions.Expect(auditor.GetByTestId("state-proposals")).ToContainTextAsync("wartet auf Entscheidung");
        await Assertions.Expect(auditor.GetByTestId("state-proposals")).Not.ToContainTextAsync("bewilligt");
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "vorgeschlagen von " + proposerName })).ToHaveCountAsync(1);
        await Assertions.Expect(timeline.Locator("li", new() { HasText = "verfügt von" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(auditor, "42-stand-vom");

        // Both reads are in the access log with the auditor's name, the second with its Stand vom.
        var log = auditor.GetByTestId("access-log");
        await log.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(log.Locator("tbody tr", new() { HasText = "Rita Prüferin" })).ToHaveCountAsync(2);
        await Assertions.Expect(log.Locator("tbody tr", new() { HasText = "Rita Prüferin", HasNotText = "aktuell" })).ToContainTextAsync(Format(asOf));
        await StaffAppFixture.Check(auditor, "43-zugriffe");

        var entries = await ProposedCase.Ok(await (await app.Service.ClientFor("auditor", null, "auditor-assert")).GetAsync($"/api/persons/{c.Person}/access-log"));
        entries.AsArray().Count(e => e!["actor"]?["name"]?.GetValue<string>() == "Rita Prüferin").Should().Be(2);
        await StaffAppFixture.End(auditor);
    }

    private static string MonthName(DateOnly d) =>
        new[] { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember" }[d.Month - 1] + " " + d.Year;

    private static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr";
}
