using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database of its own (runs pay the whole district) with Payouts:RequireConfirmation on (contract v3c).</summary>
public sealed class ConfirmationPayoutFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Payouts:RequireConfirmation", "true")];
}

[CollectionDefinition(Name)]
public sealed class ConfirmationPayoutCollection : ICollectionFixture<ConfirmationPayoutFactory>
{
    public const string Name = "confirmation-payouts";
}

[Collection(ConfirmationPayoutCollection.Name)]
public sealed class ConfirmationPayoutTests(ConfirmationPayoutFactory factory) : HttpTest(factory)
{
    private Month Back(int months)
    {
        var m = Month.Of(Today);
        for (var i = 0; i < months; i++) m = m.Previous;
        return m;
    }

    private static IEnumerable<JsonNode> LinesOf(JsonNode run, Guid person) =>
        run["lines"]!.AsArray().Where(l => l!["personId"]!.GetValue<string>() == person.ToString()).Select(l => l!);

    [Fact]
    public async Task A_providers_month_is_paid_only_once_confirmed_then_as_arrears_and_offers_without_provider_are_never_held_back()
    {
        var cw = await Caseworker();
        var providerOffer = await NewOffer(cw);
        await SetProvider(providerOffer, "tafel-bestaetigt");
        var plainOffer = await NewOffer(cw);
        var (withProvider, without) = (await NewPerson(cw), await NewPerson(cw));
        var p1 = await NewPlacement(cw, providerOffer, withProvider, Today.AddDays(-120), Today.AddDays(-100));
        var p2 = await NewPlacement(cw, plainOffer, without, Today.AddDays(-120), Today.AddDays(-100));
        var (older, last) = (Back(2), Back(1));
        foreach (var (placement, day, minutes) in new[] { (p1, older.Last, 60), (p2, older.Last, 120), (p1, last.Last, 90) })
            await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(day), minutes }), HttpStatusCode.Created);
        var payroll = await As("payroll", null, "payroll-confirm");

        // The older month is not confirmed: only the offer without a provider is paid.
        var first = await Ok(await Post(payroll, "/api/payout-runs", new { month = older.ToString() }), HttpStatusCode.Created);
        LinesOf(first, withProvider).Should().BeEmpty("its provider has not confirmed the month");
        LinesOf(first, without).Single()["minutes"]!.GetValue<int>().Should().Be(120);

        await Ok(await Post(await Provider("tafel-bestaetigt"), $"/api/offers/{providerOffer}/timesheets/{older}/confirmation", new { }), HttpStatusCode.Created);

        // Confirmed later, the older month's hours are paid by the next run as arrears; last month (unconfirmed) still waits.
        var second = await Ok(await Post(payroll, "/api/payout-runs", new { month = last.ToString() }), HttpStatusCode.Created);
        var lines = LinesOf(second, withProvider).ToList();
        lines.Should().ContainSingle();
        lines[0]["arrears"]!.GetValue<bool>().Should().BeTrue();
        lines[0]["minutes"]!.GetValue<int>().Should().Be(60);
        lines[0]["amountCents"]!.GetValue<long>().Should().Be(80);
        LinesOf(second, without).Should().BeEmpty("its hours were paid by the first run");
    }
}
