using System.Net;
using System.Text;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database of its own (runs pay the whole district), with a configured rate where rounding shows.</summary>
public sealed class PayoutFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Payouts:Rates:0:From", "0001-01-01"),
        new("Payouts:Rates:0:Cents", "95"),
    ];
}

[CollectionDefinition(Name)]
public sealed class PayoutCollection : ICollectionFixture<PayoutFactory>
{
    public const string Name = "payouts";
}

[Collection(PayoutCollection.Name)]
public sealed class PayoutTests(PayoutFactory factory) : HttpTest(factory)
{
    private Month M(int monthsBack)
    {
        var m = Month.Of(Today);
        for (var i = 0; i < monthsBack; i++) m = m.Previous;
        return m;
    }

    private async Task<Guid> Log(HttpClient cw, Guid placement, DateOnly date, int minutes) =>
        IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(date), minutes }), HttpStatusCode.Created), "entryId");

    [Fact]
    public async Task Runs_pay_to_the_cent_once_with_arrears_corrections_four_eyes_and_a_cash_office_export()
    {
        var cw = await Caseworker();
        var pay1 = await As("payroll", userId: "pay-1");
        var pay2 = await As("payroll", userId: "pay-2");
        var first = M(3);
        var offer = await NewOffer(cw, places: 5, hoursPerWeek: 20);
        var a = await NewPlacement(cw, offer, notice: first.First.AddDays(-7), startsOn: first.First, hoursPerWeek: 20);
        var b = await NewPlacement(cw, offer, notice: first.First.AddDays(-7), startsOn: first.First, hoursPerWeek: 20);
        var personA = IdOf(await GetOk(cw, $"/api/placements/{a}"), "personId");
        var personB = IdOf(await GetOk(cw, $"/api/placements/{b}"), "personId");
        await Log(cw, a, first.First.AddDays(2), 15);
        await Log(cw, a, first.First.AddDays(3), 45);
        await Log(cw, a, first.First.AddDays(4), 30);
        var bEntry = await Log(cw, b, first.First.AddDays(2), 45);

        // 90 min × 95 ct / 60 = 142.5 → 143; 45 min → 71.25 → 71.
        var run1 = await Ok(await Post(pay1, "/api/payout-runs", new { month = first.ToString() }), HttpStatusCode.Created);
        run1["month"]!.GetValue<string>().Should().Be(first.ToString());
        run1["status"]!.GetValue<string>().Should().Be("prepared");
        run1["preparedBy"]!.GetValue<string>().Should().Be("pay-1");
        Line(run1, personA, false).Should().Be((90, 95, 143));
        Line(run1, personB, false).Should().Be((45, 95, 71));
        run1["lines"]!.AsArray().Should().HaveCount(2);
        run1["totalCents"]!.GetValue<long>().Should().Be(214);

        var before = await Factory.EventCount();
        var again = await Ok(await Post(pay2, "/api/payout-runs", new { month = first.ToString() }));
        again.ToJsonString().Should().Be(run1.ToJsonString());
        (await Factory.EventCount()).Should().Be(before, "asking again pays nobody twice");

        // Late entry for the paid month, a reduction of a paid entry, and the next month's own hours.
        var second = M(2);
        await Log(cw, a, first.First.AddDays(20), 30);
        await Ok(await Post(cw, $"/api/placements/{b}/hours/{bEntry}/correction", new { minutes = 15, reason = "Träger korrigiert" }), HttpStatusCode.Created);
        await Log(cw, a, second.First.AddDays(1), 60);

        var run2 = await Ok(await Post(pay1, "/api/payout-runs", new { month = second.ToString() }), HttpStatusCode.Created);
        Line(run2, personA, false).Should().Be((60, 95, 95));
        Line(run2, personA, true).Should().Be((30, 95, 48));   // 47.5 → 48
        // b's reduction (its entry only in the prepared run 1) has nothing to net against: no negative line (contract v3b).
        run2["lines"]!.AsArray().Should().HaveCount(2);
        run2["lines"]!.AsArray().Should().OnlyContain(l => l!["personId"]!.GetValue<string>() == personA.ToString());
        run2["totalCents"]!.GetValue<long>().Should().Be(143);
        var run2Id = IdOf(run2);

        await Rejected(() => Post(pay1, $"/api/payout-runs/{run2Id}/release", new { }), 403, "four-eyes");
        var released = await Ok(await Post(pay2, $"/api/payout-runs/{run2Id}/release", new { }));
        released["status"]!.GetValue<string>().Should().Be("released");
        await Rejected(() => Post(pay2, $"/api/payout-runs/{run2Id}/release", new { }), 409);
        (await GetOk(await As("auditor"), $"/api/payout-runs/{run2Id}"))["status"]!.GetValue<string>().Should().Be("released");
        (await GetOk(pay1, $"/api/payout-runs?month={second}")).AsArray().Should().ContainSingle();

        var csv = await pay1.GetAsync($"/api/payout-runs/{run2Id}/export");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var rows = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("fileReference;familyName;givenName;month;minutes;amountCents;amountEuro");
        var parsed = rows.Skip(1).Select(r => r.Split(';')).ToList();
        parsed.Should().HaveCount(2);
        parsed.Should().OnlyContain(r => r.Length == 7 && r[3] == second.ToString() && r[1] == "Yusuf" && r[2] == "Amina" && r[0].StartsWith("AZ-50-"));
        parsed.Select(r => r[6]).Should().BeEquivalentTo(["0,95", "0,48"]);
        parsed.Sum(r => long.Parse(r[5])).Should().Be(143);
        parsed.Should().OnlyContain(r => r[6] == AGH.Api.Payouts.PayoutRunQueries.Euro(long.Parse(r[5])));

        var history = await GetOk(await As("auditor"), $"/api/persons/{personA}/history");
        var types = history["entries"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();
        types.Count(t => t == "AllowanceComputed").Should().Be(3);
        types.Last().Should().Be("PayoutRunReleased");
        var releaseEntry = history["entries"]!.AsArray().Last()!;
        releaseEntry["actor"]!["userId"]!.GetValue<string>().Should().Be("pay-2");
        releaseEntry["data"]!.ToJsonString().Should().NotContain(personB.ToString(), "another person's lines never show in a history");
    }

    [Fact]
    public async Task A_run_asked_for_concurrently_is_prepared_once()
    {
        var cw = await Caseworker("melle");
        var month = M(1);
        var worker = await NewPerson(cw, "melle");
        var placement = await NewPlacement(cw, await NewOffer(cw, "melle"), worker, notice: month.First.AddDays(-3), startsOn: month.First);
        await Log(cw, placement, month.First.AddDays(1), 60);
        var pay = await As("payroll", userId: "pay-3");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Post(pay, "/api/payout-runs", new { month = month.ToString() })));

        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1, string.Join("\n", texts));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(5, string.Join("\n", texts));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Should().ContainSingle();
        await using var session = Factory.Store.QuerySession();
        var prepared = await Marten.QueryableExtensions.ToListAsync(session.Events.QueryRawEventDataOnly<PayoutRunPrepared>().Where(e => e.Month == month.ToString()));
        prepared.Should().ContainSingle();
        prepared.Single().Lines.Where(l => l.PersonId == worker).Should().ContainSingle("the person is paid once")
            .Which.AmountCents.Should().Be(95);
    }

    [Fact]
    public async Task Runs_are_for_ended_months_and_for_payroll()
    {
        var pay = await As("payroll");
        await Rejected(() => Post(pay, "/api/payout-runs", new { month = Month.Of(Today).ToString() }), 422, "month-not-ended");
        await Rejected(() => Post(pay, "/api/payout-runs", new { month = "2026-13" }), 400);
        await Rejected(() => Post(pay, "/api/payout-runs", new { }), 400);
        await Rejected(async () => await Post(await Caseworker(), "/api/payout-runs", new { month = M(1).ToString() }), 403);
        await Rejected(async () => await Post(await As("auditor"), "/api/payout-runs", new { month = M(1).ToString() }), 403);
        await ShouldBeProblem(await (await Caseworker()).GetAsync("/api/payout-runs"), 403);
        await ShouldBeProblem(await pay.GetAsync($"/api/payout-runs/{Guid.NewGuid()}"), 404);
        await Rejected(() => Post(pay, $"/api/payout-runs/{Guid.NewGuid()}/release", new { }), 404);
    }

    private static (int Minutes, int Rate, long Amount) Line(System.Text.Json.Nodes.JsonNode run, Guid person, bool arrears)
    {
        var line = run["lines"]!.AsArray().Single(l => l!["personId"]!.GetValue<string>() == person.ToString() && l["arrears"]!.GetValue<bool>() == arrears)!;
        return (line["minutes"]!.GetValue<int>(), line["rateCents"]!.GetValue<int>(), line["amountCents"]!.GetValue<long>());
    }
}
