using System.Net.Http.Json;
using Microsoft.Playwright;

namespace AGH.Tests.Web;

/// <summary>
/// Contract v3d "Names, not login ids": the inbox, the proposal page and the expenses list name staff by the name their
/// token carried. The names differ from the login ids, so an id printed anywhere is caught.
/// </summary>
[Collection(StaffAppCollection.Second)]
public sealed class NamesJourneyTests(StaffAppFixture app) : Journey
{
    [Fact]
    public async Task Inbox_proposal_and_expenses_show_staff_names_and_never_login_ids()
    {
        const string proposerName = "Petra Lange", officialName = "Olga Brandt";
        var c = await ProposedCase.Create(app, "namen", proposerName);
        var cw = await app.Service.ClientFor("caseworker", "melle", c.Proposer, name: proposerName);
        var month = AGH.Domain.Payouts.Month.Of(app.Today).ToString();
        await ProposedCase.Ok(await cw.PostAsJsonAsync($"/api/placements/{c.Placement}/expenses",
            new { month, amountCents = 1250, description = "Fahrtkosten Bus", evidence = "Belege" }));

        var officialId = $"melle-off-nam-{Guid.NewGuid():N}"[..26];
        var official = await app.SignIn("official", officialName, officialId, "melle");
        await official.GotoAsync("/app/inbox");
        var row = official.Locator("tr", new() { HasText = c.FileReference });
        await Assertions.Expect(row).ToContainTextAsync(proposerName);
        await Assertions.Expect(row).Not.ToContainTextAsync(c.Proposer);

        await official.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(official.GetByTestId("proposed-by")).ToHaveTextAsync(proposerName);

        await official.GotoAsync("/app/expenses");
        var expense = official.Locator("tr", new() { HasText = "Fahrtkosten Bus" });
        await Assertions.Expect(expense).ToContainTextAsync(proposerName);
        await Assertions.Expect(expense).Not.ToContainTextAsync(c.Proposer);
        (await official.Locator("main").InnerTextAsync()).Should().NotContain(c.Proposer, "staff are named, never by login id");
        await StaffAppFixture.End(official);

        // Decided by the official (through the API, with her token's name): the caseworker's proposal page names her.
        var api = await app.Service.ClientFor("official", "melle", officialId, name: officialName);
        await ProposedCase.Ok(await api.PostAsJsonAsync($"/api/sanction-proposals/{c.Proposal}/decision", new { approved = false, reasoning = "Härtefall" }));
        var caseworker = await app.SignIn("caseworker", proposerName, c.Proposer, "melle");
        await caseworker.GotoAsync($"/app/sanction-proposals/{c.Proposal}");
        await Assertions.Expect(caseworker.GetByTestId("proposed-by")).ToHaveTextAsync(proposerName);
        await Assertions.Expect(caseworker.GetByTestId("decided-by")).ToHaveTextAsync(officialName);
        (await caseworker.Locator("main").InnerTextAsync()).Should().NotContain(officialId).And.NotContain(c.Proposer);
        await StaffAppFixture.End(caseworker);
    }
}
