using System.Net;
using System.Text.Json.Nodes;
using AGH.Projections;

namespace AGH.Tests.Http;

/// <summary>
/// The staff's inbox of notices to dispatch (an additive filter of contract v3a's notice list):
/// <c>GET /api/notices?awaitingDispatch=true</c> without a person, scoped to the caller's municipality like every list.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class NoticeInboxTests(AghFactory factory) : HttpTest(factory)
{
    private const string Awaiting = "/api/notices?awaitingDispatch=true&pageSize=500";

    private static Guid NoticeOf(Guid placement) => AGH.Domain.Notices.NoticeIssuing.IdFor(placement, AGH.Domain.Notices.NoticeKind.Heranziehungsbescheid, 0);

    private static async Task<JsonArray> List(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var list = (await Json(response)).AsArray();
        response.Headers.GetValues("X-Total-Count").Single().Should().Be(list.Count.ToString(), "the whole list fits on one page of 500");
        return list;
    }

    private async Task<Guid> Issued(HttpClient cw, Guid offer) => NoticeOf(await NewIssuedPlacement(cw, offer, await NewPerson(cw, "glandorf")));

    private static IEnumerable<string> Ids(JsonArray list) => list.Select(n => n!["id"]!.GetValue<string>());

    [Fact]
    public async Task Notices_waiting_for_dispatch_are_listed_for_the_municipality_until_dispatched_and_again_after_a_returned_letter()
    {
        var cw = await Caseworker("glandorf", "cw-glandorf-inbox");
        var offer = await NewOffer(cw, "glandorf");
        var issued = await Issued(cw, offer);
        var external = NoticeOf(await NewPlacement(cw, offer, await NewPerson(cw, "glandorf"), notice: Today.AddDays(-3), startsOn: Today.AddDays(-2)));

        var mine = await List(cw, Awaiting);
        Ids(mine).Should().Contain(issued.ToString()).And.NotContain(external.ToString(), "a notice served outside the service was handed over");
        mine.Should().OnlyContain(n => n!["dispatch"] == null && n["notifiedOn"] == null);
        var row = mine.Single(n => n!["id"]!.GetValue<string>() == issued.ToString())!;
        row["kind"]!.GetValue<string>().Should().Be("heranziehungsbescheid");
        row["issuedOn"]!.GetValue<string>().Should().Be(D(Today));
        row["origin"]!.GetValue<string>().Should().Be("service");

        // Scoped like every list: the municipality's official, officials without one and auditors see it; another municipality does not.
        Ids(await List(await As("official", "glandorf", "official-glandorf-inbox"), Awaiting)).Should().Contain(issued.ToString());
        Ids(await List(await As("official", null, "official-district-inbox"), Awaiting)).Should().Contain(issued.ToString());
        Ids(await List(await As("auditor", null, "auditor-inbox"), Awaiting)).Should().Contain(issued.ToString());
        Ids(await List(await Caseworker("hilter", "cw-hilter-inbox"), Awaiting)).Should().NotContain(issued.ToString());
        Ids(await List(await As("official", "hilter", "official-hilter-inbox"), Awaiting)).Should().NotContain(issued.ToString());
        await ShouldBeProblem(await (await As("coordinator")).GetAsync(Awaiting), 403);
        await ShouldBeProblem(await (await As("payroll")).GetAsync(Awaiting), 403);

        // Dispatched: it leaves the list; the person says it never arrived: it waits again.
        (await Post(cw, $"/api/notices/{issued}/dispatch", new { method = "post", on = D(Today) })).StatusCode.Should().Be(HttpStatusCode.OK);
        Ids(await List(cw, Awaiting)).Should().NotContain(issued.ToString());
        (await Post(cw, $"/api/notices/{issued}/receipt", new { outcome = "returned", note = "Brief kam zurück" })).StatusCode.Should().Be(HttpStatusCode.OK);
        Ids(await List(cw, Awaiting)).Should().Contain(issued.ToString());
    }

    [Fact]
    public async Task The_filter_also_narrows_one_persons_list_and_pages_with_the_total()
    {
        var cw = await Caseworker("glandorf", "cw-glandorf-inbox-2");
        var person = await NewPerson(cw, "glandorf");
        var first = NoticeOf(await NewPlacement(cw, await NewOffer(cw, "glandorf"), person, notice: Today.AddDays(-10), startsOn: Today.AddDays(-9)));

        var waiting = await List(cw, $"/api/notices?personId={person}&awaitingDispatch=true");
        waiting.Should().BeEmpty("the person's only notice was served outside the service");
        Ids(await List(cw, $"/api/notices?personId={person}&awaitingDispatch=false")).Should().Equal(first.ToString());

        // Two waiting notices of the municipality: one per page, the total says two or more.
        var offer = await NewOffer(cw, "glandorf");
        await Issued(cw, offer);
        await Issued(cw, offer);
        var page = await cw.GetAsync("/api/notices?awaitingDispatch=true&pageSize=1&page=2");
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(page)).AsArray().Should().HaveCount(1);
        int.Parse(page.Headers.GetValues("X-Total-Count").Single()).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task An_index_written_before_it_knew_the_dispatch_still_finds_a_waiting_notice_through_the_persons_case()
    {
        var cw = await Caseworker("glandorf", "cw-glandorf-inbox-3");
        var person = await NewPerson(cw, "glandorf");
        var notice = NoticeOf(await NewIssuedPlacement(cw, await NewOffer(cw, "glandorf"), person));
        await using (var session = Factory.Store.LightweightSession())
        {
            session.Store(new NoticeIndex(notice, person));
            await session.SaveChangesAsync();
        }
        Ids(await List(cw, Awaiting)).Should().Contain(notice.ToString());
    }

    [Fact]
    public async Task Without_a_person_the_list_needs_awaitingDispatch_true_and_refuses_other_values()
    {
        var cw = await Caseworker("glandorf", "cw-glandorf-inbox-4");
        await ShouldBeProblem(await cw.GetAsync("/api/notices"), 400);
        await ShouldBeProblem(await cw.GetAsync("/api/notices?awaitingDispatch=false"), 400);
        await ShouldBeProblem(await cw.GetAsync("/api/notices?awaitingDispatch=yes"), 400);
        await ShouldBeProblem(await cw.GetAsync("/api/notices?awaitingDispatch=true&pageSize=501"), 400);
        await ShouldBeProblem(await cw.GetAsync($"/api/notices?awaitingDispatch=true&personId={Guid.NewGuid()}"), 404);
    }
}
