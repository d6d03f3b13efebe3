using System.Globalization;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

[Collection(StaffAppCollection.Second)]
public sealed class OfficialJourneyTests(StaffAppFixture app) : Journey
{
    private static string German(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    /// <summary>
    /// Types a date into the focused date input. Its segments follow the browser's own locale (Debian's Chromium may run
    /// in English whatever the page's language), so a probe learns whether the day or the month comes first.
    /// </summary>
    private static async Task TypeDate(IPage page, DateOnly date)
    {
        var input = page.Locator(":focus");
        var probeYear = (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        await page.Keyboard.TypeAsync("0102" + probeYear);
        var dayFirst = await input.InputValueAsync() == probeYear + "-02-01";
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.TypeAsync(date.ToString(dayFirst ? "ddMMyyyy" : "MMddyyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(input).ToHaveValueAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Presses Tab until the control has the focus (a date input may hold a stop for its calendar button).</summary>
    private static async Task TabTo(IPage page, ILocator control)
    {
        for (var i = 0; i < 24 && !await control.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
            await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(control).ToBeFocusedAsync();
    }

    [Fact]
    public async Task An_official_decides_a_proposal_with_the_keyboard_only_and_a_third_official_dismisses_the_objection()
    {
        var c = await ProposedCase.Create(app, "amt");
        var row = $"tr[data-proposal='{c.Proposal}']";

        // The proposer, now signed in as an official, sees the proposal but may not decide it.
        var proposer = await app.SignIn("official", "Petra Vorschlag", c.Proposer, "melle");
        await proposer.GotoAsync("/app/inbox");
        var own = proposer.Locator("#h-proposals ~ table " + row);
        await Assertions.Expect(own).ToContainTextAsync(c.FamilyName);
        await Assertions.Expect(own).ToContainTextAsync("von Ihnen vorgeschlagen – Entscheidung durch eine andere Person");
        await Assertions.Expect(own.GetByRole(AriaRole.Link, new() { Name = "Entscheiden" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(proposer, "30-posteingang");
        await own.GetByRole(AriaRole.Link, new() { Name = $"{c.FamilyName}, {c.GivenName}" }).ClickAsync();
        await Assertions.Expect(proposer.GetByTestId("own-proposal")).ToContainTextAsync("Entscheidung durch eine andere Person");
        await Assertions.Expect(proposer.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(proposer, "31-vorschlag");
        await StaffAppFixture.End(proposer);

        // A second official decides with the keyboard only (the terms of v3b filled in too): first a start in the past, which the API refuses.
        var decider = await app.SignIn("official", "Dr. Jonas Amt", $"melle-off-{Guid.NewGuid():N}"[..24], "melle");
        await decider.GotoAsync("/app/inbox");
        await Assertions.Expect(decider.Locator("#h-proposals ~ table " + row)).ToContainTextAsync("Entscheiden");
        await decider.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(decider.GetByLabel("Beginn der Einschränkung")).ToHaveValueAsync(app.Today.AddDays(1).ToString("yyyy-MM-dd"));
        await decider.GetByLabel("Bewilligen").FocusAsync();
        await decider.Keyboard.PressAsync("Space");
        await decider.Keyboard.PressAsync("Tab");
        await decider.Keyboard.TypeAsync("Fernbleiben ohne wichtigen Grund nach Belehrung");
        await decider.Keyboard.PressAsync("Tab");
        await TypeDate(decider, app.Today.AddDays(-1));
        // Contract v3b: the amounts (typed in EUR), the hardship decision and the approval notice it changes.
        await RestrictionTermsForm.Fill(decider, app.Today.AddMonths(-3));
        await TabTo(decider, decider.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }));
        await decider.Keyboard.PressAsync("Enter");
        await decider.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich bewilligen" }).ClickAsync();

        var startsOn = decider.GetByLabel("Beginn der Einschränkung");
        await Assertions.Expect(decider.Locator("[data-valmsg-for='Decide.StartsOn']")).ToContainTextAsync("nicht vor dem Tag der Entscheidung");
        await Assertions.Expect(startsOn).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(decider.GetByLabel("Begründung der Entscheidung")).ToHaveValueAsync("Fernbleiben ohne wichtigen Grund nach Belehrung");
        await Assertions.Expect(decider.GetByLabel("Bewilligen")).ToBeCheckedAsync();
        await Assertions.Expect(decider.GetByLabel("Monatliche Leistungen bisher (EUR)")).ToHaveValueAsync("441,00");
        await Assertions.Expect(decider.GetByLabel("Zusätzlich gewährte Leistungen")).ToHaveValueAsync("Schulbedarf des Kindes");
        await Assertions.Expect(startsOn).ToBeFocusedAsync();
        await StaffAppFixture.Check(decider, "32-entscheidung-fehler");
        (await Current(c))["status"]!.GetValue<string>().Should().Be("pending", "a refused decision stores nothing");

        // The focus sits on the refused date: type a valid one and send.
        var start = app.Today.AddDays(2);
        await TypeDate(decider, start);
        await TabTo(decider, decider.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }));
        await decider.Keyboard.PressAsync("Enter");
        // The summary before the binding click; the API holds nothing yet.
        var summary = decider.GetByTestId("confirm-summary");
        await Assertions.Expect(decider.GetByTestId("confirm-step")).ToContainTextAsync("Noch ist nichts gespeichert");
        await Assertions.Expect(summary).ToContainTextAsync("bewilligen (Einschränkungsbescheid)");
        await Assertions.Expect(summary).ToContainTextAsync(German(start));
        await Assertions.Expect(summary).ToContainTextAsync("Fernbleiben ohne wichtigen Grund nach Belehrung");
        await Assertions.Expect(summary).ToContainTextAsync("Schulbedarf des Kindes");
        (await Current(c))["status"]!.GetValue<string>().Should().Be("pending", "nothing is stored before the confirmation");
        // Zurück: the filled form again, still nothing stored.
        await decider.GetByRole(AriaRole.Button, new() { Name = "Zurück" }).ClickAsync();
        await Assertions.Expect(decider.GetByLabel("Bewilligen")).ToBeCheckedAsync();
        await Assertions.Expect(decider.GetByLabel("Zusätzlich gewährte Leistungen")).ToHaveValueAsync("Schulbedarf des Kindes");
        await Assertions.Expect(decider.GetByLabel("Beginn der Einschränkung")).ToHaveValueAsync(start.ToString("yyyy-MM-dd"));
        (await Current(c))["status"]!.GetValue<string>().Should().Be("pending", "Zurück stores nothing");
        await decider.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await decider.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich bewilligen" }).ClickAsync();
        await Assertions.Expect(decider.Locator(".flash")).ToContainTextAsync("bewilligt");
        // Contract v3a: the restriction waits for its notice's notification.
        await Assertions.Expect(decider.GetByTestId("restriction-status")).ToHaveTextAsync("wartet auf Bekanntgabe");
        await Assertions.Expect(decider.GetByTestId("proposal-status")).ToHaveTextAsync("bewilligt");
        await Assertions.Expect(decider.Locator("main")).ToContainTextAsync(German(start));
        await StaffAppFixture.Check(decider, "33-bewilligt");

        var approved = await Current(c);
        approved["status"]!.GetValue<string>().Should().Be("approved");
        approved["startsOn"]!.GetValue<string>().Should().Be(start.ToString("yyyy-MM-dd"));
        approved["restriction"]!["status"]!.GetValue<string>().Should().Be("awaiting-notification");
        approved["noticeVersion"]!.GetValue<string>().Should().Be("einschraenkungsbescheid-v2");
        var stored = (AGH.Domain.Sanctions.SanctionDecided)(await app.Service.Stream(c.Person)).Single(e => e.Data is AGH.Domain.Sanctions.SanctionDecided).Data;
        (stored.Amounts, stored.HardshipGranted, stored.RevocationBasis).Should().BeEquivalentTo(
            (new AGH.Domain.Sanctions.RestrictionAmounts(44100, 22050), new[] { "Schulbedarf des Kindes" }, AGH.Domain.Sanctions.RevocationBasis.Section48),
            "EUR typed in the form arrive as cents, each line of the granted list as one item");
        await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(approved["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, app.Today);
        (await Current(c))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        await decider.ReloadAsync();
        await Assertions.Expect(decider.GetByTestId("restriction-status")).ToHaveTextAsync("in Kraft");
        approved["decidedBy"]!.GetValue<string>().Should().NotBe(c.Proposer);
        var endsOn = DateOnly.Parse(approved["endsOn"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        // The decision notice is streamed through the app.
        var notice = await decider.Context.APIRequest.GetAsync(await decider.GetByTestId("notice-link").GetAttributeAsync("href") ?? "");
        notice.Status.Should().Be(200);
        notice.Headers["content-type"].Should().StartWith("application/pdf");

        // The person's Widerspruch, filed by the official; the same official may not decide it (four-eyes).
        await decider.GetByLabel("Inhalt des Widerspruchs").FillAsync("Ich war an dem Tag krank.");
        await decider.GetByRole(AriaRole.Button, new() { Name = "Widerspruch erfassen" }).ClickAsync();
        await Assertions.Expect(decider.GetByTestId("objection-status")).ToHaveTextAsync("offen");
        await decider.GetByLabel("Zurückweisen").CheckAsync();
        await decider.GetByLabel("Keine Erstattung der notwendigen Aufwendungen").CheckAsync();
        await decider.GetByLabel("Begründung der Widerspruchsentscheidung").FillAsync("Keine Bescheinigung vorgelegt.");
        await decider.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        await decider.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich entscheiden" }).ClickAsync();
        await Assertions.Expect(decider.Locator(".validation-summary-errors")).ToContainTextAsync("Vier-Augen-Prinzip");
        await Assertions.Expect(decider.GetByLabel("Begründung der Widerspruchsentscheidung")).ToHaveValueAsync("Keine Bescheinigung vorgelegt.");
        await StaffAppFixture.Check(decider, "34-widerspruch-vier-augen");
        await StaffAppFixture.End(decider);

        // A third official finds the objection in the inbox and dismisses it; the review list shows the restriction.
        var third = await app.SignIn("official", "Maria Widerspruch", $"melle-off3-{Guid.NewGuid():N}"[..24], "melle");
        await third.GotoAsync("/app/inbox");
        var objectionRow = third.Locator("#h-objections ~ table " + row);
        await Assertions.Expect(objectionRow).ToContainTextAsync(c.FamilyName);
        await StaffAppFixture.Check(third, "35-posteingang-widerspruch");
        await objectionRow.GetByRole(AriaRole.Link, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        // Contract v3b: no outcome is preselected; the costs are decided with it.
        await Assertions.Expect(third.GetByLabel("Teilweise abhelfen")).Not.ToBeCheckedAsync();
        await Assertions.Expect(third.GetByLabel("Zurückweisen")).Not.ToBeCheckedAsync();
        await third.GetByLabel("Zurückweisen").CheckAsync();
        await third.GetByLabel("Keine Erstattung der notwendigen Aufwendungen").CheckAsync();
        await third.GetByLabel("Begründung der Widerspruchsentscheidung").FillAsync("Keine Bescheinigung vorgelegt; die Einschränkung bleibt.");
        await third.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        var objectionSummary = third.GetByTestId("confirm-summary");
        await Assertions.Expect(objectionSummary).ToContainTextAsync("Keine Bescheinigung vorgelegt; die Einschränkung bleibt.");
        await Assertions.Expect(objectionSummary).ToContainTextAsync("keine Kostenerstattung");
        (await Current(c))["objection"]!["status"]!.GetValue<string>().Should().Be("pending", "nothing is stored before the confirmation");
        await third.GetByRole(AriaRole.Button, new() { Name = "Zurück" }).ClickAsync();
        await Assertions.Expect(third.GetByLabel("Zurückweisen")).ToBeCheckedAsync();
        await Assertions.Expect(third.GetByLabel("Begründung der Widerspruchsentscheidung")).ToHaveValueAsync("Keine Bescheinigung vorgelegt; die Einschränkung bleibt.");
        (await Current(c))["objection"]!["status"]!.GetValue<string>().Should().Be("pending", "Zurück stores nothing");
        await third.GetByRole(AriaRole.Button, new() { Name = "Widerspruch entscheiden" }).ClickAsync();
        await third.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich entscheiden" }).ClickAsync();
        await Assertions.Expect(third.GetByTestId("objection-status")).ToHaveTextAsync("zurückgewiesen");
        await Assertions.Expect(third.GetByTestId("restriction-status")).ToHaveTextAsync("in Kraft");
        await StaffAppFixture.Check(third, "36-widerspruch-entschieden");
        var dismissed = await Current(c);
        dismissed["objection"]!["status"]!.GetValue<string>().Should().Be("dismissed");
        dismissed["objection"]!["costs"]!.GetValue<string>().Should().Be("none");
        dismissed["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");

        await third.GotoAsync("/app/inbox");
        await Assertions.Expect(third.Locator("#h-objections ~ table " + row)).ToHaveCountAsync(0);
        await third.GetByLabel("Endet innerhalb von").SelectOptionAsync("366");
        await third.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Assertions.Expect(third.Locator("#h-reviews ~ table " + row)).ToContainTextAsync(German(endsOn));
        await third.Locator("#h-reviews").ScrollIntoViewIfNeededAsync();
        await StaffAppFixture.Check(third, "37-wiedervorlagen");
        await StaffAppFixture.End(third);

        // The caseworker's Wiedervorlagen list the same restriction, linking to the person.
        var caseworker = await app.SignIn("caseworker", "Lena Sozialamt", $"melle-cw2-{Guid.NewGuid():N}"[..24], "melle");
        await caseworker.GotoAsync("/app/reviews?within=366");
        var reviewRow = caseworker.Locator(row);
        await Assertions.Expect(reviewRow).ToContainTextAsync(c.FamilyName);
        (await reviewRow.GetByRole(AriaRole.Link).GetAttributeAsync("href")).Should().Be($"/app/persons/{c.Person}");
        await StaffAppFixture.Check(caseworker, "38-wiedervorlagen-sozialamt");
        await StaffAppFixture.End(caseworker);
    }

    [Fact]
    public async Task An_official_sees_why_a_continuation_and_an_early_end_are_refused_and_ends_the_restriction_early()
    {
        var c = await ProposedCase.Create(app, "ende");
        var approver = await app.Service.ClientFor("official", "melle", $"melle-off-e-{Guid.NewGuid():N}"[..24]);
        var decided = await ProposedCase.Ok(await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(approver,
            $"/api/sanction-proposals/{c.Proposal}/decision", new { approved = true, reasoning = "liegt vor", startsOn = app.Today.ToString("yyyy-MM-dd"), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        // Contract v3a: in force once its notice is notified; handed over on the decision day.
        await AGH.Tests.Http.NoticeDispatching.DispatchAsync(app.Service, c.Person, Guid.Parse(decided["noticeId"]!.GetValue<string>()),
            AGH.Domain.Notices.DispatchMethod.HandedOver, app.Today);

        var official = await app.SignIn("official", "Uwe Überprüfung", $"melle-off-r-{Guid.NewGuid():N}"[..24], "melle");
        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await official.GetByLabel("Fortsetzen für weitere sechs Monate").CheckAsync();
        await official.GetByLabel("Begründung der Überprüfung").FillAsync("Die Weigerung dauert an.");
        await RestrictionTermsForm.Fill(official, app.Today.AddMonths(-3));
        await official.GetByRole(AriaRole.Button, new() { Name = "Überprüfung speichern" }).ClickAsync();
        // Issue 20: a summary first; the API's refusal comes once it is confirmed.
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich fortsetzen" }).ClickAsync();
        // Contract v3a: a continuation is refused before its window opens, before the hearing is looked at.
        await Assertions.Expect(official.Locator("[data-valmsg-for='Review.Continue']")).ToContainTextAsync("letzten Wochen");
        await Assertions.Expect(official.GetByLabel("Begründung der Überprüfung")).ToHaveValueAsync("Die Weigerung dauert an.");
        await Assertions.Expect(official.GetByLabel("Fortsetzen für weitere sechs Monate")).ToBeCheckedAsync();

        await official.GetByLabel("Letzter Tag der Einschränkung").FillAsync(app.Today.AddDays(1).ToString("yyyy-MM-dd"));
        await official.GetByLabel("Grund der vorzeitigen Beendigung").SelectOptionAsync(new SelectOptionValue { Label = "Pflicht wird wieder erfüllt" });
        await official.GetByLabel("Begründung der Beendigung").FillAsync("Arbeitet seit heute wieder.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Einschränkung beenden" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich beenden" }).ClickAsync();
        await Assertions.Expect(official.Locator("[data-valmsg-for='End.Date']")).ToContainTextAsync("nicht in der Zukunft");
        await Assertions.Expect(official.GetByLabel("Grund der vorzeitigen Beendigung")).ToHaveValueAsync("DutyFulfilled");
        await Assertions.Expect(official.GetByLabel("Begründung der Beendigung")).ToHaveValueAsync("Arbeitet seit heute wieder.");
        await StaffAppFixture.Check(official, "39-beenden-fehler");
        (await Current(c))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");

        await official.GetByLabel("Letzter Tag der Einschränkung").FillAsync(app.Today.ToString("yyyy-MM-dd"));
        await official.GetByRole(AriaRole.Button, new() { Name = "Einschränkung beenden" }).ClickAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich beenden" }).ClickAsync();
        await Assertions.Expect(official.GetByTestId("restriction-status")).ToHaveTextAsync("vorzeitig beendet");
        var ended = await Current(c);
        ended["restriction"]!["status"]!.GetValue<string>().Should().Be("ended-early");
        ended["restriction"]!["endsOn"]!.GetValue<string>().Should().Be(app.Today.ToString("yyyy-MM-dd"));
        await StaffAppFixture.End(official);
    }

    private Task<System.Text.Json.Nodes.JsonNode> Current(ProposedCase c) => ProposedCase.Read(app, c.Proposal);
}
