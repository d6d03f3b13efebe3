using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3d in the staff app: statuses that tell the truth (a minor is not "verfügbar", a placement not yet begun
/// "beginnt am …", an ended offer "beendet"), the hearing's required statement, and names instead of login ids
/// (payroll's run page with names and file references).
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class TruthfulStatusJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "hasbergen";

    private DateOnly Today => app.Today;

    private static string De(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private Task<HttpClient> Caseworker() => app.Service.ClientFor("caseworker", Municipality, "hasbergen-cw-wahr");

    [Fact]
    public async Task A_caseworker_sees_a_minor_as_not_deployable_a_placement_not_yet_begun_and_an_ended_offer()
    {
        var cw = await Caseworker();
        var minor = Id(await Send(cw, "/api/persons", new
        {
            municipality = Municipality, givenName = "Jonas", familyName = Unique("Minor"), dateOfBirth = D(Today.AddYears(-16)),
            confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-1)), fileReference = Unique("AZ-HAS"),
        }));
        var offer = await Offer(cw, Municipality, "Grünpflege Hasbergen", 3, 15, Today.AddYears(-1));
        var adult = await Person(cw, Municipality, Unique("Adult"), Today);
        var startsOn = Today.AddDays(6);
        var upcoming = await Placement(cw, adult, offer, Today.AddDays(-1), startsOn, 15);
        var ended = Id(await Send(cw, "/api/offers", new
        {
            providerType = "municipality", providerName = "Gemeinde Hasbergen", municipality = Municipality, title = "Winterdienst (beendet)",
            activity = "Räumen", places = 2, hoursPerWeek = 10, startsOn = D(Today.AddYears(-1)), endsOn = D(Today.AddDays(-1)),
            reportTo = "Bauhof", servesPublicBenefit = true,
        }));

        var page = await app.SignIn("caseworker", "Clara Brandt", "hasbergen-cw-wahr", Municipality);
        await page.GotoAsync($"/app/persons/{minor}");
        await Assertions.Expect(page.GetByTestId("person-status")).ToHaveTextAsync("nicht einsetzbar: minderjährig");
        await StaffAppFixture.Check(page);

        await page.GotoAsync($"/app/placements/{upcoming}");
        await Assertions.Expect(page.GetByTestId("placement-status")).ToHaveTextAsync($"beginnt am {De(startsOn)}");
        await page.GotoAsync($"/app/persons/{adult}");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync($"beginnt am {De(startsOn)}");

        await page.GotoAsync($"/app/offers/{ended}");
        await Assertions.Expect(page.GetByTestId("offer-status")).ToHaveTextAsync("beendet");
        await StaffAppFixture.Check(page);
    }

    [Fact]
    public async Task The_hearing_form_requires_the_statement_and_says_so()
    {
        var cw = await Caseworker();
        var offer = await Offer(cw, Municipality, "Grünpflege Hasbergen", 3, 15, Today.AddYears(-1));
        var person = await Person(cw, Municipality, Unique("Heard"), Today);
        var placement = await Placement(cw, person, offer, Today.AddDays(-20), Today.AddDays(-14), 15);
        var refusal = Guid.Parse((await Send(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-6)), kind = "explicit", statedReason = "will nicht" }))["refusalId"]!.GetValue<string>());
        await Send(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund vorgetragen." });

        var page = await app.SignIn("caseworker", "Clara Brandt", "hasbergen-cw-wahr", Municipality);
        await page.GotoAsync($"/app/placements/{placement}/refusals/{refusal}");
        await Assertions.Expect(page.Locator("#statement-hint")).ToContainTextAsync("keine Äußerung");
        await page.GetByLabel("Tag der Anhörung").FillAsync(D(Today.AddDays(-2)));
        // The browser's own check is bypassed: the server's message is what counts.
        await page.Locator("textarea[name='Hearing.Statement']").EvaluateAsync("e => e.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anhörung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Bitte die Äußerung eintragen");
        (await Get(cw, $"/api/placements/{placement}"))["refusals"]![0]!["hearing"].Should().BeNull();

        await page.GetByLabel("Äußerung der Person (Pflichtfeld)").FillAsync("keine Äußerung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anhörung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Anhörung vom");
        (await Get(cw, $"/api/placements/{placement}"))["refusals"]![0]!["hearing"]!["statement"]!.GetValue<string>().Should().Be("keine Äußerung");
        await StaffAppFixture.Check(page);
    }

    [Fact]
    public async Task A_no_show_on_a_day_with_hours_is_refused_in_german_with_the_input_kept_until_the_hours_are_corrected()
    {
        var cw = await Caseworker();
        var offer = await Offer(cw, Municipality, "Grünpflege Hasbergen", 3, 15, Today.AddYears(-1));
        var person = await Person(cw, Municipality, Unique("NoShow"), Today);
        var placement = await Placement(cw, person, offer, Today.AddDays(-20), Today.AddDays(-14), 15);
        var day = Today.AddDays(-5);
        var entry = Guid.Parse((await Send(cw, $"/api/placements/{placement}/hours", new { date = D(day), minutes = 300 }))["entryId"]!.GetValue<string>());

        var page = await app.SignIn("caseworker", "Clara Brandt", "hasbergen-cw-wahr", Municipality);
        await page.GotoAsync($"/app/placements/{placement}/refusals/new");
        await page.GetByLabel("Datum der Weigerung").FillAsync(D(day));
        await page.GetByLabel("Nichterscheinen").CheckAsync();
        await page.GetByLabel("Von der Person angegebener Grund").FillAsync("nicht erschienen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("An diesem Tag sind Stunden erfasst. Korrigieren Sie zuerst die Stunden");
        await Assertions.Expect(page.GetByLabel("Nichterscheinen")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Von der Person angegebener Grund")).ToHaveValueAsync("nicht erschienen");
        (await Get(cw, $"/api/placements/{placement}"))["refusals"]!.AsArray().Should().BeEmpty("nothing binding was stored");
        await StaffAppFixture.Check(page);

        // The hours corrected to nothing (the placement changed, so the form is opened anew), the no-show is accepted.
        await Send(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 0, reason = "nicht erschienen, irrtümlich erfasst" });
        await page.GotoAsync($"/app/placements/{placement}/refusals/new");
        await page.GetByLabel("Datum der Weigerung").FillAsync(D(day));
        await page.GetByLabel("Nichterscheinen").CheckAsync();
        await page.GetByLabel("Von der Person angegebener Grund").FillAsync("nicht erschienen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weigerung erfassen" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/app/placements/{placement}/refusals/[0-9a-f-]{{36}}$"));
        var refusals = (await Get(cw, $"/api/placements/{placement}"))["refusals"]!.AsArray();
        refusals.Should().ContainSingle().Which!["kind"]!.GetValue<string>().Should().Be("no-show");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Payrolls_run_page_names_the_persons_and_the_preparer_not_login_ids_or_GUIDs()
    {
        var cw = await Caseworker();
        var offer = await Offer(cw, Municipality, "Grünpflege Hasbergen", 3, 15, Today.AddYears(-5));
        var familyName = Unique("Named");
        var fileReference = Unique("AZ-HAS-N");
        var person = Id(await Send(cw, "/api/persons", new
        {
            municipality = Municipality, givenName = "Samir", familyName, dateOfBirth = D(Today.AddYears(-31)),
            confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-5)), fileReference,
        }));
        var month = new DateOnly(Today.AddMonths(-47).Year, Today.AddMonths(-47).Month, 1);
        var placement = await Placement(cw, person, offer, month.AddDays(-7), month, 15);
        await Send(cw, $"/api/placements/{placement}/hours", new { date = D(month.AddDays(2)), minutes = 120 });
        var pay = await app.Service.ClientFor("payroll", null, "hasbergen-pay-wahr");
        var prepared = await pay.PostAsJsonAsync("/api/payout-runs", new { month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture) });
        var run = Id((await prepared.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!);

        var page = await app.SignIn("payroll", "Paula Kasse", "hasbergen-pay-wahr", null);
        await page.GotoAsync($"/app/payout-runs/{run}");
        var line = page.Locator($"tr[data-person='{person}']");
        await Assertions.Expect(line).ToContainTextAsync($"{familyName}, Samir");
        await Assertions.Expect(line).ToContainTextAsync(fileReference);
        await Assertions.Expect(page.GetByTestId("run-prepared-by")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Test "));
        await Assertions.Expect(line).Not.ToContainTextAsync(person.ToString());
        await StaffAppFixture.Check(page);
    }
}
