using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "actions the user may not take are not offered": every role visits the pages of one prepared case, and
/// every form it is offered (a post form with a usable submit button) and every link to a form page is one the API lets
/// that role use. The table mirrors the contract's role tables (api-contract.md, "exact rules" and the v3 route roles).
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed partial class FormPermissionTests(StaffAppFixture app) : Journey
{
    private const string Melle = "melle";

    private static readonly string[] CaseworkerOfficial = ["caseworker", "official"];
    private static readonly string[] Caseworker = ["caseworker"];
    private static readonly string[] Official = ["official"];

    /// <summary>The actions by form target (ids as {id}), with the roles the API accepts them from.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        // Persons, placements, refusals, hours: caseworkers (and officials, contract v3 table).
        ["link /app/persons/{id}/assign"] = Caseworker,
        ["link /app/persons/{id}/exemptions/new"] = CaseworkerOfficial,
        ["link /app/persons/{id}/willingness"] = CaseworkerOfficial,
        ["link /app/persons/{id}/legal-status"] = CaseworkerOfficial,
        ["link /app/persons/{id}/legal-hold"] = CaseworkerOfficial,
        ["link /app/persons/{id}/entitlement-end"] = Caseworker,
        ["link /app/persons/{id}/export"] = Caseworker,
        ["link /app/placements/{id}/end"] = Caseworker,
        ["link /app/placements/{id}/refusals/new"] = Caseworker,
        ["link /app/placements/{id}/expenses"] = CaseworkerOfficial,
        ["link /app/placements/{id}/objection"] = CaseworkerOfficial,
        ["link /app/sanction-proposals/{id}/suspension"] = Official,
        ["link /app/sanction-proposals/{id}/review-request"] = CaseworkerOfficial,
        ["post /app/placements/{id}/hours"] = Caseworker,
        ["post /app/placements/{id}/refusals/{id}?handler=Assess"] = CaseworkerOfficial,
        ["post /app/placements/{id}/refusals/{id}?handler=Invite"] = CaseworkerOfficial,
        ["post /app/placements/{id}/refusals/{id}?handler=Reassess"] = CaseworkerOfficial,
        ["post /app/offers/{id}?handler=Places"] = ["caseworker", "coordinator"],
        ["post /app/offers/{id}?handler=Withdraw"] = ["caseworker", "coordinator"],
        ["post /app/notices/{id}/Receipt"] = CaseworkerOfficial,
        ["post /app/placements/{id}/objection?handler=Record"] = CaseworkerOfficial,
        ["post /app/placements/{id}/objection?handler=Decide"] = Official,
        ["post /app/payout-runs?handler=Prepare"] = ["payroll"],
        ["post /app/payout-runs/{id}?handler=Review"] = ["payroll"],
        ["post /app/payout-runs/{id}?handler=Reject"] = ["payroll"],
        ["post /app/sanction-proposals/{id}?handler=Decide"] = Official,
        ["post /app/sanction-proposals/{id}?handler=Objection"] = CaseworkerOfficial,
        ["post /app/sanction-proposals/{id}?handler=ObjectionDecision"] = Official,
        ["post /app/sanction-proposals/{id}?handler=Review"] = Official,
        ["post /app/sanction-proposals/{id}?handler=End"] = Official,
        ["post /app/notices/{id}/Dispatch"] = CaseworkerOfficial,
        ["post /app/payout-runs/{id}?handler=Release"] = ["payroll"],
    };

    [Fact]
    public async Task Every_role_is_offered_only_the_forms_the_API_lets_it_use_on_a_case_s_pages()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var pending = await ProposedCase.Create(app, "rollen");
        var continued = await ContinuedCase.Create(app);
        var auditorApi = await app.Service.ClientFor("auditor", null, "auditor-rollen");
        var placement = await Get(auditorApi, $"/api/placements/{pending.Placement}");
        var offer = placement["offerId"]!.GetValue<string>();
        var refusal = placement["refusals"]!.AsArray()[0]!["refusalId"]!.GetValue<string>();
        var notices = (await Get(auditorApi, $"/api/notices?personId={continued.Person}")).AsArray();
        var notice = notices[0]!["id"]!.GetValue<string>();
        var restricted = await Get(auditorApi, $"/api/sanction-proposals/{continued.Proposal}");
        var restrictedPlacement = restricted["placementId"]!.GetValue<string>();
        var coordinator = await app.Service.ClientFor("coordinator", null, $"coord-rollen-{tag}");
        await Send(coordinator, $"/api/offers/{offer}/provider", new { providerId = $"bauhof-{tag}" });
        var run = await AnyPayoutRun();

        string[] casePages =
        [
            $"/app/persons/{pending.Person}", $"/app/persons/{continued.Person}", $"/app/placements/{pending.Placement}",
            $"/app/placements/{pending.Placement}/refusals/{refusal}", $"/app/placements/{pending.Placement}/hours",
            $"/app/placements/{pending.Placement}/objection", $"/app/offers/{offer}", $"/app/sanction-proposals/{pending.Proposal}",
            $"/app/sanction-proposals/{continued.Proposal}", $"/app/placements/{restrictedPlacement}", $"/app/notices/{notice}",
        ];
        var visits = new (string Role, string? Municipality, string[] Paths)[]
        {
            ("caseworker", Melle, casePages),
            ("official", Melle, casePages),
            ("coordinator", null, [$"/app/offers/{offer}", "/app/offers"]),
            ("payroll", null, [$"/app/payout-runs/{run}", "/app/payout-runs"]),
            ("auditor", null, [$"/app/audit/persons/{pending.Person}", $"/app/placements/{pending.Placement}", $"/app/placements/{pending.Placement}/hours",
                $"/app/placements/{pending.Placement}/refusals/{refusal}", $"/app/sanction-proposals/{continued.Proposal}", $"/app/notices/{notice}",
                $"/app/payout-runs/{run}", $"/app/offers/{offer}"]),
            ("provider", null, ["/app/provider"]),
        };

        var offered = new List<string>();
        var wrong = new List<string>();
        foreach (var (role, municipality, paths) in visits)
        {
            var page = role == "provider"
                ? await Provider($"bauhof-{tag}")
                : await app.SignIn(role, $"Rollenprüfung {role}", $"{role}-rollen-{tag}", municipality);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                response!.Status.Should().Be(200, $"{role} may read {path}");
                foreach (var action in await Actions(page))
                {
                    offered.Add($"{role}: {action} on {path}");
                    if (!Allowed.TryGetValue(action, out var roles)) wrong.Add($"{role}: {action} on {path} is not in the table");
                    else if (!roles.Contains(role)) wrong.Add($"{role} is offered {action} on {path}");
                }
            }
            await StaffAppFixture.End(page);
        }
        wrong.Should().BeEmpty("a role sees only the forms it may use; offered were:\n" + string.Join("\n", offered));
        // The case was prepared so that each role does have something to do: the table is not vacuous.
        offered.Should().Contain(o => o.StartsWith("official: post /app/sanction-proposals/{id}?handler=Decide", StringComparison.Ordinal));
        offered.Should().Contain(o => o.StartsWith("caseworker: post /app/placements/{id}/hours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restriction_s_review_and_its_early_end_show_a_summary_first_and_store_nothing_until_confirmed()
    {
        var restricted = await ContinuedCase.Create(app);
        var page = await app.SignIn("official", "Dr. Jonas Amt", $"melle-off-bestaetigung-{Guid.NewGuid():N}"[..28], Melle);
        await page.GotoAsync($"/app/sanction-proposals/{restricted.Proposal}");
        var before = await Events(restricted.Person);

        // The review: the first click shows what would be decided; nothing is stored yet.
        await page.GetByLabel("Nicht fortsetzen: endet wie geplant").CheckAsync();
        await page.GetByLabel("Begründung der Überprüfung").FillAsync("Die Person arbeitet wieder regelmäßig mit.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Überprüfung speichern" }).ClickAsync();
        var confirm = page.GetByTestId("confirm-step");
        await Assertions.Expect(confirm).ToContainTextAsync("Noch ist nichts gespeichert");
        await Assertions.Expect(page.GetByTestId("confirm-summary")).ToContainTextAsync("nicht fortsetzen: endet wie geplant");
        await Assertions.Expect(page.GetByTestId("confirm-summary")).ToContainTextAsync("Die Person arbeitet wieder regelmäßig mit.");
        await StaffAppFixture.Check(page, "180-restriction-review-confirm");
        (await Events(restricted.Person)).Should().Be(before, "the summary stores nothing");

        // Back to the form keeps the input; confirming then stores the review.
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Zurück" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Begründung der Überprüfung")).ToHaveValueAsync("Die Person arbeitet wieder regelmäßig mit.");
        (await Events(restricted.Person)).Should().Be(before, "going back stores nothing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Überprüfung speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Die Überprüfung ist gespeichert")).ToBeVisibleAsync();
        (await Events(restricted.Person)).Should().Be(before + 1, "the confirmed review is stored, once");
        (await ProposedCase.Read(app, restricted.Proposal))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");

        // The early end: the same check before it becomes binding.
        await page.GetByLabel("Grund der vorzeitigen Beendigung").SelectOptionAsync(new SelectOptionValue { Label = "Pflicht wird wieder erfüllt" });
        await page.GetByLabel("Begründung der Beendigung").FillAsync("Nimmt seit zwei Wochen regelmäßig teil.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschränkung beenden" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-summary")).ToContainTextAsync("Pflicht wird wieder erfüllt");
        await Assertions.Expect(page.GetByTestId("confirm-summary")).ToContainTextAsync(app.Today.ToString("dd.MM.yyyy"));
        await StaffAppFixture.Check(page, "181-restriction-end-confirm");
        (await ProposedCase.Read(app, restricted.Proposal))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force", "the summary ends nothing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt verbindlich beenden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Die Einschränkung ist vorzeitig beendet.")).ToBeVisibleAsync();
        var ended = (await ProposedCase.Read(app, restricted.Proposal))["restriction"]!;
        ended["status"]!.GetValue<string>().Should().Be("ended-early");
        ended["endsOn"]!.GetValue<string>().Should().Be(D(app.Today));
        await StaffAppFixture.End(page);
    }

    /// <summary>How many events the person's stream holds: a summary shown adds none.</summary>
    private async Task<int> Events(Guid person)
    {
        await using var session = app.Service.Store.LightweightSession();
        return (await session.Events.FetchStreamAsync(person)).Count;
    }

    /// <summary>The post forms with a usable submit button and the links to form pages in the page's main part, as table keys.</summary>
    private static async Task<IReadOnlyList<string>> Actions(IPage page)
    {
        var found = await page.EvaluateAsync<string[]>("""
            () => {
              const usable = f => [...f.querySelectorAll('button, input[type=submit]')]
                .some(b => (b.type === 'submit') && !b.disabled && b.offsetParent !== null);
              const forms = [...document.querySelectorAll('main form')]
                .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'post' && usable(f))
                .map(f => 'post ' + new URL(f.getAttribute('action') || location.href, location.href).href);
              const links = [...document.querySelectorAll('main a[href]')].map(a => 'link ' + a.href);
              return forms.concat(links);
            }
            """);
        return found.Select(Key).Where(k => k.StartsWith("post ", StringComparison.Ordinal) || FormPages().IsMatch(k)).Distinct().ToList();
    }

    /// <summary>"post https://host/app/x/GUID?handler=Decide&amp;week=…" becomes "post /app/x/{id}?handler=Decide".</summary>
    private static string Key(string raw)
    {
        var space = raw.IndexOf(' ');
        var uri = new Uri(raw[(space + 1)..]);
        var handler = Regex.Match(uri.Query, "[?&]handler=([^&]+)");
        var path = Guids().Replace(uri.AbsolutePath, "{id}");
        return raw[..space] + " " + path + (handler.Success ? "?handler=" + handler.Groups[1].Value : "");
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    /// <summary>Links that lead to a page whose only purpose is a form (an action).</summary>
    [GeneratedRegex(@"^link /app/(persons/\{id\}/(assign|exemptions/new|willingness|legal-status|legal-hold|entitlement-end|export)|placements/\{id\}/(end|refusals/new|expenses|objection)|sanction-proposals/\{id\}/(suspension|review-request))$")]
    private static partial Regex FormPages();

    private async Task<string> AnyPayoutRun()
    {
        var payroll = await app.Service.ClientFor("payroll", null, "p.rollen");
        var runs = (await Get(payroll, "/api/payout-runs")).AsArray();
        if (runs.Count > 0) return runs[0]!["id"]!.GetValue<string>();
        var month = app.Today.AddMonths(-11);
        return Id(await Send(payroll, "/api/payout-runs", new { month = $"{month.Year:0000}-{month.Month:00}" })).ToString();
    }

    private async Task<IPage> Provider(string organisation)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        StaffAppFixture.WatchPolicy(page);
        await page.GotoAsync("/app");
        await page.WaitForURLAsync("**/app/signin**");
        await page.GetByLabel("Rolle").SelectOptionAsync("provider");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Rollenprüfung Träger");
        await page.GetByLabel("Kennung").FillAsync("provider-rollen");
        await page.GetByLabel("Kommune").SelectOptionAsync("");
        await page.GetByLabel("Organisation des Trägers").FillAsync(organisation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/app/provider");
        return page;
    }
}
