using System.Globalization;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3b in the staff app: expenses recorded by the office and approved by a second person, and a recovery heard
/// by the caseworker and decided by the official, with its Erstattungsbescheid.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class MoneyProcedureJourneyTests(StaffAppFixture app) : Journey
{
    private const string Glandorf = "glandorf";

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private DateOnly FirstOfMonth(int monthsBack) => new DateOnly(app.Today.Year, app.Today.Month, 1).AddMonths(-monthsBack);

    private async Task<(HttpClient Caseworker, Guid Person, Guid Placement, string FamilyName)> Placed(string family, DateOnly startsOn)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, "c.wagner");
        var caseworker = await app.Service.ClientFor("caseworker", Glandorf, "a.schulz");
        var offer = await Offer(coordinator, Glandorf, "Bauhof Glandorf – Grünpflege", 2, 15, app.Today.AddYears(-1));
        var person = await Person(caseworker, Glandorf, family, app.Today, "AZ-GL-" + Guid.NewGuid().ToString("N")[..12]);
        var placement = await Placement(caseworker, person, offer, startsOn.AddDays(-7), startsOn, 15);
        return (caseworker, person, placement, family);
    }

    [Fact]
    public async Task A_caseworker_records_expenses_with_their_evidence_and_payroll_approves_them_under_four_eyes()
    {
        var previous = FirstOfMonth(1);
        var (_, person, placement, family) = await Placed("Haidari", previous);

        var schulz = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await schulz.GotoAsync($"/app/placements/{placement}");
        await schulz.GetByTestId("placement-expenses").ClickAsync();
        await Expect(schulz.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Mehraufwendungen – Samir {family}");
        await Expect(schulz.GetByLabel("Monat")).ToHaveValueAsync(previous.ToString("yyyy-MM", CultureInfo.InvariantCulture));

        // No amount the API could take: said at the field, what was typed is kept.
        await schulz.GetByLabel("Betrag in Euro").FillAsync("zwölf");
        await schulz.GetByLabel("Wofür").FillAsync("Monatskarte VOS für den Weg zum Bauhof");
        await schulz.GetByLabel("Nachweis").FillAsync("Quittung der Monatskarte vorgelegt");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Mehraufwendungen erfassen" }).ClickAsync();
        await Expect(schulz.Locator("[data-valmsg-for='Input.Amount']")).ToContainTextAsync("Betrag in Euro");
        await Expect(schulz.GetByLabel("Wofür")).ToHaveValueAsync("Monatskarte VOS für den Weg zum Bauhof");

        await schulz.GetByLabel("Betrag in Euro").FillAsync("49,90");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Mehraufwendungen erfassen" }).ClickAsync();
        await Expect(schulz.Locator(".flash")).ToContainTextAsync("49,90");
        var row = schulz.GetByTestId("expense-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("zu entscheiden");
        await Expect(row).ToContainTextAsync("Quittung der Monatskarte vorgelegt");
        await StaffAppFixture.Check(schulz, "66-mehraufwendungen");

        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var stored = (await Get(auditor, $"/api/expenses?personId={person}")).AsArray().Single()!;
        stored["amountCents"]!.GetValue<long>().Should().Be(4990);
        stored["status"]!.GetValue<string>().Should().Be("pending");
        stored["recordedBy"]!.GetValue<string>().Should().Be("a.schulz");
        var expenseId = Id(stored);

        // Payroll finds it among the pending ones and approves it with a reason.
        var schmidt = await app.SignIn("payroll", "Klaus Schmidt", "k.schmidt", null);
        await schmidt.GetByRole(AriaRole.Link, new() { Name = "Mehraufwendungen" }).ClickAsync();
        var pending = schmidt.GetByTestId("expense-row").Filter(new() { HasText = person.ToString() });
        await Expect(pending).ToContainTextAsync("49,90 €");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Expect(pending.Locator("[data-valmsg-for='Input.Approved']")).ToContainTextAsync("anerkennen oder ablehnen");
        await pending.GetByLabel("anerkennen").CheckAsync();
        await pending.GetByLabel("Begründung").FillAsync("Monatskarte für den Arbeitsweg notwendig, Beleg geprüft");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Expect(schmidt.Locator(".flash")).ToContainTextAsync("anerkannt");
        await Expect(schmidt.GetByTestId("expense-row").Filter(new() { HasText = person.ToString() })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(schmidt);

        var decided = await Get(auditor, $"/api/expenses/{expenseId}");
        decided["status"]!.GetValue<string>().Should().Be("approved");
        decided["decidedBy"]!.GetValue<string>().Should().Be("k.schmidt");

        await schulz.ReloadAsync();
        await Expect(schulz.GetByTestId("expense-row")).ToContainTextAsync("anerkannt");

        await StaffAppFixture.End(schulz);
        await StaffAppFixture.End(schmidt);
    }

    [Fact]
    public async Task A_recovery_is_heard_by_the_caseworker_and_decided_by_the_official_who_gets_the_Erstattungsbescheid()
    {
        // Month -3: the payroll journeys run months -1 and -2 for the whole district.
        var first = FirstOfMonth(3);
        var (caseworker, person, placement, family) = await Placed("Sultani", first);
        var entry = (await Send(caseworker, $"/api/placements/{placement}/hours", new { date = D(first.AddDays(2)), minutes = 120 }))["entryId"]!.GetValue<string>();
        var meyer = await app.Service.ClientFor("payroll", null, "p.meyer");
        var schmidt = await app.Service.ClientFor("payroll", null, "k.schmidt");
        var run = Id(await Send(meyer, "/api/payout-runs", new { month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture) }));
        await Send(schmidt, $"/api/payout-runs/{run}/release", new { });
        await Send(caseworker, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 60, reason = "Träger: nur eine Stunde gearbeitet" });
        var auditor = await app.Service.ClientFor("auditor", null, "rp-auditor");
        var recovery = (await Get(auditor, $"/api/recoveries?personId={person}")).AsArray().Single()!;
        var owed = recovery["amountCents"]!.GetValue<long>();
        owed.Should().BePositive();

        var schulz = await app.SignIn("caseworker", "Anna Schulz", "a.schulz", Glandorf);
        await schulz.GetByRole(AriaRole.Link, new() { Name = "Rückforderungen" }).ClickAsync();
        await schulz.GetByLabel("Stand").SelectOptionAsync("open");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await schulz.GetByTestId("recovery-row").Filter(new() { HasText = family }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(schulz.GetByTestId("recovery-amount")).ToHaveTextAsync(Euro(owed));
        await Expect(schulz.GetByTestId("recovery-status")).ToHaveTextAsync("offen: Anhörung nötig");
        await Expect(schulz.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" })).ToHaveCountAsync(0);

        // The statement is required: the notice must not say the person kept silent when nobody wrote it down.
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Anhörung erfassen" }).ClickAsync();
        await Expect(schulz.Locator("[data-valmsg-for='Hearing.Statement']")).ToContainTextAsync("Äußerung");
        await schulz.GetByLabel("Äußerung der Person").FillAsync("Sie habe das Geld für Lebensmittel ausgegeben.");
        await schulz.GetByRole(AriaRole.Button, new() { Name = "Anhörung erfassen" }).ClickAsync();
        await Expect(schulz.Locator(".flash")).ToContainTextAsync("Anhörung ist erfasst");
        await Expect(schulz.GetByTestId("recovery-status")).ToHaveTextAsync("angehört: Entscheidung nötig");
        await StaffAppFixture.Check(schulz, "67-rueckforderung");

        var lange = await app.SignIn("official", "Petra Lange", "p.lange", Glandorf);
        await lange.GotoAsync($"/app/recoveries/{Id(recovery)}");
        await lange.GetByLabel("zurückfordern (Erstattungsbescheid)").CheckAsync();
        await lange.GetByLabel("Begründung").FillAsync("Die Überzahlung beruht auf einer Berichtigung der Stunden; Vertrauensschutz greift nicht, weil die Person die Stunden kannte.");
        await lange.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Expect(lange.Locator(".flash")).ToContainTextAsync("Erstattungsbescheid ist erstellt");
        await Expect(lange.GetByTestId("recovery-status")).ToHaveTextAsync("Erstattungsbescheid erlassen, noch nicht bestandskräftig");
        await Expect(lange.GetByTestId("recovery-notice")).ToBeVisibleAsync();
        await StaffAppFixture.Check(lange);

        var decided = await Get(auditor, $"/api/recoveries/{Id(recovery)}");
        decided["status"]!.GetValue<string>().Should().Be("decided");
        var notice = await Get(auditor, $"/api/notices/{decided["noticeId"]!.GetValue<string>()}");
        notice["kind"]!.GetValue<string>().Should().Be("erstattungsbescheid");

        await lange.GetByTestId("recovery-notice").ClickAsync();
        await Expect(lange.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Erstattungsbescheid");

        await StaffAppFixture.End(schulz);
        await StaffAppFixture.End(lange);
    }
}
