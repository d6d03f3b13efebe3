using System.Net;

namespace AGH.Tests.Http;

/// <summary>A service of its own whose clock the test moves on: a placement begun while its offer ran outlives the offer.</summary>
public sealed class OfferEndFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class OfferEndCollection : ICollectionFixture<OfferEndFactory>
{
    public const string Name = "offer-end";
}

[Collection(OfferEndCollection.Name)]
public sealed class OfferEndTests(OfferEndFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Hours_after_the_offers_end_are_refused_with_outside_offer()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, endsOn: Today.AddDays(2));
        var placement = await NewPlacement(cw, offer, notice: Today.AddDays(-30), startsOn: Today.AddDays(-20));
        var lastDay = Today.AddDays(2);

        // A week later the offer has ended (contract v3d: it reads ended and takes no assignment); the hours of its last day
        // are still logged, the day after is not.
        factory.Time.Advance(TimeSpan.FromDays(7));
        cw = await Caseworker();
        (await GetOk(cw, $"/api/offers/{offer}"))["status"]!.GetValue<string>().Should().Be("ended");
        var last = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(lastDay), minutes = 60 }), HttpStatusCode.Created), "entryId");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/hours", new { date = D(lastDay.AddDays(1)), minutes = 60 }), 422, "outside-offer");
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{last}/correction", new { minutes = 0, reason = "Storno" }), HttpStatusCode.Created);

        (await GetOk(cw, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(0);
    }
}
