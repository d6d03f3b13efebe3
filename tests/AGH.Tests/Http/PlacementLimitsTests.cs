using System.Net;

namespace AGH.Tests.Http;

/// <summary>A deployment with caps other than the defaults (480 a day, 1,800 a week), so the placement can only show them if it reads the policy.</summary>
public sealed class PlacementLimitsFactory : AghFactory
{
    public const int DailyCap = 360;
    public const int WeeklyCap = 1200;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Policy:DailyCapMinutes", DailyCap.ToString()), new("Policy:WeeklyCapMinutes", WeeklyCap.ToString())];
}

[CollectionDefinition(Name)]
public sealed class PlacementLimitsCollection : ICollectionFixture<PlacementLimitsFactory>
{
    public const string Name = "placement-limits";
}

[Collection(PlacementLimitsCollection.Name)]
public sealed class PlacementLimitsTests(PlacementLimitsFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_placement_shows_the_configured_daily_and_weekly_caps_and_the_daily_one_is_the_one_enforced()
    {
        var cw = await Caseworker();
        var monday = Today.AddDays(-14 - ((int)Today.DayOfWeek + 6) % 7);
        var id = await NewPlacement(cw, await NewOffer(cw, hoursPerWeek: 20), notice: monday.AddDays(-7), startsOn: monday, hoursPerWeek: 20);

        var placement = await GetOk(cw, $"/api/placements/{id}");
        placement["dailyLimitMinutes"]!.GetValue<int>().Should().Be(PlacementLimitsFactory.DailyCap);
        placement["weeklyLimitMinutes"]!.GetValue<int>().Should().Be(PlacementLimitsFactory.WeeklyCap);

        // The shown cap is the enforced one: up to it is accepted, a quarter hour more is refused.
        var url = $"/api/placements/{id}/hours";
        await Ok(await Post(cw, url, new { date = D(monday), minutes = PlacementLimitsFactory.DailyCap }), HttpStatusCode.Created);
        await Rejected(() => Post(cw, url, new { date = D(monday.AddDays(1)), minutes = PlacementLimitsFactory.DailyCap + 15 }), 422, "daily-limit");

        // Lists carry the same figures.
        var listed = (await GetOk(cw, $"/api/placements?personId={placement["personId"]!.GetValue<string>()}")).AsArray().Single()!;
        listed["dailyLimitMinutes"]!.GetValue<int>().Should().Be(PlacementLimitsFactory.DailyCap);
    }
}
