using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>Fills what an approval or a continuation decides besides the period (contract v3b), as an official types it.</summary>
public static class RestrictionTermsForm
{
    public static async Task Fill(IPage page, DateOnly approvalNoticeDate)
    {
        await page.GetByLabel("Monatliche Leistungen bisher (EUR)").FillAsync("441,00");
        await page.GetByLabel("Monatliche Leistungen während der Einschränkung (EUR)").FillAsync("220,50");
        await page.GetByLabel("Besondere Umstände im Einzelfall geprüft").CheckAsync();
        await page.GetByLabel("Zusätzlich gewährte Leistungen").FillAsync("Schulbedarf des Kindes");
        await page.GetByLabel("Begründung der Prüfung besonderer Umstände").FillAsync("Das Kind besucht die Grundschule.");
        await page.GetByLabel("Datum des geänderten Bewilligungsbescheids").FillAsync(approvalNoticeDate.ToString("yyyy-MM-dd"));
        await page.GetByLabel("§ 48 SGB X").CheckAsync();
    }
}
