using System.Net;

namespace AGH.Tests.Http;

/// <summary>The contract's full lifecycle as a front-end would drive it, end to end.</summary>
[Collection(HttpCollection.Name)]
public sealed class LifecycleTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Offer_to_restriction_to_regular_employment()
    {
        var coordinator = await As("coordinator", userId: "koordination-1");
        var cw = await Caseworker("georgsmarienhuette", "sb-georg");
        var official = await As("official", "georgsmarienhuette", "amtsleitung-1");

        var offer = await NewOffer(coordinator, municipality: "georgsmarienhuette", places: 2, hoursPerWeek: 15, providerType: "district");
        var person = await NewPerson(cw, "georgsmarienhuette");
        var placement = IdOf(await Ok(await Post(cw, "/api/placements",
            AssignBody(person, offer, Today.AddDays(-30), Today.AddDays(-21), 10)), HttpStatusCode.Created));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-20)), minutes = 180 }), HttpStatusCode.Created);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-14)), kind = "explicit", statedReason = "Möchte nicht mehr kommen" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-7)), statement = "Keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Ablehnung ohne wichtigen Grund nach Belehrung" }), HttpStatusCode.Created));
        // Contract v3a: the decision issues its notice; the restriction takes effect once it is notified.
        await NotifyDecision(person, await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 5 Abs. 4 i. V. m. § 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })));
        var ended = await Ok(await Post(cw, $"/api/placements/{placement}/end",
            new { date = D(Today), reason = "regular-employment", note = "Arbeitsvertrag Spedition" }));

        ended["status"]!.GetValue<string>().Should().Be("ended");
        ended["minutesLogged"]!.GetValue<int>().Should().Be(180);
        ended["refusals"]!.AsArray().Single()!["hearing"]!["heldOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-7)));
        ended["sanctionProposals"]!.AsArray().Single()!["status"]!.GetValue<string>().Should().Be("approved");
        var p = await GetOk(cw, $"/api/persons/{person}");
        p["status"]!.GetValue<string>().Should().Be("available");
        p["restriction"]!["startsOn"]!.GetValue<string>().Should().Be(D(Today));
        (await GetOk(coordinator, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(2);

        var types = (await Factory.Stream(person)).Select(e => e.Data.GetType().Name);
        // Assigned with noticeServedOn: its Heranziehungsbescheid recorded as served outside the service, handed over that day.
        types.Should().Equal("PersonRegistered", "PersonAssigned", "NoticeIssued", "NoticeDispatched", "HoursLogged", "RefusalRecorded", "RefusalAssessed", "HearingHeld",
            "SanctionProposed", "NoticeIssued", "SanctionDecided", "NoticeDispatched", "PlacementEnded");
        (await Factory.Stream(offer)).Select(e => e.Data.GetType().Name).Should().Equal("OfferRegistered", "PlaceOccupied", "PlaceReleased");

        // The inline views carry the stream version that later writes are checked against.
        await using var session = Factory.Store.QuerySession();
        (await session.LoadAsync<AGH.Domain.Persons.Person>(person))!.Revision.Should().Be((await Factory.Stream(person))[^1].Version);
        (await session.LoadAsync<AGH.Domain.Offers.Offer>(offer))!.Revision.Should().Be(3);
    }
}
