using Microsoft.Playwright;
using static AGH.Tests.Web.WebApi;

namespace AGH.Tests.Web;

/// <summary>
/// BITV 2.0 / WCAG 1.4.10 (Reflow): at 320 CSS pixels wide, which is 1280 px at 400 % zoom, each role's pages read in one
/// column without scrolling the page sideways (tables wrap their cells); the header and the navigation wrap instead of running off the screen.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class ReflowTests(StaffAppFixture app) : Journey
{
    private const string Municipality = "hasbergen";

    private static async Task ShouldReflow(IPage page, string path)
    {
        await page.GotoAsync(path);
        await StaffAppFixture.Settled(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        // On failure, name the widest elements that run off the screen (outside a scroll region), so the fix is found at once.
        var wide = scroll <= client ? "" : await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5
                && (!e.closest('.table-scroll, .sheet-scroll') || getComputedStyle(e).position === 'absolute'))
            .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
        scroll.Should().BeLessThanOrEqualTo(client, $"{path} must not scroll sideways at 320 px (too wide: {wide})");
        foreach (var part in new[] { ".site-header", ".main-nav", "main h1" })
        {
            var box = await page.Locator(part).First.BoundingBoxAsync();
            box.Should().NotBeNull($"{path} shows {part}");
            (box!.X + box.Width).Should().BeLessThanOrEqualTo(320.5f, $"{part} of {path} stays on the screen");
        }
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeInViewportAsync();
        await StaffAppFixture.Check(page);
    }

    [Fact]
    public async Task Every_role_s_pages_reflow_at_320_pixels_without_horizontal_scrolling()
    {
        var caseworkerApi = await app.Service.ClientFor("caseworker", Municipality, "r.weber");
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var offer = await Offer(coordinator, Municipality, "Pflege des Bürgerparks Hasbergen", 2, 10, app.Today.AddDays(-30));
        var person = await Person(caseworkerApi, Municipality, "Abdirahmanwarsamehassan-Mohamedkheyre", app.Today);
        var placement = await Placement(caseworkerApi, person, offer, app.Today.AddDays(-10), app.Today.AddDays(-3), 10);

        var pages = new (string Role, string? Municipality, string[] Paths)[]
        {
            ("caseworker", Municipality, ["/app", "/app/persons", $"/app/persons/{person}", $"/app/placements/{placement}", "/app/offers", "/app/inbox"]),
            ("official", Municipality, ["/app", "/app/inbox", "/app/reports"]),
            ("coordinator", null, ["/app/quota", "/app/offers", "/app/reports"]),
            ("payroll", null, ["/app", "/app/payout-runs"]),
            ("auditor", null, ["/app/audit", $"/app/audit/persons/{person}"]),
        };
        foreach (var (role, municipality, paths) in pages)
        {
            var page = await app.SignIn(role, "Rosemarie Weber-Schulte-Oberhausen", "r.weber", municipality);
            await page.SetViewportSizeAsync(320, 800);
            foreach (var path in paths) await ShouldReflow(page, path);
            await StaffAppFixture.End(page);
        }
    }

    [Fact]
    public async Task The_week_grid_a_proposal_a_refusal_the_hours_and_the_provider_s_page_reflow_at_320_pixels()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var caseworkerApi = await app.Service.ClientFor("caseworker", Municipality, "r.weber");
        var coordinator = await app.Service.ClientFor("coordinator", null);
        var providerId = $"reflow-{tag}";
        var offer = await Offer(coordinator, Municipality, "Pflege des Bürgerparks Hasbergen", 3, 10, app.Today.AddDays(-30), "nonprofit");
        await Send(coordinator, $"/api/offers/{offer}/provider", new { providerId });
        var person = await Person(caseworkerApi, Municipality, "Abdirahmanwarsamehassan-Mohamedkheyre", app.Today);
        var placement = await Placement(caseworkerApi, person, offer, app.Today.AddDays(-10), app.Today.AddDays(-3), 10);
        await Send(caseworkerApi, $"/api/placements/{placement}/hours", new { date = D(app.Today.AddDays(-2)), minutes = 150 });
        var refusal = (await Send(caseworkerApi, $"/api/placements/{placement}/refusals",
            new { date = D(app.Today.AddDays(-1)), kind = "no-show", statedReason = "Wegen eines Termins bei der Ausländerbehörde nicht gekommen" }))["refusalId"]!.GetValue<string>();
        // A proposal in melle, the official's page of it.
        var proposed = await ProposedCase.Create(app, "reflow");
        var monday = app.Today.AddDays(-(((int)app.Today.DayOfWeek + 6) % 7));
        var week = $"{System.Globalization.ISOWeek.GetYear(monday.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue)):00}";

        var pages = new (string Role, string? Municipality, string[] Paths)[]
        {
            ("caseworker", Municipality, [$"/app/offers/{offer}", $"/app/offers/{offer}/weeks/{week}", $"/app/placements/{placement}/hours",
                $"/app/placements/{placement}/refusals/{refusal}"]),
            ("official", "melle", [$"/app/sanction-proposals/{proposed.Proposal}"]),
        };
        foreach (var (role, municipality, paths) in pages)
        {
            var page = await app.SignIn(role, "Rosemarie Weber-Schulte-Oberhausen", "r.weber", municipality);
            await page.SetViewportSizeAsync(320, 800);
            foreach (var path in paths) await ShouldReflow(page, path);
            await StaffAppFixture.End(page);
        }

        var provider = await app.SignInProvider("Rosemarie Weber-Schulte-Oberhausen", "r.weber-traeger", providerId);
        await provider.SetViewportSizeAsync(320, 800);
        await ShouldReflow(provider, "/app/provider");
        await Assertions.Expect(provider.GetByTestId("provider-person")).ToContainTextAsync("Abdirahmanwarsamehassan-Mohamedkheyre");
        await StaffAppFixture.End(provider);
    }
}
