using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Issue 20, "nothing binding by accident": every field whose text a notice prints (src/Api/Notices/*NoticeText.cs)
/// tells the user so in its accessible description ("erscheint im Bescheid"); a field the notice does not print does not.
/// </summary>
[Collection(StaffAppCollection.Name)]
public sealed class NoticeMarkJourneyTests(StaffAppFixture app) : Journey
{
    private static readonly Regex Mark = new("erscheint im Bescheid");

    private static string Official() => $"melle-off-{Guid.NewGuid():N}"[..24];

    /// <summary>The texts of the elements the field's aria-describedby names (also for a field shown only after a choice).</summary>
    private static async Task<string> Description(ILocator field)
    {
        var ids = (await field.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texts = new List<string>();
        foreach (var id in ids) texts.Add(await field.Page.Locator($"[id='{id}']").TextContentAsync() ?? "");
        return string.Join(" ", texts);
    }

    private static async Task Marked(ILocator field, string what) =>
        (await Description(field)).Should().Contain("erscheint im Bescheid", $"{what} is printed in the notice");

    private static async Task NotMarked(ILocator field, string what) =>
        (await Description(field)).Should().NotContain("erscheint im Bescheid", $"{what} is not printed in any notice");

    [Fact]
    public async Task The_official_sees_which_fields_of_the_decision_and_the_objection_forms_reach_the_notice()
    {
        var c = await ProposedCase.Create(app, "amt");
        var official = await app.SignIn("official", "Dr. Jonas Amt", Official(), "melle");

        // The decision on the proposal: reasoning, granted items, hardship and discretion reasoning.
        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(official.GetByLabel("Begründung der Entscheidung")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung der Entscheidung"), "the decision's reasoning");
        await Marked(official.GetByLabel("Zusätzlich gewährte Leistungen"), "the granted items");
        await Marked(official.GetByLabel("Begründung der Prüfung besonderer Umstände"), "the hardship reasoning");
        await Marked(official.GetByLabel("Ermessenserwägungen (bei § 45 SGB X)"), "the discretion reasoning");
        // Not printed: the start date is a field of its own, not free text (no mark).
        await NotMarked(official.GetByLabel("Beginn der Einschränkung"), "the start date field");
        await StaffAppFixture.Check(official, "203-erscheint-im-bescheid-entscheidung");

        // The Widerspruch against the Heranziehungsbescheid: its content is the person's, not printed by the notice.
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await NotMarked(official.GetByLabel("Inhalt des Widerspruchs"), "the objection's content");
        var cw = await app.Service.ClientFor("caseworker", "melle", $"melle-cw-m-{Guid.NewGuid():N}"[..22]);
        await ProposedCase.Ok(await cw.PostAsJsonAsync($"/api/placements/{c.Placement}/objection",
            new { receivedOn = app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), statement = "Die Arbeit ist mir nicht zumutbar." }));
        await official.GotoAsync($"/app/placements/{c.Placement}/objection");
        await Assertions.Expect(official.GetByLabel("Begründung des besonderen Interesses")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung des besonderen Interesses"), "the enforcement reasoning");
        await Assertions.Expect(official.GetByLabel("Begründung der Widerspruchsentscheidung")).ToHaveAccessibleDescriptionAsync(Mark);
        await Marked(official.GetByLabel("Begründung der Widerspruchsentscheidung"), "the objection decision's reasoning");
        await StaffAppFixture.Check(official, "204-erscheint-im-bescheid-widerspruch");
        await StaffAppFixture.End(official);
    }
}
