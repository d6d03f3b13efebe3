using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>Fills what the assignment form needs for a notice the service issues (contract v3b), the way a caseworker would.</summary>
public static class AssignForm
{
    /// <summary>Blocks of five hours, Monday, Wednesday, Friday, … until <paramref name="hoursPerWeek"/> (a multiple of 5) is reached.</summary>
    public static async Task FillV3b(IPage page, int hoursPerWeek, DateOnly until, string language = "Arabisch")
    {
        string[] days = ["Montag", "Mittwoch", "Freitag", "Dienstag", "Donnerstag"];
        for (var i = 0; i < hoursPerWeek / 5; i++)
        {
            await page.GetByLabel($"Wochentag, Zeile {i + 1}").SelectOptionAsync(new SelectOptionValue { Label = days[i] });
            await page.GetByLabel($"Beginn, Zeile {i + 1}").FillAsync("08:00");
            await page.GetByLabel($"Ende, Zeile {i + 1}").FillAsync("13:00");
        }
        await page.GetByLabel("Ende der Heranziehung (letzter Tag)").FillAsync(until.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Sprache der Person").SelectOptionAsync(new SelectOptionValue { Label = language });
        await page.GetByLabel("Begründung", new() { Exact = false }).FillAsync(AssignmentFields.Reasoning);
    }
}
