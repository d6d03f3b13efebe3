using System.Net;
using System.Text.Json.Nodes;
using Marten.Events;

namespace AGH.Tests.Http;

/// <summary>A database of its own: the quota counts the whole district.</summary>
public sealed class QuotaFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class QuotaCollection : ICollectionFixture<QuotaFactory>
{
    public const string Name = "quota";
}

[Collection(QuotaCollection.Name)]
public sealed class QuotaTests(QuotaFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task Quota_counts_offers_places_and_persons_per_provider_type_and_municipality()
    {
        var coordinator = await As("coordinator");
        var iburg = await Caseworker("bad-iburg");
        var melle = await Caseworker("melle");

        var iburgMunicipal = await NewOffer(coordinator, "bad-iburg", places: 3, providerType: "municipality");
        await NewOffer(coordinator, "melle", places: 2, providerType: "municipality");
        var melleDistrict = await NewOffer(coordinator, "melle", places: 4, providerType: "district");
        var bramscheNonprofit = await NewOffer(coordinator, "bramsche", places: 5, providerType: "nonprofit");
        var withdrawn = await NewOffer(coordinator, "bad-iburg", places: 1, providerType: "nonprofit");

        var p1 = await NewPerson(iburg);
        var p2 = await NewPerson(iburg);
        var p3 = await NewPerson(iburg);
        var p4 = await NewPerson(iburg);
        var m1 = await NewPerson(melle, "melle");
        await NewPerson(melle, "melle");

        await NewPlacement(iburg, iburgMunicipal, p1);
        var ended = await NewPlacement(iburg, bramscheNonprofit, p2);
        await NewPlacement(melle, melleDistrict, m1);
        await Ok(await Post(iburg, $"/api/placements/{ended}/end", new { date = D(Today), reason = "regular-employment" }));
        await Ok(await Post(iburg, $"/api/persons/{p3}/exemptions", new { reason = "childcare", from = D(Today.AddDays(-1)) }), HttpStatusCode.Created);
        await Ok(await Post(iburg, $"/api/persons/{p4}/entitlement-end", new { date = D(Today), reason = "Wegzug" }));
        await Ok(await Post(coordinator, $"/api/offers/{withdrawn}/withdrawal", new { date = D(Today), reason = "Träger zieht zurück" }));

        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var quota = await GetOk(coordinator, "/api/quota");

        quota["target"]!.ToJsonString().Should().Be("""{"total":300,"municipality":150,"district":50,"nonprofit":100}""");
        quota["asOf"].Should().NotBeNull();
        Row(quota["providerTypes"]!, "providerType", "municipality").Should().Be("""{"providerType":"municipality","target":150,"offers":2,"places":5,"occupied":1,"free":4}""");
        Row(quota["providerTypes"]!, "providerType", "district").Should().Be("""{"providerType":"district","target":50,"offers":1,"places":4,"occupied":1,"free":3}""");
        Row(quota["providerTypes"]!, "providerType", "nonprofit").Should().Be("""{"providerType":"nonprofit","target":100,"offers":1,"places":5,"occupied":0,"free":5}""");

        var rows = quota["municipalities"]!.AsArray();
        rows.Should().HaveCount(21);
        Row(rows, "municipality", "bad-iburg").Should().Be(
            """{"municipality":"bad-iburg","offers":1,"places":3,"occupied":1,"free":2,"persons":3,"personsPlaced":1,"personsExempt":1}""");
        Row(rows, "municipality", "melle").Should().Be(
            """{"municipality":"melle","offers":2,"places":6,"occupied":1,"free":5,"persons":2,"personsPlaced":1,"personsExempt":0}""");
        Row(rows, "municipality", "bramsche").Should().Be(
            """{"municipality":"bramsche","offers":1,"places":5,"occupied":0,"free":5,"persons":0,"personsPlaced":0,"personsExempt":0}""");
        Row(rows, "municipality", "wallenhorst").Should().Be(
            """{"municipality":"wallenhorst","offers":0,"places":0,"occupied":0,"free":0,"persons":0,"personsPlaced":0,"personsExempt":0}""");

        await GetOk(await As("auditor"), "/api/quota");
        await ShouldBeProblem(await iburg.GetAsync("/api/quota"), 403);
        await ShouldBeProblem(await (await As("payroll")).GetAsync("/api/quota"), 403);
        await ShouldBeProblem(await Factory.CreateClient().GetAsync("/api/quota"), 401);
    }

    private static string Row(JsonNode rows, string key, string value) =>
        rows.AsArray().Single(r => r![key]!.GetValue<string>() == value)!.ToJsonString();
}
