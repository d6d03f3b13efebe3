using Microsoft.Playwright;

namespace AGH.Tests.Web;

[Collection(StaffAppCollection.Name)]
public sealed class SignInTests(StaffAppFixture app)
{
    [Fact]
    public async Task The_development_sign_in_page_asks_for_a_municipality_for_caseworkers_and_keeps_what_was_typed()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1366, Height = 768 }, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/app/persons");
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
        await context.CloseAsync();
    }
}
