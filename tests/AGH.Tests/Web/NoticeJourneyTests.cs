using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Notices in the staff app (contract v3a): the Heranziehungsbescheid the service issues waits for dispatch on the
/// person's page and in the inbox until the caseworker records how it went out; one served outside the service has no
/// PDF; a dispatch the API refuses keeps what was typed. Preconditions through the API, everything after sign-in in the UI.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class NoticeJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "hagen";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string German(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    // The rule of § 41 Abs. 2 VwVfG and § 64 SGG as the contract states it, written out here on its own so the test
    // does not check the service against itself.
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static bool IsHolidayInLowerSaxony(DateOnly d)
    {
        var easter = EasterSunday(d.Year);
        return (d.Month, d.Day) is (1, 1) or (5, 1) or (10, 3) or (10, 31) or (12, 25) or (12, 26)
            || d == easter.AddDays(-2) || d == easter.AddDays(1) || d == easter.AddDays(39) || d == easter.AddDays(50);
    }

    private static DateOnly NextWorkingDay(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || IsHolidayInLowerSaxony(d)) d = d.AddDays(1);
        return d;
    }

    /// <summary>Posted: notified on the fourth day after, moved to the next working day.</summary>
    private static DateOnly NotifiedWhenPosted(DateOnly on) => NextWorkingDay(on.AddDays(4));

    /// <summary>One month from notification: the same day number next month, else that month's last day; off weekends and holidays.</summary>
    private static DateOnly MonthDeadline(DateOnly notified)
    {
        var next = new DateOnly(notified.Year, notified.Month, 1).AddMonths(1);
        return NextWorkingDay(new DateOnly(next.Year, next.Month, Math.Min(notified.Day, DateTime.DaysInMonth(next.Year, next.Month))));
    }

    private async Task<(HttpClient Api, Guid OfferId, Guid PersonId, string FamilyName, string OfferTitle)> Person(string familyName, string userId)
    {
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var title = "Bürgerpark Hagen – Grünpflege";
        var offerId = await WebApi.Offer(coordinator, Municipality, title, 2, 20, app.Today.AddYears(-1));
        var api = await app.Service.ClientFor("caseworker", Municipality, userId);
        var personId = await WebApi.Person(api, Municipality, familyName, app.Today, "AZ-HAG-" + Guid.NewGuid().ToString("N")[..6]);
        return (api, offerId, personId, familyName, title);
    }

    private static ILocator OfferRadio(IPage page, Guid offerId) => page.Locator($"#offer-{offerId:N}");

    [Fact]
    public async Task A_caseworker_assigns_without_a_notice_date_finds_the_notice_waiting_on_the_person_and_in_the_inbox_and_records_its_posting()
    {
        var today = app.Today;
        var (api, offerId, personId, familyName, _) = await Person("Rahimi", "n.koch");
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);

        // Assign with the notice date left empty: the service issues the Heranziehungsbescheid today.
        await page.GotoAsync($"/app/persons/{personId}/assign");
        await OfferRadio(page, offerId).CheckAsync();
        await Assertions.Expect(page.GetByLabel("Bescheid außerhalb des Dienstes bekanntgegeben am (optional)")).ToHaveValueAsync("");
        await page.GetByLabel("Beginn des Einsatzes").FillAsync(Iso(today));
        await page.GetByLabel("Stunden pro Woche").FillAsync("10");
        await AssignForm.FillV3b(page, 10, today.AddMonths(4));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/app/placements/[0-9a-f-]{36}/assigned$"));
        var placementId = Guid.Parse(new Regex("placements/([0-9a-f-]{36})/").Match(page.Url).Groups[1].Value);
        var noticeId = (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["noticeId"]!.GetValue<string>();
        await Assertions.Expect(page.GetByTestId("notice-state")).ToContainTextAsync("Der Heranziehungsbescheid wartet auf den Versand");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Heranziehungsbescheid drucken (PDF)" })).ToHaveAttributeAsync("href", $"/app/placements/{placementId}/notice");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Versand erfassen" })).ToHaveAttributeAsync("href", $"/app/notices/{noticeId}");

        // The person's page: the notice first in "Bescheide", marked in words as waiting.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Zurück zu Samir {familyName}" }).ClickAsync();
        var notices = page.GetByTestId("notices");
        await Assertions.Expect(notices.Locator("caption")).ToHaveTextAsync("Bescheide der Person, davon 1 zu versenden");
        var first = notices.Locator("tbody tr").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-notice", noticeId);
        await Assertions.Expect(first).ToContainTextAsync("Heranziehungsbescheid");
        await Assertions.Expect(first).ToContainTextAsync(German(today));
        await Assertions.Expect(first).ToContainTextAsync("Zu versenden: wartet auf den Versand");
        await page.EvaluateAsync("() => document.getElementById('notices-heading').scrollIntoView()");
        await StaffAppFixture.Check(page, "70-bescheide-person");

        // The inbox lists it with person, kind and day of issue.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Posteingang" }).ClickAsync();
        await page.WaitForURLAsync("**/app/inbox");
        var row = page.GetByTestId("notices-to-dispatch").Locator($"tr[data-notice='{noticeId}']");
        await Assertions.Expect(row).ToContainTextAsync($"{familyName}, Samir");
        await Assertions.Expect(row).ToContainTextAsync("Heranziehungsbescheid");
        await Assertions.Expect(row).ToContainTextAsync(German(today));
        await Assertions.Expect(row).ToContainTextAsync("wartet auf den Versand");
        await StaffAppFixture.Check(page, "71-posteingang-bescheide");

        // The notice page: nothing notified, no deadline running yet.
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Versand erfassen") }).ClickAsync();
        await page.WaitForURLAsync($"**/app/notices/{noticeId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Heranziehungsbescheid");
        await Assertions.Expect(page.GetByTestId("notice-issued")).ToHaveTextAsync(German(today));
        await Assertions.Expect(page.GetByTestId("notice-origin")).ToHaveTextAsync("im Dienst erstellt");
        await Assertions.Expect(page.GetByTestId("notice-status")).ToHaveTextAsync("wartet auf den Versand");
        await Assertions.Expect(page.GetByTestId("notice-notified")).ToHaveTextAsync("–");
        await Assertions.Expect(page.GetByTestId("notice-deadline")).ToHaveTextAsync("läuft erst ab der Bekanntgabe");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bescheid drucken (PDF)" })).ToHaveAttributeAsync("href", $"/app/notices/{noticeId}/Pdf");
        var pdf = await page.APIRequest.GetAsync($"/app/notices/{noticeId}/Pdf");
        pdf.Status.Should().Be(200);
        System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync(), 0, 5).Should().Be("%PDF-");

        // The translated annex: one link per language; the download is the notice with the marked translation appended.
        var annexes = page.GetByTestId("annexes");
        await Assertions.Expect(annexes.GetByRole(AriaRole.Link)).ToHaveCountAsync(6);
        var arabic = annexes.GetByRole(AriaRole.Link, new() { Name = "Bescheid mit Übersetzung: Arabisch (PDF)" });
        await Assertions.Expect(arabic).ToHaveAttributeAsync("href", $"/app/notices/{noticeId}/Annex?language=ar");
        var annexed = await page.APIRequest.GetAsync($"/app/notices/{noticeId}/Annex?language=ar");
        annexed.Status.Should().Be(200);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await annexed.BodyAsync()))
        {
            document.NumberOfPages.Should().BeGreaterThan(1, "the translation is appended to the German notice");
            string.Concat(document.GetPages().Select(p => p.Text)).Should().Contain("rechtsverbindlich", "the annex is marked as a translation");
        }
        (await page.APIRequest.GetAsync($"/app/notices/{noticeId}/Annex?language=de")).Status.Should().Be(404, "only the translated languages are offered");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("annexes-rendered")).ToContainTextAsync("Arabisch (Fassung rfb-ar-v");

        // Posted today: notified on the fourth day, off weekends and Lower Saxony's holidays; the deadline a month on.
        await Assertions.Expect(page.GetByLabel("Versandt bzw. ausgehändigt am")).ToHaveValueAsync(Iso(today));
        await page.GetByLabel("mit einfacher Post").CheckAsync();
        await StaffAppFixture.Check(page, "72-bescheid-versand");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich Versand erfassen" }).ClickAsync();
        var notified = NotifiedWhenPosted(today);
        var deadline = MonthDeadline(notified);
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Versand erfasst (mit einfacher Post am {German(today)}): der Bescheid gilt als bekanntgegeben am {German(notified)}.");
        await Assertions.Expect(page.GetByTestId("notice-status")).ToHaveTextAsync($"bekanntgegeben am {German(notified)}");
        await Assertions.Expect(page.GetByTestId("notice-dispatch")).ToHaveTextAsync($"mit einfacher Post am {German(today)}");
        await Assertions.Expect(page.GetByTestId("notice-notified")).ToHaveTextAsync(German(notified));
        await Assertions.Expect(page.GetByTestId("notice-remedy")).ToHaveTextAsync("Widerspruch (§ 84 SGG)");
        await Assertions.Expect(page.GetByTestId("notice-deadline")).ToHaveTextAsync(German(deadline));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zugang widerlegt" })).ToBeVisibleAsync();
        await StaffAppFixture.Check(page, "73-bescheid-versandt");

        var stored = (await api.GetFromJsonAsync<JsonNode>($"/api/notices/{noticeId}"))!;
        stored["dispatch"]!["method"]!.GetValue<string>().Should().Be("post");
        stored["dispatch"]!["on"]!.GetValue<string>().Should().Be(Iso(today));
        stored["notifiedOn"]!.GetValue<string>().Should().Be(Iso(notified));
        stored["remedyDeadline"]!.GetValue<string>().Should().Be(Iso(deadline));
        stored["objectionDeadline"]!.GetValue<string>().Should().Be(Iso(deadline));

        // It has left the inbox, and the person's page shows it notified.
        await page.GotoAsync("/app/inbox");
        await Assertions.Expect(page.GetByTestId("notices-to-dispatch").Locator($"tr[data-notice='{noticeId}']")).ToHaveCountAsync(0);
        (await api.GetFromJsonAsync<JsonArray>("/api/notices?awaitingDispatch=true&pageSize=500"))!
            .Select(n => n!["id"]!.GetValue<string>()).Should().NotContain(noticeId);
        await page.GotoAsync($"/app/persons/{personId}");
        await Assertions.Expect(page.GetByTestId("notices").Locator($"tr[data-notice='{noticeId}']")).ToContainTextAsync($"bekanntgegeben am {German(notified)}");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task An_assignment_with_a_notice_served_outside_the_service_links_no_PDF_anywhere()
    {
        var today = app.Today;
        var (api, offerId, personId, _, _) = await Person("Nazari", "n.koch");
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);

        await page.GotoAsync($"/app/persons/{personId}/assign");
        await OfferRadio(page, offerId).CheckAsync();
        await page.GetByLabel("Bescheid außerhalb des Dienstes bekanntgegeben am (optional)").FillAsync(Iso(today.AddDays(-7)));
        await page.GetByLabel("Beginn des Einsatzes").FillAsync(Iso(today.AddDays(-6)));
        await page.GetByLabel("Stunden pro Woche").FillAsync("10");
        await AssignForm.FillV3b(page, 10, today.AddMonths(4));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/app/placements/[0-9a-f-]{36}/assigned$"));
        var placementId = Guid.Parse(new Regex("placements/([0-9a-f-]{36})/").Match(page.Url).Groups[1].Value);
        var noticeId = (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["noticeId"]!.GetValue<string>();
        await Assertions.Expect(page.GetByTestId("notice-state")).ToContainTextAsync($"außerhalb des Dienstes bekanntgegeben am {German(today.AddDays(-7))}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("PDF") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href$='/notice'], a[href$='/Pdf']")).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page);

        // The person's page: no PDF for it, the notice listed as notified outside the service.
        await page.GotoAsync($"/app/persons/{personId}");
        await Assertions.Expect(page.GetByTestId("placements").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("PDF") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href$='/notice'], a[href$='/Pdf']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("notices").Locator($"tr[data-notice='{noticeId}']")).ToContainTextAsync($"bekanntgegeben am {German(today.AddDays(-7))}");

        // The placement and the notice page: no PDF either; the old PDF address leads to the notice page.
        await page.GotoAsync($"/app/placements/{placementId}");
        await Assertions.Expect(page.Locator("a[href$='/notice'], a[href$='/Pdf']")).ToHaveCountAsync(0);
        await page.GetByTestId("placement-notice").ClickAsync();
        await page.WaitForURLAsync($"**/app/notices/{noticeId}");
        await Assertions.Expect(page.GetByTestId("notice-origin")).ToHaveTextAsync("außerhalb des Dienstes zugestellt");
        await Assertions.Expect(page.GetByTestId("no-pdf")).ToHaveTextAsync("Außerhalb des Dienstes bekanntgegeben: Der Dienst hat dazu kein PDF.");
        await Assertions.Expect(page.GetByTestId("notice-notified")).ToHaveTextAsync(German(today.AddDays(-7)));
        await Assertions.Expect(page.GetByTestId("notice-deadline")).ToHaveTextAsync(German(MonthDeadline(today.AddDays(-7))));
        await Assertions.Expect(page.Locator("a[href$='/Pdf']")).ToHaveCountAsync(0);
        await page.GotoAsync($"/app/placements/{placementId}/notice");
        await page.WaitForURLAsync($"**/app/notices/{noticeId}");
        (await api.GetAsync($"/api/notices/{noticeId}/pdf")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        // The placement began a week ago: hours logged yesterday, an end before them is refused at the date field
        // (moved here from the caseworker journey, whose placement now begins today with the service's notice).
        (await api.PostAsJsonAsync($"/api/placements/{placementId}/hours", new { date = Iso(today.AddDays(-1)), minutes = 180 }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await page.GotoAsync($"/app/placements/{placementId}/end");
        await page.GetByLabel("Letzter Arbeitstag").FillAsync(Iso(today.AddDays(-2)));
        await page.GetByLabel("Grund", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Reguläre Beschäftigung möglich" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Arbeitsgelegenheit beenden" }).ClickAsync();
        var dateError = page.Locator("[data-valmsg-for='Input.Date']");
        await Assertions.Expect(dateError).ToContainTextAsync("Nach diesem Datum sind noch Stunden erfasst");
        await Assertions.Expect(dateError).ToContainTextAsync(German(today.AddDays(-1)));
        await Assertions.Expect(page.GetByLabel("Letzter Arbeitstag")).ToHaveValueAsync(Iso(today.AddDays(-2)));
        (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["status"]!.GetValue<string>().Should().Be("active");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_dispatch_the_service_refuses_keeps_what_was_typed_and_says_why_next_to_the_field()
    {
        var today = app.Today;
        var (api, offerId, personId, _, _) = await Person("Sultani", "n.koch");
        var placementId = WebApi.Id(await WebApi.Send(api, "/api/placements", AssignmentFields.Body(personId, offerId, today, 10)));
        var noticeId = (await api.GetFromJsonAsync<JsonNode>($"/api/placements/{placementId}"))!["noticeId"]!.GetValue<string>();
        var page = await app.SignIn("caseworker", "Nina Koch", "n.koch", Municipality);
        await page.GotoAsync($"/app/notices/{noticeId}");

        // Posted tomorrow: a date in the future.
        await page.GetByLabel("mit einfacher Post").CheckAsync();
        await page.GetByLabel("Versandt bzw. ausgehändigt am").FillAsync(Iso(today.AddDays(1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich Versand erfassen" }).ClickAsync();
        var onError = page.Locator("[data-valmsg-for='Dispatch.On']");
        await Assertions.Expect(onError).ToHaveTextAsync("Das Datum darf nicht in der Zukunft liegen.");
        await Assertions.Expect(page.GetByLabel("Versandt bzw. ausgehändigt am")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Versandt bzw. ausgehändigt am")).ToHaveValueAsync(Iso(today.AddDays(1)));
        await Assertions.Expect(page.GetByLabel("mit einfacher Post")).ToBeCheckedAsync();

        // Handed over the day before the notice was issued: before its issue.
        await page.GetByLabel("persönlich ausgehändigt").CheckAsync();
        await page.GetByLabel("Versandt bzw. ausgehändigt am").FillAsync(Iso(today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich Versand erfassen" }).ClickAsync();
        await Assertions.Expect(onError).ToHaveTextAsync("Der Versand kann nicht vor dem Erlass des Bescheids liegen.");
        await Assertions.Expect(page.GetByLabel("Versandt bzw. ausgehändigt am")).ToHaveValueAsync(Iso(today.AddDays(-1)));
        await Assertions.Expect(page.GetByLabel("persönlich ausgehändigt")).ToBeCheckedAsync();

        // Electronically without the person having opened that access (§ 3a VwVfG): refused at the checkbox.
        await page.GetByLabel("elektronisch (Zugang eröffnet)").CheckAsync();
        await page.GetByLabel("Versandt bzw. ausgehändigt am").FillAsync(Iso(today));
        await page.GetByRole(AriaRole.Button, new() { Name = "Versand erfassen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich Versand erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Dispatch.AccessOpened']")).ToContainTextAsync("Elektronisch gilt nur, wenn die Person den Zugang eröffnet hat");
        await Assertions.Expect(onError).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("elektronisch (Zugang eröffnet)")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("notice-status")).ToHaveTextAsync("wartet auf den Versand");
        await StaffAppFixture.Check(page, "74-bescheid-versand-abgelehnt");

        var stored = (await api.GetFromJsonAsync<JsonNode>($"/api/notices/{noticeId}"))!;
        stored["dispatch"].Should().BeNull("a refused dispatch stores nothing");
        stored["notifiedOn"].Should().BeNull();
        await StaffAppFixture.End(page);
    }
}
