using System.Net;
using AGH.Api.Infrastructure;
using AGH.Domain.Offers;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// On a host of its own: a rebuild run inside the test process (as the other rebuild tests do) shares Marten's shard
/// state with the host's running daemon and can leave its async shards stopped, which is not what this test is about.
/// In production `projections rebuild` runs as a process of its own.
/// </summary>
public sealed class ViewRebuildTests(PayoutFactory factory) : HttpTest(factory), IClassFixture<PayoutFactory>
{
    [Fact]
    public async Task Dropped_views_rebuilt_from_the_events_are_identical()
    {
        var cw = await Caseworker("hagen");
        var month = Month.Of(Today).Previous.Previous.Previous.Previous.Previous;
        var offer = await NewOffer(cw, "hagen", places: 3, providerType: "nonprofit");
        var placement = await NewPlacement(cw, offer, await NewPerson(cw, "hagen"), month.First.AddDays(-5), month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 45 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(month.First.AddDays(10)), reason = "training" }));
        await NewPlacement(cw, offer, await NewPerson(cw, "hagen"));
        var pay = await As("payroll", userId: "pay-r");
        var run = IdOf(await Ok(await Post(pay, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created));
        var coordinator = await As("coordinator");
        var auditor = await As("auditor");

        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        async Task<string[]> Views() =>
        [
            RebuildTests.QuotaWithoutTimestamp(await GetOk(coordinator, "/api/quota")),
            (await GetOk(pay, "/api/payout-runs")).ToJsonString(),
            (await GetOk(coordinator, "/api/offers")).ToJsonString(),
            (await GetOk(auditor, "/api/persons")).ToJsonString(),
            (await GetOk(auditor, "/api/placements")).ToJsonString(),
            (await GetOk(auditor, $"/api/placements/{placement}")).ToJsonString(),
        ];
        var before = await Views();

        foreach (var view in new[] { typeof(QuotaOffer), typeof(QuotaPerson), typeof(PayoutRun), typeof(Offer), typeof(Person), typeof(PlacementIndex), typeof(ProposalIndex), typeof(NoticeIndex) })
            await Factory.Store.Advanced.Clean.DeleteDocumentsByTypeAsync(view);
        await using (var conn = new Npgsql.NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var delete = new Npgsql.NpgsqlCommand($"delete from {HourRows.Qualified(MartenSetup.Schema)}", conn);
            (await delete.ExecuteNonQueryAsync()).Should().BeGreaterThan(0);
        }
        await ShouldBeProblem(await pay.GetAsync($"/api/payout-runs/{run}"), 404);
        (await GetOk(coordinator, "/api/offers")).AsArray().Should().BeEmpty();

        await ProjectionRebuild.RunAll(Factory.Store, NullLogger.Instance, CancellationToken.None);
        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var after = await Views();
        after.Should().Equal(before);
    }

}
