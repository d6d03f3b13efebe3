using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>The accessibility check every journey relies on finds what it is there to find.</summary>
[Collection(StaffAppCollection.Name)]
public sealed class AccessibilityCheckTests(StaffAppFixture app)
{
    private const string Image = "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"";

    private async Task<IPage> PageWith(string main)
    {
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await page.SetContentAsync($"<!doctype html><html lang=\"de\"><head><title>Prüfseite</title></head><body><main><h1>Prüfseite</h1>{main}</main></body></html>");
        return page;
    }

    [Fact]
    public async Task A_page_with_a_button_without_a_name_and_an_image_without_text_fails_the_check_by_name()
    {
        var page = await PageWith($"{Image}><button type=\"button\"></button>");

        var check = () => StaffAppFixture.Check(page);

        var failure = await check.Should().ThrowAsync<Exception>();
        failure.Which.Message.Should().Contain("critical image-alt").And.Contain("critical button-name");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_same_page_with_its_text_alternative_and_a_named_button_passes_the_check()
    {
        var page = await PageWith($"{Image} alt=\"Wappen des Landkreises\"><button type=\"button\">Speichern</button>");

        await StaffAppFixture.Check(page);
        await page.Context.CloseAsync();
    }
}
