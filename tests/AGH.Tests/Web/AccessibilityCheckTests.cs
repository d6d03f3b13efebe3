using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>The accessibility check every journey relies on finds what it is there to find.</summary>
[Collection(StaffAppCollection.Name)]
public sealed class AccessibilityCheckTests(StaffAppFixture app)
{
    [Fact]
    public async Task A_page_with_a_button_without_a_name_and_an_image_without_text_fails_the_check_by_name()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="de"><head><title>Prüfseite</title></head><body><main><h1>Prüfseite</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <button type="button"></button></main></body></html>
            """);

        var check = () => StaffAppFixture.Check(page);

        var failure = await check.Should().ThrowAsync<Exception>();
        failure.Which.Message.Should().Contain("critical image-alt").And.Contain("critical button-name");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_same_page_with_its_text_alternative_and_a_named_button_passes_the_check()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="de"><head><title>Prüfseite</title></head><body><main><h1>Prüfseite</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Wappen des Landkreises">
            <button type="button">Speichern</button></main></body></html>
            """);

        await StaffAppFixture.Check(page);
        await context.CloseAsync();
    }
}
