using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3a in the staff app: the Widerspruch against the Heranziehungsbescheid (suspensive effect, immediate
/// enforcement, decision, Klage), the suspension of a restriction and the review on application (§ 44 SGB X).
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class ObjectionJourneyTests(StaffAppFixture app) : Journey
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string German(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    private static string Official() => $"melle-off-{Guid.NewGuid():N}"[..24];

    /// <summary>The proposal approved by an official (not the proposer) and its notice handed over today: the restriction is in force.</summary>
    private async Task<(ProposedCase Case, string Approver)> InForce(string tag)
    {
        var c = await ProposedCase.Create(app, tag);
        var approver = Official();
        var client = await app.Service.ClientFor("official", "melle", approver);
        var decided = await ProposedCase.Ok(await client.PostAsJsonAsync($"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "Fernbleiben ohne wichtigen Grund", startsOn = Iso(app.Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(decided["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, app.Today);
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        return (c, approver);
    }

    private async Task<JsonNode> Placement(Guid id) =>
        await WebApi.Get(await app.Service.ClientFor("auditor", null, "auditor-objection"), $"/api/placements/{id}");

    private async Task<JsonArray> Notices(Guid personId) =>
        (await WebApi.Get(await app.Service.ClientFor("auditor", null, "auditor-objection"), $"/api/notices?personId={personId}")).AsArray();

    [Fact]
    public async Task A_caseworker_records_the_objection_against_the_assignment_and_an_official_enforces_it_and_upholds_it()
    {
        var (c, _) = await InForce("widerspruch");

        // The caseworker records the Widerspruch: first dated before the notice existed, which the API refuses.
        var caseworker = await app.SignIn("caseworker", "Lena Sozialamt", $"melle-cw-w-{Guid.NewGuid():N}"[..24], "melle");
        await caseworker.GotoAsync($"/app/placements/{c.Placement}");
        await Assertions.Expect(caseworker.GetByTestId("placement-objection-status")).ToHaveTextAsync("kein Widerspruch");
        await caseworker.GetByTestId("placement-objection-link").ClickAsync();
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Widerspruch gegen den Heranziehungsbescheid");
        await caseworker.GetByLabel("Widerspruch eingegangen am").FillAsync(Iso(app.Today.AddDays(-25)));
        await caseworker.GetByLabel("Inhalt des Widerspruchs").FillAsync("Die Arbeit ist mir wegen der Kinderbetreuung nicht zumutbar.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Widerspruch erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("[data-valmsg-for='Record.ReceivedOn']")).ToContainTextAsync("nicht vor dem Tag");
        await Assertions.Expect(caseworker.GetByLabel("Widerspruch eingegangen am")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(caseworker.GetByLabel("Inhalt des Widerspruchs")).ToHaveValueAsync("Die Arbeit ist mir wegen der Kinderbetreuung nicht zumutbar.");
        await StaffAppFixture.Check(caseworker, "85-widerspruch-heranziehung-fehler");
        (await Placement(c.Placement))["objection"].Should().BeNull("a refused objection stores nothing");

        await caseworker.GetByLabel("Widerspruch eingegangen am").FillAsync(Iso(app.Today));
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Widerspruch erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".flash")).ToContainTextAsync("Widerspruch gegen den Heranziehungsbescheid ist erfasst");
        await Assertions.Expect(caseworker.GetByTestId("placement-objection-status")).ToHaveTextAsync("offen (aufschiebende Wirkung)");
        await Assertions.Expect(caseworker.GetByTestId("duty-suspended")).ToHaveTextAsync("Pflicht ausgesetzt");
        var words = caseworker.GetByTestId("placement-objection-words");
        await Assertions.Expect(words).ToContainTextAsync("aufschiebende Wirkung (§ 86a Abs. 1 SGG)");
        await Assertions.Expect(words).ToContainTextAsync("keine Weigerung aus dieser Zeit kann zu einer Anspruchseinschränkung führen");
        await Assertions.Expect(words).ToContainTextAsync($"Widerspruch eingegangen am {German(app.Today)} – innerhalb der Widerspruchsfrist");
        // Immediate enforcement and the decision are the official's (contract roles).
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "Sofortige Vollziehung anordnen" })).ToHaveCountAsync(0);
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(caseworker, "86-widerspruch-heranziehung");
        // This Heranziehungsbescheid was served outside the service (noticeServedOn): listed, with no PDF of ours.
        var assignment = caseworker.Locator("tr[data-notice='Heranziehungsbescheid']");
        await Assertions.Expect(assignment).ToContainTextAsync("außerhalb des Dienstes zugestellt");
        await Assertions.Expect(assignment.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var filed = (await Placement(c.Placement))["objection"]!;
        filed["status"]!.GetValue<string>().Should().Be("pending");
        filed["timely"]!.GetValue<bool>().Should().BeTrue();
        filed["receivedOn"]!.GetValue<string>().Should().Be(Iso(app.Today));

        // The placement page says the same in words.
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Zurück zur Arbeitsgelegenheit" }).ClickAsync();
        await Assertions.Expect(caseworker.GetByTestId("placement-objection-status")).ToHaveTextAsync("offen (aufschiebende Wirkung)");
        await Assertions.Expect(caseworker.GetByTestId("placement-objection-words")).ToContainTextAsync("Die Pflicht zur Arbeit ist ausgesetzt");
        await StaffAppFixture.End(caseworker);

        // An official orders immediate enforcement: reasons too short first (the API wants written reasons).
        var official = await app.SignIn("official", "Dr. Jonas Amt", Official(), "melle");
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await official.GetByLabel("Begründung des besonderen Interesses").FillAsync("Eilt.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Sofortige Vollziehung anordnen" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich anordnen" }).ClickAsync();
        await Assertions.Expect(official.Locator("[data-valmsg-for='Enforce.Reasoning']")).ToContainTextAsync("mindestens 20 Zeichen");
        await Assertions.Expect(official.GetByLabel("Begründung des besonderen Interesses")).ToHaveValueAsync("Eilt.");
        (await Notices(c.Person)).Should().NotContain(n => n!["kind"]!.GetValue<string>() == "anordnung-sofortige-vollziehung");

        const string reasons = "Der Platz ist nur bis Monatsende frei; die Heranziehung ist offensichtlich rechtmäßig.";
        await official.GetByLabel("Begründung des besonderen Interesses").FillAsync(reasons);
        await official.GetByRole(AriaRole.Button, new() { Name = "Sofortige Vollziehung anordnen" }).ClickAsync();
        // The order is a notice of its own: first the summary, nothing stored yet.
        var summary = official.GetByTestId("confirm-summary");
        await Assertions.Expect(official.GetByTestId("confirm-step")).ToContainTextAsync("Noch ist nichts gespeichert");
        await Assertions.Expect(summary).ToContainTextAsync(c.FileReference);
        await Assertions.Expect(summary).ToContainTextAsync("sofortige Vollziehung des Heranziehungsbescheids");
        await Assertions.Expect(summary).ToContainTextAsync(reasons);
        await Assertions.Expect(summary).ToContainTextAsync("erscheint im Bescheid");
        (await Notices(c.Person)).Should().NotContain(n => n!["kind"]!.GetValue<string>() == "anordnung-sofortige-vollziehung", "nothing is stored before the confirmation");
        // Zurück: the form again with the reasons typed, still nothing stored.
        await official.GetByRole(AriaRole.Button, new() { Name = "Zurück" }).ClickAsync();
        await Assertions.Expect(official.GetByLabel("Begründung des besonderen Interesses")).ToHaveValueAsync(reasons);
        (await Notices(c.Person)).Should().NotContain(n => n!["kind"]!.GetValue<string>() == "anordnung-sofortige-vollziehung");
        await official.GetByRole(AriaRole.Button, new() { Name = "Sofortige Vollziehung anordnen" }).ClickAsync();
        await StaffAppFixture.Check(official, "202-sofortige-vollziehung-pruefen");
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich anordnen" }).ClickAsync();
        await Assertions.Expect(official.Locator(".flash")).ToContainTextAsync("Die sofortige Vollziehung ist angeordnet");
        await Assertions.Expect(official.GetByTestId("enforced")).ToHaveTextAsync("sofortige Vollziehung angeordnet");
        await Assertions.Expect(official.GetByTestId("duty-suspended")).ToHaveCountAsync(0);
        await Assertions.Expect(official.GetByTestId("placement-objection-words")).ToContainTextAsync("noch nicht bekannt gegeben");
        var enforcementRow = official.Locator("tr[data-notice='AnordnungSofortigeVollziehung']");
        await Assertions.Expect(enforcementRow).ToContainTextAsync("Anordnung der sofortigen Vollziehung");
        await StaffAppFixture.Check(official, "87-sofortige-vollziehung");
        var enforcement = (await Notices(c.Person)).Single(n => n!["kind"]!.GetValue<string>() == "anordnung-sofortige-vollziehung")!;
        enforcement["subjectId"]!.GetValue<string>().Should().Be(c.Placement.ToString());
        await Assertions.Expect(enforcementRow).ToContainTextAsync(enforcement["id"]!.GetValue<string>());
        // The API does not render this kind as PDF yet (409 notice-not-renderable): the page names the notice instead of a dead link.
        await Assertions.Expect(enforcementRow.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Assertions.Expect(enforcementRow).ToContainTextAsync("als PDF noch nicht verfügbar");

        // The official upholds the objection: the placement ends, the restriction on its refusal is withdrawn.
        await official.GetByLabel("Stattgeben").CheckAsync();
        await official.GetByLabel("Begründung der Widerspruchsentscheidung").FillAsync("Die Kinderbetreuung war bei der Heranziehung nicht berücksichtigt.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich entscheiden" }).ClickAsync();
        await Assertions.Expect(official.Locator(".flash")).ToContainTextAsync("Dem Widerspruch ist stattgegeben");
        await Assertions.Expect(official.GetByTestId("placement-objection-status")).ToHaveTextAsync("stattgegeben");
        words = official.GetByTestId("placement-objection-words");
        await Assertions.Expect(words).ToContainTextAsync("der Heranziehungsbescheid ist aufgehoben");
        await Assertions.Expect(words).ToContainTextAsync("die einbehaltenen Leistungen werden nachgezahlt");
        await Assertions.Expect(official.Locator("tr[data-notice='Abhilfebescheid']")).ToContainTextAsync("Abhilfebescheid");
        await Assertions.Expect(official.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(official, "88-widerspruch-stattgegeben");

        var upheld = await Placement(c.Placement);
        upheld["objection"]!["status"]!.GetValue<string>().Should().Be("upheld");
        upheld["status"]!.GetValue<string>().Should().Be("ended");
        upheld["endReason"]!.GetValue<string>().Should().Be("objection-upheld");
        var restriction = (await ProposedCase.Read(app, c.Proposal))["restriction"]!;
        restriction["status"]!.GetValue<string>().Should().Be("withdrawn");
        restriction["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();

        await official.GetByRole(AriaRole.Link, new() { Name = "Zurück zur Arbeitsgelegenheit" }).ClickAsync();
        await Assertions.Expect(official.GetByTestId("placement-status")).ToHaveTextAsync("beendet");
        await Assertions.Expect(official.Locator("main")).ToContainTextAsync("Heranziehungsbescheid aufgehoben (Widerspruch oder Klage)");
        await StaffAppFixture.End(official);
    }

    [Fact]
    public async Task An_official_dismisses_the_objection_against_the_assignment_and_the_caseworker_records_the_lawsuit_and_its_end()
    {
        var c = await ProposedCase.Create(app, "klage");
        var caseworker = await app.Service.ClientFor("caseworker", "melle", c.Proposer);
        await WebApi.Send(caseworker, $"/api/placements/{c.Placement}/objection", new { receivedOn = Iso(app.Today), statement = "Unzumutbar." });

        var official = await app.SignIn("official", "Maria Widerspruch", Official(), "melle");
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await official.GetByLabel("Zurückweisen").CheckAsync();
        await official.GetByLabel("Kosten des Widerspruchsverfahrens").SelectOptionAsync(new SelectOptionValue { Label = "keine Kostenerstattung" });
        await official.GetByLabel("Begründung der Widerspruchsentscheidung").FillAsync("Die Tätigkeit ist zumutbar; Betreuung ist gesichert.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich entscheiden" }).ClickAsync();
        await Assertions.Expect(official.Locator(".flash")).ToContainTextAsync("Der Widerspruch ist zurückgewiesen");
        await Assertions.Expect(official.GetByTestId("placement-objection-status")).ToHaveTextAsync("zurückgewiesen");
        await Assertions.Expect(official.GetByTestId("duty-suspended")).ToHaveTextAsync("Pflicht ausgesetzt");
        await Assertions.Expect(official.GetByTestId("placement-objection-words")).ToContainTextAsync("Klagefrist (ein Monat, § 87 SGG)");
        await Assertions.Expect(official.Locator("tr[data-notice='Widerspruchsbescheid']")).ToContainTextAsync("Widerspruchsbescheid");
        (await Placement(c.Placement))["objection"]!["status"]!.GetValue<string>().Should().Be("dismissed");
        await StaffAppFixture.End(official);

        // The caseworker records the Klage: dated before the Widerspruchsbescheid first, which the API refuses.
        var page = await app.SignIn("caseworker", "Lena Sozialamt", c.Proposer, "melle");
        await page.GotoAsync($"/app/placements/{c.Placement}/objection");
        await page.GetByLabel("Klage erhoben am").FillAsync(Iso(app.Today.AddDays(-1)));
        await page.GetByLabel("Gericht", new() { Exact = true }).FillAsync("Sozialgericht Osnabrück");
        await page.GetByLabel("Aktenzeichen des Gerichts").FillAsync("S 44 AY 17/26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Klage erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Lawsuit.FiledOn']")).ToContainTextAsync("nicht vor dem Widerspruchsbescheid");
        await Assertions.Expect(page.GetByLabel("Aktenzeichen des Gerichts")).ToHaveValueAsync("S 44 AY 17/26");
        await StaffAppFixture.Check(page, "89-klage-fehler");
        (await Placement(c.Placement))["objection"]!["lawsuit"].Should().BeNull();

        await page.GetByLabel("Klage erhoben am").FillAsync(Iso(app.Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Klage erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Klage ist erfasst");
        await Assertions.Expect(page.GetByTestId("placement-objection-words")).ToContainTextAsync("beim Sozialgericht Osnabrück, Aktenzeichen S 44 AY 17/26");
        await Assertions.Expect(page.GetByTestId("placement-objection-words")).ToContainTextAsync("Das Klageverfahren läuft.");
        await Assertions.Expect(page.GetByTestId("duty-suspended")).ToHaveTextAsync("Pflicht ausgesetzt");
        await StaffAppFixture.Check(page, "90-klage");
        var lawsuit = (await Placement(c.Placement))["objection"]!["lawsuit"]!;
        lawsuit["court"]!.GetValue<string>().Should().Be("Sozialgericht Osnabrück");
        lawsuit["fileNumber"]!.GetValue<string>().Should().Be("S 44 AY 17/26");

        await page.GetByLabel("Klage zurückgenommen").CheckAsync();
        await page.GetByLabel("Beendet am").FillAsync(Iso(app.Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Ende der Klage erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Klage zurückgenommen");
        await Assertions.Expect(page.GetByTestId("placement-objection-words")).ToContainTextAsync("Die Pflicht zur Arbeit gilt wieder.");
        await Assertions.Expect(page.GetByTestId("duty-suspended")).ToHaveCountAsync(0);
        var ended = (await Placement(c.Placement))["objection"]!["lawsuit"]!;
        ended["outcome"]!.GetValue<string>().Should().Be("withdrawn");
        ended["endedOn"]!.GetValue<string>().Should().Be(Iso(app.Today));
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task An_official_records_a_court_order_suspending_a_restriction_and_reinstates_it()
    {
        var (c, _) = await InForce("aussetzung");
        var official = await app.SignIn("official", "Uwe Gericht", Official(), "melle");
        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(official.GetByTestId("restriction-proceedings")).ToContainTextAsync("Keine Aussetzung, kein Überprüfungsantrag.");
        await official.GetByTestId("suspension-link").ClickAsync();

        // A court order without the court and its file number: the API refuses, the note stays.
        await official.GetByLabel("Anordnung der aufschiebenden Wirkung durch das Gericht").CheckAsync();
        await official.GetByLabel("Vermerk zur Aussetzung").FillAsync("Beschluss ging per Fax ein.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Einschränkung aussetzen" }).ClickAsync();
        await Assertions.Expect(official.Locator("[data-valmsg-for='Suspend.Court']")).ToContainTextAsync("Angabe fehlt");
        await Assertions.Expect(official.Locator("[data-valmsg-for='Suspend.FileNumber']")).ToContainTextAsync("Angabe fehlt");
        await Assertions.Expect(official.GetByLabel("Vermerk zur Aussetzung")).ToHaveValueAsync("Beschluss ging per Fax ein.");
        await Assertions.Expect(official.GetByLabel("Anordnung der aufschiebenden Wirkung durch das Gericht")).ToBeCheckedAsync();
        await StaffAppFixture.Check(official, "91-aussetzung-fehler");
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force", "a refused suspension stores nothing");

        await official.GetByLabel("Gericht", new() { Exact = true }).FillAsync("Sozialgericht Osnabrück");
        await official.GetByLabel("Aktenzeichen des Gerichts").FillAsync("S 44 AY 5/26 ER");
        await official.GetByRole(AriaRole.Button, new() { Name = "Einschränkung aussetzen" }).ClickAsync();
        await Assertions.Expect(official.Locator(".flash")).ToContainTextAsync("Die Einschränkung ist ausgesetzt.");
        await Assertions.Expect(official.GetByTestId("restriction-status")).ToHaveTextAsync("ausgesetzt");
        await Assertions.Expect(official.GetByTestId("suspension")).ToContainTextAsync("Sozialgericht Osnabrück, Aktenzeichen S 44 AY 5/26 ER");
        await Assertions.Expect(official.GetByTestId("suspension")).ToContainTextAsync($"ausgesetzt ab {German(app.Today)}");
        await Assertions.Expect(official.GetByTestId("legal-hold")).ToContainTextAsync("gegen Löschung gesperrt");
        await Assertions.Expect(official.GetByTestId("back-payment")).ToContainTextAsync("Nachzahlung fällig");
        await StaffAppFixture.Check(official, "92-aussetzung-gericht");
        var suspended = await ProposedCase.Read(app, c.Proposal);
        suspended["restriction"]!["status"]!.GetValue<string>().Should().Be("suspended");
        suspended["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        suspended["restriction"]!["suspension"]!["kind"]!.GetValue<string>().Should().Be("court-order");
        suspended["restriction"]!["suspension"]!["fileNumber"]!.GetValue<string>().Should().Be("S 44 AY 5/26 ER");
        (await WebApi.Get(await app.Service.ClientFor("auditor", null, "auditor-objection"), $"/api/persons/{c.Person}"))["restriction"]
            .Should().BeNull("a suspended restriction is not the person's restriction");

        // The court lifts its order: the restriction applies again.
        await official.GetByTestId("suspension-link").ClickAsync();
        await official.GetByLabel("Wieder in Kraft").CheckAsync();
        await official.GetByLabel("Vermerk zum Ende der Aussetzung").FillAsync("Beschwerde des Landkreises erfolgreich.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Aussetzung beenden" }).ClickAsync();
        await Assertions.Expect(official.Locator(".flash")).ToContainTextAsync("wieder in Kraft");
        await Assertions.Expect(official.GetByTestId("restriction-status")).ToHaveTextAsync("in Kraft");
        await Assertions.Expect(official.GetByTestId("suspension")).ToContainTextAsync($"Aussetzung beendet am {German(app.Today)}: wieder in Kraft.");
        await Assertions.Expect(official.GetByTestId("legal-hold")).ToHaveCountAsync(0);
        var reinstated = (await ProposedCase.Read(app, c.Proposal))["restriction"]!;
        reinstated["status"]!.GetValue<string>().Should().Be("in-force");
        reinstated["suspension"]!["outcome"]!.GetValue<string>().Should().Be("reinstated");
        await StaffAppFixture.End(official);
    }

    [Fact]
    public async Task A_caseworker_files_a_review_request_and_a_second_official_withdraws_the_restriction_under_four_eyes()
    {
        var (c, approver) = await InForce("pruefung");
        var caseworker = await app.SignIn("caseworker", "Lena Sozialamt", $"melle-cw-p-{Guid.NewGuid():N}"[..24], "melle");
        await caseworker.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(caseworker.GetByTestId("suspension-link")).ToHaveCountAsync(0);
        await caseworker.GetByTestId("review-request-link").ClickAsync();
        await caseworker.GetByLabel("Antrag eingegangen am").FillAsync(Iso(app.Today.AddDays(1)));
        await caseworker.GetByLabel("Inhalt des Antrags").FillAsync("Ich war am Tag der Weigerung krankgeschrieben.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Überprüfungsantrag erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("[data-valmsg-for='Filing.ReceivedOn']")).ToContainTextAsync("nicht in der Zukunft");
        await Assertions.Expect(caseworker.GetByLabel("Inhalt des Antrags")).ToHaveValueAsync("Ich war am Tag der Weigerung krankgeschrieben.");
        await StaffAppFixture.Check(caseworker, "93-ueberpruefungsantrag-fehler");
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["reviewRequest"].Should().BeNull("a refused request stores nothing");

        await caseworker.GetByLabel("Antrag eingegangen am").FillAsync(Iso(app.Today));
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Überprüfungsantrag erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".flash")).ToContainTextAsync("Der Überprüfungsantrag ist erfasst.");
        await Assertions.Expect(caseworker.GetByTestId("review-request")).ToContainTextAsync($"eingegangen am {German(app.Today)}");
        await Assertions.Expect(caseworker.GetByTestId("review-request")).ToContainTextAsync("Noch nicht entschieden.");
        await Assertions.Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = "Überprüfung entscheiden" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(caseworker, "94-ueberpruefungsantrag");
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["reviewRequest"]!["receivedOn"]!.GetValue<string>().Should().Be(Iso(app.Today));
        await StaffAppFixture.End(caseworker);

        // The official who approved the restriction may not decide the review (four-eyes).
        var own = await app.SignIn("official", "Dr. Jonas Amt", approver, "melle");
        await own.GotoAsync($"/app/sanction-proposals/{c.Proposal}/review-request");
        await Assertions.Expect(own.GetByTestId("own-approval")).ToContainTextAsync("Vier-Augen-Prinzip");
        await own.GetByLabel("Aufheben").CheckAsync();
        await own.GetByLabel("Begründung der Überprüfung").FillAsync("Krankschreibung für den Tag liegt vor.");
        await own.GetByRole(AriaRole.Button, new() { Name = "Überprüfung entscheiden" }).ClickAsync();
        await Assertions.Expect(own.Locator(".validation-summary-errors")).ToContainTextAsync("Vier-Augen-Prinzip");
        await Assertions.Expect(own.GetByLabel("Begründung der Überprüfung")).ToHaveValueAsync("Krankschreibung für den Tag liegt vor.");
        await StaffAppFixture.Check(own, "95-ueberpruefung-vier-augen");
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["reviewRequest"]!["outcome"].Should().BeNull();
        await StaffAppFixture.End(own);

        // A second official withdraws the restriction: back payment from its first effective day.
        var second = await app.SignIn("official", "Maria Zweitprüfung", Official(), "melle");
        await second.GotoAsync($"/app/sanction-proposals/{c.Proposal}/review-request");
        await Assertions.Expect(second.GetByTestId("own-approval")).ToHaveCountAsync(0);
        await second.GetByLabel("Aufheben").CheckAsync();
        await second.GetByLabel("Begründung der Überprüfung").FillAsync("Krankschreibung für den Tag liegt vor.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Überprüfung entscheiden" }).ClickAsync();
        await Assertions.Expect(second.Locator(".flash")).ToContainTextAsync("Die Einschränkung ist aufgehoben (Aufhebungsbescheid)");
        await Assertions.Expect(second.GetByTestId("review-request")).ToContainTextAsync("Einschränkung aufgehoben (Aufhebungsbescheid)");
        await Assertions.Expect(second.GetByTestId("back-payment")).ToContainTextAsync($"ab {German(app.Today)} (höchstens ein Jahr zurück, § 9 Abs. 4 S. 2 AsylbLG)");
        await Assertions.Expect(second.GetByTestId("restriction-status")).ToHaveTextAsync("aufgehoben");
        await StaffAppFixture.Check(second, "96-ueberpruefung-aufgehoben");
        var withdrawn = (await ProposedCase.Read(app, c.Proposal))["restriction"]!;
        withdrawn["status"]!.GetValue<string>().Should().Be("withdrawn");
        withdrawn["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        withdrawn["backPaymentFrom"]!.GetValue<string>().Should().Be(Iso(app.Today));
        withdrawn["reviewRequest"]!["outcome"]!.GetValue<string>().Should().Be("withdrawn");
        withdrawn["reviewRequest"]!["decidedBy"]!.GetValue<string>().Should().NotBe(approver);
        (await Notices(c.Person)).Should().Contain(n => n!["kind"]!.GetValue<string>() == "aufhebungsbescheid");
        await StaffAppFixture.End(second);
    }

    [Fact]
    public async Task A_caseworker_files_an_objection_against_the_continued_period_of_a_restriction()
    {
        var c = await ContinuedCase.Create(app);
        var before = (await ProposedCase.Read(app, c.Proposal))["restriction"]!;
        before["periods"]!.AsArray().Should().HaveCount(2);
        before["status"]!.GetValue<string>().Should().Be("in-force");

        var caseworker = await app.SignIn("caseworker", "Lena Sozialamt", $"melle-cw-z-{Guid.NewGuid():N}"[..24], "melle");
        await caseworker.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        var period = caseworker.GetByLabel("Gegen den Zeitraum");
        await Assertions.Expect(period.Locator("option[value='2']")).ToContainTextAsync($"Zeitraum 2: {German(c.SecondStartsOn)}");
        await period.SelectOptionAsync("2");
        await caseworker.GetByLabel("Widerspruch eingegangen am").FillAsync(Iso(app.Today.AddDays(1)));
        await caseworker.GetByLabel("Inhalt des Widerspruchs").FillAsync("Die Fortsetzung ist nicht begründet.");
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Widerspruch erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator("[data-valmsg-for='Objection.ReceivedOn']")).ToContainTextAsync("nicht in der Zukunft");
        await Assertions.Expect(caseworker.GetByLabel("Gegen den Zeitraum")).ToHaveValueAsync("2");
        await Assertions.Expect(caseworker.GetByLabel("Inhalt des Widerspruchs")).ToHaveValueAsync("Die Fortsetzung ist nicht begründet.");
        await StaffAppFixture.Check(caseworker);
        (await ProposedCase.Read(app, c.Proposal))["objections"]!.AsArray().Should().BeEmpty("a refused objection stores nothing");

        await caseworker.GetByLabel("Widerspruch eingegangen am").FillAsync(Iso(app.Today));
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Widerspruch erfassen" }).ClickAsync();
        await Assertions.Expect(caseworker.Locator(".flash")).ToContainTextAsync("Der Widerspruch ist erfasst");
        await Assertions.Expect(caseworker.GetByTestId("objection-status")).ToHaveTextAsync("offen");
        await Assertions.Expect(caseworker.GetByTestId("objections-per-period")).ToContainTextAsync($"Zeitraum 2: eingegangen am {German(app.Today)}, offen");
        // The first period can still be contested on its own; the second is no longer offered.
        await Assertions.Expect(caseworker.GetByLabel("Gegen den Zeitraum").Locator("option[value='1']")).ToHaveCountAsync(1);
        await Assertions.Expect(caseworker.GetByLabel("Gegen den Zeitraum").Locator("option[value='2']")).ToHaveCountAsync(0);
        var objection = (await ProposedCase.Read(app, c.Proposal))["objections"]!.AsArray().Single()!;
        objection["period"]!.GetValue<int>().Should().Be(2);
        objection["status"]!.GetValue<string>().Should().Be("pending");
        objection["receivedOn"]!.GetValue<string>().Should().Be(Iso(app.Today));
        await StaffAppFixture.End(caseworker);
    }

    [Fact]
    public async Task After_an_upheld_objection_against_the_restriction_no_page_calls_the_proposal_bewilligt()
    {
        var (c, _) = await InForce("ende");
        var cw = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-t-{Guid.NewGuid():N}"[..22]);
        await ProposedCase.Ok(await cw.PostAsJsonAsync($"/api/sanction-proposals/{c.Proposal}/objection",
            new { receivedOn = Iso(app.Today), statement = "Ich war an dem Tag nachweislich krank." }));
        var decider = await app.Service.ClientFor("official", "melle", Official());
        await ProposedCase.Ok(await decider.PostAsJsonAsync($"/api/sanction-proposals/{c.Proposal}/objection/decision",
            new { outcome = "upheld", costs = "none", reasoning = "Die Krankmeldung lag am Tag der Weigerung vor." }));
        (await ProposedCase.Read(app, c.Proposal))["restriction"]!["status"]!.GetValue<string>().Should().Be("withdrawn");

        await SeesNoApproval(c, "aufgehoben (Widerspruch stattgegeben)", "200-status-widerspruch-einschraenkung");
    }

    [Fact]
    public async Task After_an_upheld_objection_against_the_assignment_no_page_calls_the_proposal_bewilligt()
    {
        var (c, _) = await InForce("widerspruch");
        var cw = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-t-{Guid.NewGuid():N}"[..22]);
        await ProposedCase.Ok(await cw.PostAsJsonAsync($"/api/placements/{c.Placement}/objection",
            new { receivedOn = Iso(app.Today), statement = "Die Arbeit ist mir wegen der Kinderbetreuung nicht zumutbar." }));
        var decider = await app.Service.ClientFor("official", "melle", Official());
        await ProposedCase.Ok(await decider.PostAsJsonAsync($"/api/placements/{c.Placement}/objection/decision",
            new { outcome = "upheld", costs = "none", reasoning = "Die Kinderbetreuung war bei der Heranziehung nicht berücksichtigt." }));
        var proposal = await ProposedCase.Read(app, c.Proposal);
        proposal["status"]!.GetValue<string>().Should().Be("approved", "the API keeps the decision; the restriction says it was withdrawn");
        proposal["restriction"]!["status"]!.GetValue<string>().Should().Be("withdrawn");

        await SeesNoApproval(c, "aufgehoben (Einschränkung zurückgenommen)", "201-status-widerspruch-heranziehung");
    }

    /// <summary>The proposal page, the placement and person pages, the auditor's current view and its "Stand vom" all name the withdrawal.</summary>
    private async Task SeesNoApproval(ProposedCase c, string truth, string screenshot)
    {
        var official = await app.SignIn("official", "Dr. Jonas Amt", Official(), "melle");
        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(official.Locator("main")).ToContainTextAsync(truth);
        (await official.Locator("main .badge").AllInnerTextsAsync()).Should().NotContain("bewilligt");
        await Assertions.Expect(official.GetByTestId("restriction-status")).ToHaveTextAsync("aufgehoben");
        await official.GotoAsync($"/app/placements/{c.Placement}");
        await Assertions.Expect(official.Locator("main")).ToContainTextAsync("Vorschlag " + truth);
        await Assertions.Expect(official.Locator("main")).Not.ToContainTextAsync("Vorschlag bewilligt");
        await official.GotoAsync($"/app/persons/{c.Person}");
        // The person's page names only a restriction that applies: a withdrawn one is gone, nothing reads "bewilligt".
        await Assertions.Expect(official.GetByTestId("restriction")).ToHaveTextAsync("keine");
        await Assertions.Expect(official.Locator("main")).Not.ToContainTextAsync("bewilligt");
        await StaffAppFixture.End(official);

        var auditor = await app.SignIn("auditor", "Rita Prüferin", $"rpa-{Guid.NewGuid():N}"[..16], null);
        await auditor.GotoAsync($"/app/audit/persons/{c.Person}");
        await Assertions.Expect(auditor.GetByTestId("state-proposal-status")).ToHaveTextAsync(truth);
        await Assertions.Expect(auditor.GetByTestId("state-proposals")).Not.ToContainTextAsync("bewilligt");
        // Stand vom: a moment after the decision on the objection (the host's clock, shown in Berlin time).
        app.Service.Time.Advance(TimeSpan.FromSeconds(2));
        var berlin = TimeZoneInfo.ConvertTime(app.Service.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        var asOf = berlin.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        await auditor.GotoAsync($"/app/audit/persons/{c.Person}?asOf={asOf}");
        await Assertions.Expect(auditor.Locator("#stand")).ToContainTextAsync("Stand vom");
        await Assertions.Expect(auditor.GetByTestId("state-proposal-status")).ToHaveTextAsync(truth);
        await Assertions.Expect(auditor.GetByTestId("state-proposals")).Not.ToContainTextAsync("bewilligt");
        await StaffAppFixture.Check(auditor, screenshot);
        await StaffAppFixture.End(auditor);
    }
}
