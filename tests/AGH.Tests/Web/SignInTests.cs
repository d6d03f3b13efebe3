using Microsoft.Playwright;

namespace AGH.Tests.Web;

[Collection(StaffAppCollection.Name)]
public sealed class SignInTests(StaffAppFixture app) : Journey
{
    [Fact]
    public async Task The_development_sign_in_page_asks_for_a_municipality_for_caseworkers_and_keeps_what_was_typed()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        StaffAppFixture.WatchPolicy(page);
        var first = await page.GotoAsync("/app/persons");
        await page.WaitForURLAsync("**/app/signin**");
        var headers = await first!.AllHeadersAsync();
        headers["content-security-policy"].Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'");
        headers["x-content-type-options"].Should().Be("nosniff");
        await page.WaitForURLAsync("**/app/signin**");
        await StaffAppFixture.Check(page, "00-anmelden");

        await page.GetByLabel("Rolle").SelectOptionAsync("caseworker");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Bernd Keller");
        await page.GetByLabel("Kennung").FillAsync("b.keller");
        await page.GetByLabel("Kommune").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Assertions.Expect(page.Locator(".field-validation-error")).ToContainTextAsync("Kommune");
        await Assertions.Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Bernd Keller");
        (await page.GetByLabel("Kommune").GetAttributeAsync("aria-invalid")).Should().Be("true");

        await page.GetByLabel("Kommune").SelectOptionAsync("bad-iburg");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Bernd Keller");
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync("Bad Iburg");
        page.Url.Should().EndWith("/app/persons", "the sign-in returns to the page that asked for it");

        // The app's icon: linked by every page, and at /favicon.ico, where browsers look by themselves.
        var linked = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var svg = await page.APIRequest.GetAsync(linked!);
        svg.Status.Should().Be(200);
        svg.Headers["content-type"].Should().Be("image/svg+xml");
        var ico = await page.APIRequest.GetAsync("/favicon.ico");
        ico.Status.Should().Be(200);
        ico.Headers["content-type"].Should().Be("image/x-icon");
        (await ico.BodyAsync()).Take(4).Should().Equal(new byte[] { 0, 0, 1, 0 }, "an ICO file");
        await StaffAppFixture.End(page);
    }

    [Fact]
    public async Task Each_role_sees_its_own_work_and_a_page_of_another_role_says_so_in_German()
    {
        var page = await app.SignIn("payroll", "Petra Meyer", "p.meyer-roles", null);
        page.Url.Should().EndWith("/app/tasks", "payroll starts with its tasks (issue 20)");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).Not.ToContainTextAsync("Personen");

        await page.GotoAsync("/app/persons");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Dafür fehlt Ihnen die Berechtigung.");
        StaffAppFixture.Expect(page, "/app/gibt-es-nicht");
        var unknown = await page.GotoAsync("/app/gibt-es-nicht");
        unknown!.Status.Should().Be(404);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Diese Seite gibt es nicht");
        await page.GotoAsync("/app/persons");
        (await page.ContentAsync()).Should().NotContain("Exception").And.NotContain("   at ", "never a stack trace");
        await StaffAppFixture.Check(page, "01-keine-berechtigung");

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sie sind abgemeldet" })).ToBeVisibleAsync();
        await page.GotoAsync("/app/payout-runs");
        await page.WaitForURLAsync("**/app/signin**");
        await StaffAppFixture.End(page);
    }
}
