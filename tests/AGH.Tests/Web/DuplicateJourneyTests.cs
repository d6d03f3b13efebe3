using System.Globalization;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, duplicates and corrections in the staff app: the registration warns of a possible duplicate naming the other
/// person and asks for a confirmation, a taken file reference is refused at its field, master data are corrected with a
/// reason (the history keeps both), and a record entered twice is closed as "doppelt erfasst" after a summary.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class DuplicateJourneyTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "bramsche";

    private DateOnly Today => app.Today;

    private DateOnly Born => Today.AddYears(-31);

    private static string De(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A family name of letters only, unique to the test (names are searched and compared folded).</summary>
    private static string Unique(string stem) =>
        stem + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))).ToArray());

    private static string FileReference() => "AZ-DUP-" + Guid.NewGuid().ToString("N")[..6];

    private Task<HttpClient> Caseworker() => app.Service.ClientFor("caseworker", Municipality, "bramsche-cw-dup");

    private Task<IPage> SignIn() => app.SignIn("caseworker", "Dana Dopp", "bramsche-cw-dup", Municipality);

    private async Task FillRegistration(IPage page, string familyName, string fileReference)
    {
        await page.GetByLabel("Vorname").FillAsync("Samir");
        await page.GetByLabel("Familienname").FillAsync(familyName);
        await page.GetByLabel("Geburtsdatum").FillAsync(D(Born));
        await page.GetByLabel("Leistungen nach AsylbLG seit").FillAsync(D(Today.AddYears(-1)));
        await page.GetByLabel("Aktenzeichen (optional)").FillAsync(fileReference);
    }

    [Fact]
    public async Task Registering_a_taken_file_reference_is_refused_at_the_field_and_a_possible_duplicate_names_the_other_person_until_confirmed()
    {
        var family = Unique("Doppel");
        var existingReference = FileReference();
        var existing = await Person(await Caseworker(), Municipality, family, Today, existingReference);
        var page = await SignIn();
        await page.GotoAsync("/app/persons/new");

        // The file reference the cash office file uses is taken: the error stands at that field, the input stays.
        await FillRegistration(page, family, existingReference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.FileReference']")).ToContainTextAsync("bereits einer anderen Person vergeben");
        await Assertions.Expect(page.GetByLabel("Familienname")).ToHaveValueAsync(family);
        await Assertions.Expect(page.GetByLabel("Geburtsdatum")).ToHaveValueAsync(D(Born));
        await StaffAppFixture.Check(page, "150-aktenzeichen-vergeben");

        // A new file reference, but the same name and birth date: the warning names the other person with a link.
        var newReference = FileReference();
        await page.GetByLabel("Aktenzeichen (optional)").FillAsync(newReference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        var warning = page.GetByTestId("duplicate-warning");
        await Assertions.Expect(warning).ToContainTextAsync($"{family}, Samir");
        await Assertions.Expect(warning).ToContainTextAsync($"geboren am {De(Born)}");
        await Assertions.Expect(warning).ToContainTextAsync(existingReference);
        await Assertions.Expect(warning.GetByRole(AriaRole.Link, new() { Name = $"{family}, Samir" })).ToHaveAttributeAsync("href", $"/app/persons/{existing}");
        await Assertions.Expect(page.GetByLabel("Aktenzeichen (optional)")).ToHaveValueAsync(newReference);
        await StaffAppFixture.Check(page, "151-moegliche-doppelerfassung");
        (await Get(await Caseworker(), $"/api/persons?q={family}")).AsArray().Should().HaveCount(1, "nothing is stored before the confirmation");

        // Sent again without ticking: the warning again, still nothing stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("duplicate-warning")).ToBeVisibleAsync();
        (await Get(await Caseworker(), $"/api/persons?q={family}")).AsArray().Should().HaveCount(1);

        await page.GetByLabel("Keine Doppelerfassung – trotzdem anlegen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"Samir {family} ist erfasst");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{family}, Samir");
        var both = (await Get(await Caseworker(), $"/api/persons?q={family}")).AsArray();
        both.Should().HaveCount(2);
        both.Select(p => p!["fileReference"]!.GetValue<string>()).Should().BeEquivalentTo([existingReference, newReference]);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_possible_duplicate_in_another_municipality_is_named_without_its_data()
    {
        var family = Unique("Fremd");
        await Person(await app.Service.ClientFor("caseworker", "melle", "melle-cw-dup"), "melle", family, Today);
        var page = await SignIn();
        await page.GotoAsync("/app/persons/new");
        await FillRegistration(page, family, FileReference());
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        var warning = page.GetByTestId("duplicate-warning");
        await Assertions.Expect(warning).ToContainTextAsync("in einer anderen Kommune erfasst");
        await Assertions.Expect(warning.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page);
        await page.GetByLabel("Keine Doppelerfassung – trotzdem anlegen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Person erfassen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ist erfasst");
        (await Get(await Caseworker(), $"/api/persons?q={family}")).AsArray().Should().HaveCount(1);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_caseworker_corrects_the_name_with_a_reason_and_the_page_and_its_history_show_it()
    {
        var family = Unique("Fehler");
        var person = await Person(await Caseworker(), Municipality, family, Today);
        var page = await SignIn();
        await page.GotoAsync($"/app/persons/{person}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Stammdaten berichtigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Stammdaten berichtigen");
        await Assertions.Expect(page.GetByLabel("Familienname")).ToHaveValueAsync(family);
        await Assertions.Expect(page.GetByLabel("Geburtsdatum")).ToHaveValueAsync(D(Born));

        // No reason: refused at the field. A reason but nothing changed: said so, nothing sent.
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Grund der Berichtigung");
        const string reason = "Schreibweise laut Reisepass";
        await page.GetByLabel("Grund der Berichtigung").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Es wurde nichts geändert");
        await StaffAppFixture.Check(page, "152-stammdaten-berichtigen");

        // Hostile input: an overlong file reference is refused by the API at its field; the rest stays.
        await page.GetByLabel("Aktenzeichen").FillAsync(new string('Z', 101));
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.FileReference']")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("Grund der Berichtigung")).ToHaveValueAsync(reason);

        var corrected = Unique("Richtig");
        var storedReference = (await Get(await Caseworker(), $"/api/persons/{person}"))["fileReference"]!.GetValue<string>();
        await page.GetByLabel("Aktenzeichen").FillAsync(storedReference);
        await page.GetByLabel("Familienname").FillAsync(corrected);
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Stammdaten sind berichtigt");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{corrected}, Samir");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("Stammdaten berichtigt");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync(reason);
        await StaffAppFixture.Check(page, "153-stammdaten-berichtigt");
        var stored = await Get(await Caseworker(), $"/api/persons/{person}");
        stored["familyName"]!.GetValue<string>().Should().Be(corrected);
        stored["dateOfBirth"]!.GetValue<string>().Should().Be(D(Born), "only the changed field is sent");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_correction_onto_another_persons_name_warns_and_is_saved_only_when_confirmed()
    {
        var family = Unique("Ziel");
        var other = await Person(await Caseworker(), Municipality, family, Today);
        var person = await Person(await Caseworker(), Municipality, Unique("Quelle"), Today);
        var page = await SignIn();
        await page.GotoAsync($"/app/persons/{person}/correction");
        await page.GetByLabel("Familienname").FillAsync(family);
        await page.GetByLabel("Grund der Berichtigung").FillAsync("Name laut Ausweis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("duplicate-warning").GetByRole(AriaRole.Link, new() { Name = $"{family}, Samir" }))
            .ToHaveAttributeAsync("href", $"/app/persons/{other}");
        await Assertions.Expect(page.GetByLabel("Familienname")).ToHaveValueAsync(family);
        await StaffAppFixture.Check(page);
        await page.GetByLabel("Keine Doppelerfassung – trotzdem berichtigen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Die Stammdaten sind berichtigt");
        (await Get(await Caseworker(), $"/api/persons/{person}"))["familyName"]!.GetValue<string>().Should().Be(family);
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task A_record_entered_twice_is_closed_after_a_summary_and_then_names_its_leading_file_and_offers_no_actions()
    {
        var family = Unique("Zweimal");
        var keptReference = FileReference();
        var kept = await Person(await Caseworker(), Municipality, family, Today, keptReference);
        var twice = await Person(await Caseworker(), Municipality, family, Today);
        var page = await SignIn();
        await page.GotoAsync($"/app/persons/{twice}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Doppelt erfasst" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("duplicate-candidates")).ToContainTextAsync(keptReference);

        // An unknown file reference and no reason: errors at the fields.
        await page.GetByLabel("Aktenzeichen der führenden Akte").FillAsync("AZ-GIBT-ES-NICHT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Reason']")).ToContainTextAsync("Bitte den Grund angeben");
        await page.GetByLabel("Grund").FillAsync("Versehentlich zweimal erfasst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.KeptFileReference']")).ToContainTextAsync("Keine Person Ihrer Kommune");
        await StaffAppFixture.Check(page, "154-doppelt-erfasst");

        await page.GetByLabel("Aktenzeichen der führenden Akte").FillAsync(keptReference);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zur Bestätigung" }).ClickAsync();
        var summary = page.GetByTestId("confirm-summary");
        await Assertions.Expect(summary).ToContainTextAsync($"{family}, Samir, geboren am {De(Born)}, Aktenzeichen {keptReference}");
        await Assertions.Expect(summary).ToContainTextAsync("Versehentlich zweimal erfasst");
        await StaffAppFixture.Check(page, "155-doppelt-erfasst-bestaetigen");
        (await Get(await Caseworker(), $"/api/persons/{twice}"))["status"]!.GetValue<string>().Should().NotBe("duplicate", "nothing is stored before the confirmation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich als doppelt erfasst schließen" }).ClickAsync();

        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("als doppelt erfasst geschlossen");
        var banner = page.GetByTestId("duplicate-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Doppelt erfasst – führende Akte:");
        await Assertions.Expect(banner.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/app/persons/{kept}");
        foreach (var action in new[] { "Stammdaten berichtigen", "Doppelt erfasst", "Befreiung erfassen", "Zuweisen", "Arbeitsbereitschaft erfassen", "Anspruch beendet" })
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        await StaffAppFixture.Check(page, "156-doppelt-erfasst-akte");
        var stored = await Get(await Caseworker(), $"/api/persons/{twice}");
        stored["status"]!.GetValue<string>().Should().Be("duplicate");
        stored["duplicateOf"]!.GetValue<string>().Should().Be(kept.ToString());

        // The list keeps the closed record findable (an old letter names it), marked as such.
        await page.GotoAsync("/app/persons?status=duplicate");
        var row = page.GetByTestId("person-row").Filter(new() { HasText = family });
        await Assertions.Expect(row).ToContainTextAsync("doppelt erfasst");
        await StaffAppFixture.Check(page, "157-personenliste-doppelt");

        // A closed record has no correction or duplicate form any more.
        await page.GotoAsync($"/app/persons/{twice}/correction");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Das hat nicht geklappt");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Only_a_caseworker_of_the_persons_municipality_gets_the_correction_and_duplicate_forms()
    {
        var person = await Person(await Caseworker(), Municipality, Unique("Rolle"), Today);

        var official = await app.SignIn("official", "Olga Amtsleitung", "bramsche-off-dup", Municipality);
        await official.GotoAsync($"/app/persons/{person}");
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Stammdaten berichtigen" })).ToHaveCountAsync(0);
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Doppelt erfasst", Exact = true })).ToHaveCountAsync(0);
        foreach (var form in new[] { "correction", "duplicate" })
        {
            await official.GotoAsync($"/app/persons/{person}/{form}");
            await Assertions.Expect(official.Locator("main")).ToContainTextAsync("Dafür fehlt Ihnen die Berechtigung");
        }
        await StaffAppFixture.Check(official);

        var melle = await app.SignIn("caseworker", "Mia Melle", "melle-cw-dup", "melle");
        StaffAppFixture.Expect(melle, $"/app/persons/{person}");
        foreach (var form in new[] { "correction", "duplicate" })
        {
            await melle.GotoAsync($"/app/persons/{person}/{form}");
            await Assertions.Expect(melle.Locator("main")).ToContainTextAsync("Nicht gefunden, oder für Sie nicht sichtbar");
        }
        await StaffAppFixture.End(official);
        await StaffAppFixture.End(melle);
    }
}
