using System.Globalization;
using AGH.Tests.Generated;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// The caseworker's placement journeys in Hilter: the hours grid used with the keyboard only, and a refusal through
/// assessment, hearing and proposal. Preconditions come through the API; everything after sign-in through the UI.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class PlacementJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "hilter";

    private DateOnly Today => app.Today;

    /// <summary>Monday of the week before this one: all seven days lie in the past, whatever weekday today is.</summary>
    private DateOnly LastMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - 7);

    private static string De(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<AghClient> Caseworker() => new(await app.Service.ClientFor("caseworker", Municipality, "j.weber"));

    /// <summary>An offer in Hilter (by the coordinator), a person, and a placement from last Monday with 10 hours a week.</summary>
    private async Task<(Guid PlacementId, string OfferTitle)> PlacedPerson(string givenName, string familyName, DateOnly? startsOn = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = new AghClient(await app.Service.ClientFor("coordinator", null));
        // A realistic title for the screenshots; the tests reach the placement by id, and the file reference keeps runs apart.
        var title = "Pflege des Kurparks";
        var offerId = (await coordinator.RegisterOfferAsync(null, new RegisterOfferRequest
        {
            ProviderType = ProviderType.Municipality,
            ProviderName = "Gemeinde Hilter, Bauhof",
            Municipality = Municipality,
            Title = title,
            Activity = "Wege fegen, Beete pflegen",
            Places = 3,
            HoursPerWeek = 20,
            StartsOn = Today.AddYears(-1),
            ReportTo = "Bauhof Hilter, Osnabrücker Straße 1",
            ServesPublicBenefit = true,
        })).Id;
        var caseworker = await Caseworker();
        var personId = (await caseworker.RegisterPersonAsync(null, new RegisterPersonRequest
        {
            Municipality = Municipality,
            GivenName = givenName,
            FamilyName = familyName,
            DateOfBirth = Today.AddYears(-31),
            EntitledSince = Today.AddYears(-2),
            ConfirmedNotDuplicate = true,
            FileReference = "AZ-HIL-" + suffix,
        })).Id;
        var placementId = (await caseworker.AssignPersonAsync(null, new AssignPersonRequest
        {
            PersonId = personId,
            OfferId = offerId,
            NoticeServedOn = (startsOn ?? LastMonday).AddDays(-3),
            StartsOn = startsOn ?? LastMonday,
            HoursPerWeek = 10,
        })).Id;
        return (placementId, title);
    }

    [Fact]
    public async Task A_caseworker_logs_a_week_with_the_keyboard_sees_the_day_over_the_weekly_hours_refused_and_corrects_a_day_with_a_reason()
    {
        var (placementId, title) = await PlacedPerson("Karim", "Nasser");
        var page = await app.SignIn("caseworker", "Jonas Weber", "j.weber", Municipality);

        await page.GotoAsync($"/app/placements/{placementId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Karim Nasser");
        await Assertions.Expect(page.GetByText(title)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("placement-status")).ToHaveTextAsync("läuft");
        await Assertions.Expect(page.GetByTestId("minutes-logged")).ToHaveTextAsync("0:00 Std.");
        await StaffAppFixture.Check(page, "20-arbeitsgelegenheit");

        // The grid opens on the current week; the week before is one link away.
        await page.GetByRole(AriaRole.Link, new() { Name = "Stunden erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync(De(LastMonday.AddDays(7)));
        await StaffAppFixture.Check(page, "21-stunden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Vorherige Woche" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync(De(LastMonday));

        ILocator Day(int offset) => page.GetByLabel("Stunden " + Label(LastMonday.AddDays(offset)), new() { Exact = true });
        ILocator Row(int offset) => page.Locator($"tr[data-day='{Iso(LastMonday.AddDays(offset))}']");
        var weekSum = page.GetByTestId("week-sum");
        await Assertions.Expect(weekSum).ToContainTextAsync("noch 10:00 Std.");

        // Keyboard only: into Monday, type, Tab to Tuesday and Wednesday; the week's sum follows every keystroke.
        await Day(0).FocusAsync();
        await page.Keyboard.TypeAsync("4:00");
        await Assertions.Expect(weekSum).ToContainTextAsync("noch 6:00 Std.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Day(1)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("4:00");
        await Assertions.Expect(weekSum).ToContainTextAsync("noch 2:00 Std.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Day(2)).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("4:00");
        await Assertions.Expect(weekSum).ToContainTextAsync("2:00 Std. über der Grenze");
        await StaffAppFixture.Check(page, "21-stunden");
        await page.Keyboard.PressAsync("Enter");

        // The API refuses Wednesday (weekly-limit): the message sits at that day, the typed value stays, the others are saved.
        await Assertions.Expect(Row(2).Locator(".field-error")).ToContainTextAsync("Wochenstunden überschritten");
        await Assertions.Expect(Day(2)).ToHaveValueAsync("4:00");
        await Assertions.Expect(Row(0)).ToContainTextAsync("Gespeichert.");
        await Assertions.Expect(Row(1)).ToContainTextAsync("Gespeichert.");
        // Issue 20: a partly failed save is a warning naming what was saved and what not, never the green success box.
        var partial = page.GetByTestId("partial-save");
        await Assertions.Expect(partial).ToContainTextAsync("Nur teilweise gespeichert.");
        await Assertions.Expect(partial).ToContainTextAsync("Nicht gespeichert: " + Label(LastMonday.AddDays(2)));
        await Assertions.Expect(page.Locator(".flash")).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "22-stunden-fehler");
        (await (await Caseworker()).GetPlacementAsync(placementId)).MinutesLogged.Should().Be(480, "Monday and Tuesday were saved, Wednesday was not");

        // A correction: Monday down to 3:00 with a reason, Wednesday to 3:00. Lowering Monday first leaves room for Wednesday.
        await Day(0).FillAsync("3:00");
        await page.GetByLabel("Grund der Korrektur " + Label(LastMonday), new() { Exact = true }).FillAsync("Früher gegangen, Stundenzettel berichtigt");
        await Day(2).FillAsync("3:00");
        await Assertions.Expect(weekSum).ToContainTextAsync("10:00 Std. von 10:00 Std., noch 0:00 Std.");
        await Day(2).PressAsync("Enter");
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Gespeichert");
        await Assertions.Expect(Row(0).Locator("td.num")).ToHaveTextAsync("3:00");
        await Assertions.Expect(Row(2).Locator("td.num")).ToHaveTextAsync("3:00");
        await StaffAppFixture.Check(page, "26-stunden-korrektur");
        // Issue 20: Back after the corrected form shows the hours page again, not the browser's "resend the form?" page.
        await page.GoBackAsync();
        page.Url.Should().Contain($"/app/placements/{placementId}/hours");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(Row(0).Locator("td.num")).ToHaveTextAsync("3:00");
        await page.GoForwardAsync();

        var placement = await (await Caseworker()).GetPlacementAsync(placementId);
        placement.MinutesLogged.Should().Be(600);
        var monday = placement.Hours.Where(h => h.Date == LastMonday).ToList();
        monday.Should().HaveCount(2, "the correction is a new entry and the original stays in the history");
        monday.Single(h => !h.Superseded).Should().Match<HourEntryDto>(h => h.Minutes == 180 && h.CorrectsEntryId != null && h.Reason == "Früher gegangen, Stundenzettel berichtigt");

        // Days after today are shown, not editable, and say why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nächste Woche" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nächste Woche" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody")).ToContainTextAsync("Nur Anzeige: liegt in der Zukunft");
        await StaffAppFixture.End(page);
    }

    /// <summary>
    /// Issue 16: the placement's answer carries its newest 100 entries only; the grid of a week further back still shows
    /// that week's hours, and a correction made later, read for that week only (GET /api/placements/{id}/hours with from and to).
    /// </summary>
    [Fact]
    public async Task The_hours_grid_of_an_early_week_of_a_long_placement_shows_its_hours()
    {
        var start = LastMonday.AddDays(-140);
        var (placementId, _) = await PlacedPerson("Samir", "Haddad", start);
        var personId = (await (await Caseworker()).GetPlacementAsync(placementId)).PersonId;
        // 150 entries of 15 minutes, two a day from the start: the first weeks' lie outside the newest 100. The last event
        // corrects the first Wednesday's first entry to 0: recorded long after, dated in that week.
        var ids = Enumerable.Range(0, 150).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var session = app.Service.Store.LightweightSession())
        {
            AGH.Api.Infrastructure.CommandActor.Set(session, new AGH.Domain.Common.Actor("j.weber", "Jonas Weber", "caseworker", Municipality));
            var version = (await session.Events.FetchStreamStateAsync(personId))!.Version;
            session.Events.Append(personId, version + 151, Enumerable.Range(0, 150)
                .Select(i => (object)new AGH.Domain.Placements.HoursLogged(placementId, personId, ids[i], start.AddDays(i / 2), 15))
                .Append(new AGH.Domain.Placements.HoursCorrected(placementId, personId, Guid.CreateVersion7(), ids[4], start.AddDays(2), 0, "Irrtum")).ToArray());
            await session.SaveChangesAsync();
        }
        var placement = await (await Caseworker()).GetPlacementAsync(placementId);
        placement.Hours.Should().HaveCount(100);
        placement.HoursTotal.Should().Be(151);
        placement.MinutesLogged.Should().Be(149 * 15);
        var firstWeek = await (await Caseworker()).GetPlacementHoursAsync(placementId, null, null, start, start.AddDays(6));
        firstWeek.Hours.Should().HaveCount(15, "14 entries of the week and the correction dated in it");
        firstWeek.HoursTotal.Should().Be(151);

        var page = await app.SignIn("caseworker", "Jonas Weber", "j.weber", Municipality);
        static string WeekOf(DateOnly d) => $"{ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):D2}";
        await page.GotoAsync($"/app/placements/{placementId}/hours?week={WeekOf(start)}");
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync(De(start));
        for (var d = 0; d < 7; d++)
            await Assertions.Expect(page.Locator($"tr[data-day='{Iso(start.AddDays(d))}'] td.num")).ToHaveTextAsync(d == 2 ? "0:15" : "0:30");
        await Assertions.Expect(page.GetByTestId("week-sum")).ToContainTextAsync("3:15 Std. von 10:00 Std.");
        await StaffAppFixture.Check(page, "220-stunden-fruehe-woche-langer-einsatz");
        // The next week: its own days only.
        await page.GotoAsync($"/app/placements/{placementId}/hours?week={WeekOf(start.AddDays(7))}");
        await Assertions.Expect(page.Locator("caption")).ToContainTextAsync(De(start.AddDays(7)));
        await Assertions.Expect(page.GetByTestId("week-sum")).ToContainTextAsync("3:30 Std. von 10:00 Std.");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_caseworker_takes_a_refusal_through_assessment_and_hearing_to_a_proposal_and_the_page_says_which_step_is_missing()
    {
        var (placementId, _) = await PlacedPerson("Dawit", "Tesfaye");
        var refusalDate = LastMonday.AddDays(1);
        var page = await app.SignIn("caseworker", "Jonas Weber", "j.weber", Municipality);

        await page.GotoAsync($"/app/placements/{placementId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await page.GetByLabel("Datum der Weigerung").FillAsync(Iso(refusalDate));
        await page.GetByLabel("Nichterscheinen").CheckAsync();
        await page.GetByLabel("Von der Person angegebener Grund").FillAsync("Kein Bus gefahren");
        await StaffAppFixture.Check(page, "23-weigerung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ist erfasst");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Weigerung vom " + De(refusalDate));
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync("Es fehlt noch: die Bewertung");

        // Assessed without good cause: the proposal is still not possible, and the page says the hearing is missing.
        await page.GetByLabel("Nein, kein wichtiger Grund").CheckAsync();
        await page.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Der Bus fuhr; andere Teilnehmende kamen pünktlich.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewertung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync("Es fehlt noch: die Anhörung (Schritt 3)");
        var propose = page.GetByRole(AriaRole.Button, new() { Name = "Anspruchseinschränkung vorschlagen" });
        await Assertions.Expect(propose).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#propose-why")).ToContainTextAsync("die Anhörung");

        // A hearing dated before the refusal: the API's refusal in German at the date, the statement kept.
        await page.GetByLabel("Tag der Anhörung").FillAsync(Iso(refusalDate.AddDays(-1)));
        await page.GetByLabel("Äußerung der Person").FillAsync("Ich hatte verschlafen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anhörung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Hearing.HeldOn']")).ToContainTextAsync("nicht vor der Weigerung");
        await Assertions.Expect(page.GetByLabel("Äußerung der Person")).ToHaveValueAsync("Ich hatte verschlafen.");
        await StaffAppFixture.Check(page, "24-weigerung-schritte");

        await page.GetByLabel("Tag der Anhörung").FillAsync(Iso(Today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anhörung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync("Es fehlt noch: der Vorschlag");

        await page.GetByLabel("Begründung des Vorschlags").FillAsync("Unentschuldigtes Fernbleiben ohne wichtigen Grund nach Anhörung.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anspruchseinschränkung vorschlagen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("proposal-status")).ToHaveTextAsync("wartet auf Entscheidung");
        await Assertions.Expect(page.GetByText("Vier-Augen-Prinzip")).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "25-vorschlag");

        var placement = await (await Caseworker()).GetPlacementAsync(placementId);
        var proposal = placement.SanctionProposals.Should().ContainSingle().Subject;
        proposal.Status.Should().Be(ProposalStatus.Pending);
        proposal.ProposedBy.Should().Be("j.weber");
        (await (await Caseworker()).GetSanctionProposalAsync(proposal.Id)).Status.Should().Be(ProposalStatus.Pending);
        placement.Refusals.Single().Hearing!.HeldOn.Should().Be(Today);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zur Arbeitsgelegenheit" }).ClickAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync("Vorschlag wartet auf Entscheidung");
        await StaffAppFixture.Check(page, "27-arbeitsgelegenheit-weigerung");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_refusal_assessed_with_a_good_cause_ends_the_flow_without_a_proposal()
    {
        var (placementId, _) = await PlacedPerson("Leyla", "Karimi");
        var refusalDate = LastMonday.AddDays(2);
        var page = await app.SignIn("caseworker", "Jonas Weber", "j.weber", Municipality);

        await page.GotoAsync($"/app/placements/{placementId}/refusals/new");
        await page.GetByLabel("Datum der Weigerung").FillAsync(Iso(refusalDate));
        await page.GetByLabel("Abbruch").CheckAsync();
        await page.GetByLabel("Von der Person angegebener Grund").FillAsync("Das Kind war krank");
        await StaffAppFixture.Check(page, "29-weigerung-abbruch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();

        // "Ja" without naming the reason: the API refuses, and says so at the reason's field; the reasoning stays.
        await page.GetByLabel("Ja, ein wichtiger Grund liegt vor").CheckAsync();
        await page.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Ärztliche Bescheinigung für das Kind liegt vor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewertung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Assess.Reason']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("Begründung", new() { Exact = true })).ToHaveValueAsync("Ärztliche Bescheinigung für das Kind liegt vor.");

        await page.GetByLabel("Wichtiger Grund (nur bei „Ja“)").SelectOptionAsync("childcare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewertung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("missing")).ToContainTextAsync("kein Vorschlag möglich");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Anspruchseinschränkung vorschlagen" })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "28-weigerung-wichtiger-grund");

        var placement = await (await Caseworker()).GetPlacementAsync(placementId);
        placement.Refusals.Single().Assessment!.GoodCause.Should().BeTrue();
        placement.Refusals.Single().Assessment!.Reason.Should().Be(ExemptionReason.Childcare);
        placement.SanctionProposals.Should().BeEmpty();
        await StaffAppFixture.End(page);
    }

    private static string Label(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "Montag",
        DayOfWeek.Tuesday => "Dienstag",
        DayOfWeek.Wednesday => "Mittwoch",
        DayOfWeek.Thursday => "Donnerstag",
        DayOfWeek.Friday => "Freitag",
        DayOfWeek.Saturday => "Samstag",
        _ => "Sonntag",
    } + ", " + De(d);
}
