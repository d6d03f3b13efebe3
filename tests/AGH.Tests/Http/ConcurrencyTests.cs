using System.Net;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class ConcurrencyTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Thirty_simultaneous_assignments_to_three_free_places_fill_exactly_three()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw, places: 3);
        var persons = new List<Guid>();
        for (var i = 0; i < 30; i++) persons.Add(await NewPerson(cw));

        using var start = new SemaphoreSlim(0);
        var requests = persons.Select(async person =>
        {
            await start.WaitAsync();
            var response = await Post(cw, "/api/placements", AssignBody(person, offer));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(persons.Count);
        var results = await Task.WhenAll(requests);

        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(3, string.Join("\n", results.Select(r => r.Body)));
        var conflicts = results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        conflicts.Should().HaveCount(27);
        conflicts.Should().OnlyContain(r => r.Body.Contains("\"code\":\"no-free-place\""));

        var view = await GetOk(cw, $"/api/offers/{offer}");
        view["occupied"]!.GetValue<int>().Should().Be(3);
        view["free"]!.GetValue<int>().Should().Be(0);
        var offerEvents = await Factory.Stream(offer);
        offerEvents.Count(e => e.Data is AGH.Domain.Offers.PlaceOccupied).Should().Be(3);
        (await GetOk(cw, $"/api/placements?offerId={offer}")).AsArray().Should().HaveCount(3);
    }

    [Fact]
    public async Task Simultaneous_hour_entries_for_one_person_never_exceed_the_daily_limit()
    {
        var cw = await Caseworker();
        var placement = await NewPlacement(cw, await NewOffer(cw, hoursPerWeek: 30), hoursPerWeek: 30);
        var day = D(Today.AddDays(-1));
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Post(cw, $"/api/placements/{placement}/hours", new { date = day, minutes = 120 })));

        results.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(4);
        results.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity).Should().Be(6);
        (await GetOk(cw, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(480);
    }
}
