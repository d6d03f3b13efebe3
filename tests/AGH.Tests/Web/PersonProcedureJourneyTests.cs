using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3a, the person side in the staff app: the hearing invitation and the reassessment on the refusal page,
/// willingness, the end and withdrawal of exemptions and the legal status on the person page. Each journey sets its
/// case up through the API, clicks through the app, and checks what the page says and what the API then holds.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class PersonProcedureJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "melle";
    private const string HearingCitation = "§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG";

    private DateOnly Today => app.Today;

    private static string De(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private Task<HttpClient> Caseworker() => app.Service.ClientFor("caseworker", Municipality, "melle-cw-verfahren");

    private async Task<JsonNode> Refusal(Guid placement, Guid refusal) =>
        (await Get(await Caseworker(), $"/api/placements/{placement}"))["refusals"]!.AsArray()
        .Single(r => r!["refusalId"]!.GetValue<string>() == refusal.ToString())!;

    private async Task<JsonNode> PersonNow(Guid person) => await Get(await Caseworker(), $"/api/persons/{person}");

    /// <summary>A person placed in melle (the Heranziehungsbescheid handed over 20 days ago), without any refusal.</summary>
    private async Task<(Guid Person, Guid Placement)> Placed(string givenName, string familyName)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null, Unique("coord-verf"));
        var offer = await Offer(coordinator, Municipality, "Grünpflege Stadtpark Melle", 3, 15, Today.AddYears(-1));
        var cw = await Caseworker();
        var person = Id(await Send(cw, "/api/persons", new
        {
            municipality = Municipality, givenName, familyName, dateOfBirth = D(Today.AddYears(-29)), confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)),
            fileReference = Unique("AZ-MEL-V"),
        }));
        var placement = await Placement(cw, person, offer, Today.AddDays(-20), Today.AddDays(-14), 15);
        return (person, placement);
    }

    /// <summary>A no-show ten days ago, assessed without good cause, not yet heard: the hearing is the next step.</summary>
    private async Task<(Guid Person, Guid Placement, Guid Refusal)> AssessedRefusal(string givenName, string familyName)
    {
        var (person, placement) = await Placed(givenName, familyName);
        var cw = await Caseworker();
        var refusal = Guid.Parse((await Send(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "keine Angabe" }))["refusalId"]!.GetValue<string>());
        await Send(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment",
            new { goodCause = false, reasoning = "Kein wichtiger Grund vorgetragen; der Bus fuhr planmäßig." });
        return (person, placement, refusal);
    }

    [Fact]
    public async Task A_caseworker_invites_to_the_hearing_with_a_deadline_a_too_short_one_is_refused_and_the_page_shows_the_running_deadline()
    {
        var (_, placement, refusal) = await AssessedRefusal("Hamid", "Noori");
        var page = await app.SignIn("caseworker", "Lea Verfahren", "melle-cw-verfahren", Municipality);
        await page.GotoAsync($"/app/placements/{placement}/refusals/{refusal}");

        // The hearing cites the VwVfG through the NVwVfG, never the SGB X; the invitation is a step of its own.
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync(HearingCitation);
        (await main.InnerTextAsync()).Should().NotContain("24 SGB X", "the AsylbLG is not part of the SGB: hearings follow § 28 VwVfG");
        await Assertions.Expect(page.GetByTestId("step-invitation")).ToContainTextAsync("Einladung zur Anhörung mit Frist");
        await Assertions.Expect(page.GetByTestId("step-invitation")).ToContainTextAsync("offen");
        await Assertions.Expect(page.GetByTestId("hearing-when")).ToContainTextAsync("nicht vor der Weigerung und nicht in der Zukunft");

        // Ten days after a posted invitation: the API refuses, the German text stands at the deadline, the input stays.
        var tooShort = Today.AddDays(10);
        await Assertions.Expect(page.GetByLabel("Eingeladen am")).ToHaveValueAsync(D(Today));
        await Assertions.Expect(page.GetByLabel("Übermittlung der Einladung")).ToHaveValueAsync("Post");
        await page.GetByLabel("schriftlich").CheckAsync();
        await page.GetByLabel("Frist zur Äußerung bis").FillAsync(D(tooShort));
        await page.GetByLabel("Sprache der Einladung").SelectOptionAsync("ar");
        await page.GetByLabel("Mit Dolmetschung").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zur Anhörung einladen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Invite.Deadline']")).ToContainTextAsync("mindestens 14 Tage");
        await Assertions.Expect(page.GetByLabel("Frist zur Äußerung bis")).ToHaveValueAsync(D(tooShort));
        await Assertions.Expect(page.GetByLabel("Frist zur Äußerung bis")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Sprache der Einladung")).ToHaveValueAsync("ar");
        await Assertions.Expect(page.GetByLabel("schriftlich")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Mit Dolmetschung")).ToBeCheckedAsync();
        await StaffAppFixture.Check(page, "75-anhoerung-einladen");
        (await Refusal(placement, refusal))["hearingInvitation"].Should().BeNull("a refused invitation stores nothing");

        var deadline = Today.AddDays(25);
        await page.GetByLabel("Frist zur Äußerung bis").FillAsync(D(deadline));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zur Anhörung einladen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"bis zum {De(deadline)} äußern");
        await Assertions.Expect(page.GetByTestId("invitation-deadline")).ToHaveTextAsync($"bis {De(deadline)} – läuft noch");
        await Assertions.Expect(page.GetByTestId("invitation")).ToContainTextAsync("Arabisch, mit Dolmetschung");
        await Assertions.Expect(page.GetByTestId("step-invitation")).ToContainTextAsync($"eingeladen, Frist bis {De(deadline)}");
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync($"die Frist zur Äußerung läuft noch bis zum {De(deadline)}");
        await Assertions.Expect(page.GetByTestId("hearing-when")).ToContainTextAsync($"ab dem {De(deadline.AddDays(1))}");
        await Assertions.Expect(page.Locator("#propose-why")).ToContainTextAsync("die Anhörung");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zur Anhörung einladen" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("refusal-history")).ToContainTextAsync($"Frist bis {De(deadline)}");
        await StaffAppFixture.Check(page, "76-anhoerung-frist-laeuft");

        var invitation = (await Refusal(placement, refusal))["hearingInvitation"]!;
        invitation["invitedOn"]!.GetValue<string>().Should().Be(D(Today));
        invitation["deadline"]!.GetValue<string>().Should().Be(D(deadline));
        invitation["form"]!.GetValue<string>().Should().Be("written");
        invitation["delivery"]!.GetValue<string>().Should().Be("post");
        invitation["language"]!.GetValue<string>().Should().Be("ar");
        invitation["interpreter"]!.GetValue<bool>().Should().BeTrue();
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task After_the_hearing_a_caseworker_reassesses_the_refusal_and_the_page_shows_the_outcome_and_its_history()
    {
        var (_, placement, refusal) = await AssessedRefusal("Farid", "Sultani");
        await Send(await Caseworker(), $"/api/placements/{placement}/refusals/{refusal}/hearing",
            new { heldOn = D(Today.AddDays(-2)), statement = "Ich lag mit Fieber im Bett; eine Bescheinigung reiche ich nach." });
        var page = await app.SignIn("caseworker", "Lea Verfahren", "melle-cw-verfahren", Municipality);
        await page.GotoAsync($"/app/placements/{placement}/refusals/{refusal}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Neue Bewertung nach der Anhörung" })).ToBeVisibleAsync();

        // "Ja" without naming the reason: the API refuses at the reason's field, the reasoning stays.
        const string reasoning = "Arbeitsunfähigkeitsbescheinigung für den Tag der Weigerung nachgereicht.";
        await page.GetByLabel("Ja, nach der Anhörung liegt ein wichtiger Grund vor").CheckAsync();
        await page.GetByLabel("Begründung der neuen Bewertung").FillAsync(reasoning);
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Bewertung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Reassess.Reason']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("Begründung der neuen Bewertung")).ToHaveValueAsync(reasoning);
        await Assertions.Expect(page.GetByLabel("Ja, nach der Anhörung liegt ein wichtiger Grund vor")).ToBeCheckedAsync();
        await StaffAppFixture.Check(page, "77-neubewertung");
        (await Refusal(placement, refusal))["assessment"]!["reassessed"]!.GetValue<bool>().Should().BeFalse("a refused reassessment stores nothing");

        await page.GetByLabel("Wichtiger Grund nach der Anhörung (nur bei „Ja“)").SelectOptionAsync("illness");
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Bewertung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Nach der Anhörung liegt ein wichtiger Grund vor");
        await Assertions.Expect(page.GetByTestId("reassessment-outcome")).ToContainTextAsync("wichtiger Grund anerkannt – Krankheit (Arbeitsunfähigkeit)");
        await Assertions.Expect(page.GetByTestId("assessment-outcome")).ToHaveTextAsync("Ja – Krankheit (Arbeitsunfähigkeit)");
        await Assertions.Expect(page.GetByTestId("reassessed")).ToContainTextAsync("nach der Anhörung neu bewertet");
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync("kein Vorschlag möglich");
        var history = page.GetByTestId("refusal-history");
        await Assertions.Expect(history).ToContainTextAsync("Kein wichtiger Grund anerkannt");
        await Assertions.Expect(history).ToContainTextAsync("Anhörung nach § 28 VwVfG");
        await Assertions.Expect(history).ToContainTextAsync("Nach Anhörung neu bewertet: wichtiger Grund anerkannt");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Neue Bewertung nach der Anhörung" }).EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await StaffAppFixture.Check(page, "78-neubewertung-ergebnis");

        var assessment = (await Refusal(placement, refusal))["assessment"]!;
        assessment["goodCause"]!.GetValue<bool>().Should().BeTrue();
        assessment["reason"]!.GetValue<string>().Should().Be("illness");
        assessment["reassessed"]!.GetValue<bool>().Should().BeTrue();
        assessment["reasoning"]!.GetValue<string>().Should().Be(reasoning);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_declared_willingness_is_shown_on_the_person_and_brings_the_restriction_up_for_review_at_once()
    {
        var c = await ProposedCase.Create(app, "bereit");
        var official = await app.Service.ClientFor("official", Municipality, Unique("melle-off-b"));
        var decided = await Send(official, $"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "Fernbleiben ohne wichtigen Grund nach Anhörung", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice });
        await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(decided["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, Today);
        async Task<JsonNode?> DueRow() => (await Get(await Caseworker(), "/api/restrictions/due-for-review?within=30")).AsArray()
            .SingleOrDefault(r => r!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
        (await DueRow()).Should().BeNull("a restriction of six months is not due within 30 days without a reason");

        var page = await app.SignIn("caseworker", "Lea Verfahren", "melle-cw-verfahren", Municipality);
        await page.GotoAsync($"/app/persons/{c.Person}");
        await Assertions.Expect(page.GetByTestId("willingness")).ToHaveTextAsync("nein");
        await page.GetByRole(AriaRole.Link, new() { Name = "Arbeitsbereitschaft erfassen" }).ClickAsync();

        // A declaration dated tomorrow: refused at the date, the note kept.
        const string note = "Persönlich vorgesprochen: will ab Montag wieder in den Stadtpark.";
        await page.GetByLabel("Bereitschaft erklärt am").FillAsync(D(Today.AddDays(1)));
        await page.GetByLabel("Wie wurde die Bereitschaft erklärt?").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bereitschaft erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.On']")).ToContainTextAsync("nicht in der Zukunft");
        await Assertions.Expect(page.GetByLabel("Wie wurde die Bereitschaft erklärt?")).ToHaveValueAsync(note);
        await StaffAppFixture.Check(page, "79-bereitschaft");
        (await DueRow()).Should().BeNull("a refused declaration stores nothing");

        await page.GetByLabel("Bereitschaft erklärt am").FillAsync(D(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bereitschaft erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Arbeitsbereitschaft vom {De(Today)} ist erfasst");
        await Assertions.Expect(page.GetByTestId("willingness")).ToHaveTextAsync($"am {De(Today)}");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Ernsthafte Bereitschaft zur Arbeit erklärt");

        // The review list names the reason in German.
        await page.GotoAsync("/app/reviews");
        var row = page.Locator($"tr[data-proposal='{c.Proposal}']");
        await Assertions.Expect(row.GetByTestId("review-reason")).ToContainTextAsync("Bereitschaft erklärt");
        await Assertions.Expect(row.GetByTestId("review-reason")).ToContainTextAsync("sofort überprüfen");
        await StaffAppFixture.Check(page, "80-wiedervorlage-bereitschaft");

        var due = (await DueRow())!;
        due["reason"]!.GetValue<string>().Should().Be("willing");
        due["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("willing");
        await StaffAppFixture.End(page);

        // The official who decides on the restriction sees the declaration on the person too (officials read no history).
        var officialPage = await app.SignIn("official", "Dr. Jonas Amt", Unique("melle-off-w"), Municipality);
        await officialPage.GotoAsync($"/app/persons/{c.Person}");
        await Assertions.Expect(officialPage.GetByTestId("willingness")).ToHaveTextAsync($"am {De(Today)}");
        await StaffAppFixture.End(officialPage);
    }

    [Fact]
    public async Task A_caseworker_ends_one_exemption_and_withdraws_another_and_the_table_says_so()
    {
        var (person, _) = await Placed("Rahel", "Tekle");
        var cw = await Caseworker();
        var illnessFrom = Today.AddDays(-20);
        var illness = Guid.Parse((await Send(cw, $"/api/persons/{person}/exemptions",
            new { reason = "illness", from = D(illnessFrom), reviewOn = D(Today.AddDays(10)), evidence = new { kind = "au-certificate" } }))["exemptionId"]!.GetValue<string>());
        var childcare = Guid.Parse((await Send(cw, $"/api/persons/{person}/exemptions",
            new { reason = "childcare", from = D(Today.AddDays(-5)), until = D(Today.AddDays(30)) }))["exemptionId"]!.GetValue<string>());
        JsonNode Exemption(JsonNode p, Guid id) => p["exemptions"]!.AsArray().Single(e => e!["exemptionId"]!.GetValue<string>() == id.ToString())!;

        // An auditor reads the person but changes no exemption.
        var auditor = await app.SignIn("auditor", "Rita Prüfung", Unique("auditor-v"), null);
        await auditor.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Tekle");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Link, new() { Name = "Befreiung beenden" })).ToHaveCountAsync(0);
        await Assertions.Expect(auditor.GetByTestId("procedure-actions")).ToHaveCountAsync(0);
        await StaffAppFixture.End(auditor);

        // An official of the municipality may end and withdraw (roles table): the actions are there.
        var official = await app.SignIn("official", "Dr. Jonas Amt", Unique("melle-off-x"), Municipality);
        await official.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Befreiung beenden" })).ToHaveCountAsync(2);
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Befreiung zurücknehmen" })).ToHaveCountAsync(2);
        await Assertions.Expect(official.GetByTestId("procedure-actions")).ToContainTextAsync("Aufenthaltsstatus erfassen");
        await StaffAppFixture.End(official);

        var page = await app.SignIn("caseworker", "Lea Verfahren", "melle-cw-verfahren", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        var illnessRow = page.Locator("tr", new() { HasText = "Krankheit (Arbeitsunfähigkeit)" });
        await illnessRow.GetByRole(AriaRole.Link, new() { Name = "Befreiung beenden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Befreiung beenden");

        // A last day before the start: refused at the date, which stays as typed.
        var beforeStart = illnessFrom.AddDays(-3);
        await page.GetByLabel("Letzter Tag der Befreiung").FillAsync(D(beforeStart));
        await page.GetByRole(AriaRole.Button, new() { Name = "Befreiung beenden" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Until']")).ToContainTextAsync("nicht vor dem Beginn");
        await Assertions.Expect(page.GetByLabel("Letzter Tag der Befreiung")).ToHaveValueAsync(D(beforeStart));
        await StaffAppFixture.Check(page, "81-befreiung-beenden");
        Exemption(await PersonNow(person), illness)["until"].Should().BeNull("a refused end stores nothing");

        var lastDay = Today.AddDays(-1);
        await page.GetByLabel("Letzter Tag der Befreiung").FillAsync(D(lastDay));
        await page.GetByRole(AriaRole.Button, new() { Name = "Befreiung beenden" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"endet mit dem {De(lastDay)}");
        await Assertions.Expect(illnessRow.GetByTestId("exemption-change")).ToHaveTextAsync($"beendet am {De(lastDay)}");

        var childcareRow = page.Locator("tr", new() { HasText = "Betreuung eines Kindes" });
        await childcareRow.GetByRole(AriaRole.Link, new() { Name = "Befreiung zurücknehmen" }).ClickAsync();
        await page.GetByLabel("Warum wurde die Befreiung irrtümlich erfasst?").FillAsync("Bei der falschen Person erfasst; gehört zu Akte AZ-MEL-4711.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Befreiung zurücknehmen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("zurückgenommen und zählt nicht mehr");
        await Assertions.Expect(childcareRow.GetByTestId("exemption-change")).ToHaveTextAsync("zurückgenommen (irrtümlich erfasst)");
        await Assertions.Expect(childcareRow).ToContainTextAsync("zählt nicht");
        await Assertions.Expect(childcareRow.GetByRole(AriaRole.Link, new() { Name = "Befreiung zurücknehmen" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("als Irrtum zurückgenommen");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Befreiungen (wichtige Gründe)" }).EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await StaffAppFixture.Check(page, "82-befreiungen-beendet-zurueckgenommen");

        var now = await PersonNow(person);
        Exemption(now, illness)["until"]!.GetValue<string>().Should().Be(D(lastDay));
        Exemption(now, illness)["withdrawn"]!.GetValue<bool>().Should().BeFalse();
        Exemption(now, childcare)["withdrawn"]!.GetValue<bool>().Should().BeTrue();
        Exemption(now, childcare)["until"]!.GetValue<string>().Should().Be(D(Today.AddDays(30)), "a withdrawal keeps what was recorded");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_caseworker_records_an_exclusion_under_section_1_4_explained_in_plain_words_and_the_person_shows_it()
    {
        var (person, placement) = await Placed("Ali", "Mohammadi");
        var page = await app.SignIn("caseworker", "Lea Verfahren", "melle-cw-verfahren", Municipality);
        await page.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(page.GetByTestId("legal-status")).ToHaveTextAsync("nicht erfasst");
        await page.GetByRole(AriaRole.Link, new() { Name = "Aufenthaltsstatus erfassen" }).ClickAsync();

        var explained = page.GetByTestId("excluded-explained");
        await Assertions.Expect(explained).ToContainTextAsync("Der Leistungsanspruch nach dem AsylbLG endet");
        await Assertions.Expect(explained).ToContainTextAsync("keiner Arbeitsgelegenheit mehr zugewiesen");
        await Assertions.Expect(explained).ToContainTextAsync("zu keiner Anspruchseinschränkung");

        // Before the entitlement began: refused at the date; the choice and the note stay.
        const string note = "Überstellungsanordnung des BAMF (Dublin-Verfahren) liegt vor.";
        var tooEarly = Today.AddYears(-3);
        await page.GetByLabel("vom Leistungsbezug ausgeschlossen (§ 1 Abs. 4 AsylbLG)").CheckAsync();
        await page.GetByLabel("Gilt seit").FillAsync(D(tooEarly));
        await page.GetByLabel("Nachweis oder Anlass").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Status erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Since']")).ToContainTextAsync("vor dem Leistungsbeginn");
        await Assertions.Expect(page.GetByLabel("Gilt seit")).ToHaveValueAsync(D(tooEarly));
        await Assertions.Expect(page.GetByLabel("Nachweis oder Anlass")).ToHaveValueAsync(note);
        await Assertions.Expect(page.GetByLabel("vom Leistungsbezug ausgeschlossen (§ 1 Abs. 4 AsylbLG)")).ToBeCheckedAsync();
        await StaffAppFixture.Check(page, "83-aufenthaltsstatus");
        (await PersonNow(person))["legalStatus"].Should().BeNull("a refused status stores nothing");

        await page.GetByLabel("Gilt seit").FillAsync(D(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Status erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Leistungsanspruch nach AsylbLG endet damit");
        await Assertions.Expect(page.GetByTestId("legal-status")).ToHaveTextAsync($"vom Leistungsbezug ausgeschlossen (§ 1 Abs. 4 AsylbLG) seit {De(Today)}");
        await Assertions.Expect(page.GetByTestId("legal-status-effect")).ToContainTextAsync("keine Zuweisung und keine Anspruchseinschränkung");
        await Assertions.Expect(page.GetByTestId("placements")).ToContainTextAsync("beendet");
        await StaffAppFixture.Check(page, "84-person-ausgeschlossen");

        var now = await PersonNow(person);
        now["legalStatus"]!["status"]!.GetValue<string>().Should().Be("excluded");
        now["legalStatus"]!["since"]!.GetValue<string>().Should().Be(D(Today));
        var placed = await Get(await Caseworker(), $"/api/placements/{placement}");
        placed["status"]!.GetValue<string>().Should().Be("ended");
        placed["endReason"]!.GetValue<string>().Should().Be("entitlement-ended");
        await StaffAppFixture.End(page);
    }
}
