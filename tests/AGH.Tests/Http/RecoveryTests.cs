using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database of its own: runs pay the whole district.</summary>
public sealed class RecoveryFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Payouts:Rates:0:From", "0001-01-01"),
        new("Payouts:Rates:0:Cents", "95"),
    ];
}

[CollectionDefinition(Name)]
public sealed class RecoveryCollection : ICollectionFixture<RecoveryFactory>
{
    public const string Name = "recoveries";
}

/// <summary>No negative payment ever (contract v3b): reductions of released payments are recovered, others netted down to 0 at most.</summary>
[Collection(RecoveryCollection.Name)]
public sealed class RecoveryTests(RecoveryFactory factory) : HttpTest(factory)
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
    public async Task A_correction_below_a_released_payment_opens_one_recovery_at_once_and_no_run_pays_a_negative_amount()
    {
        var cw = await Caseworker(userId: "cw-rec");
        var pay1 = await As("payroll", userId: "pay-r1");
        var pay2 = await As("payroll", userId: "pay-r2");
        var offer = await NewOffer(cw, places: 5, hoursPerWeek: 20);
        var placement = await NewPlacement(cw, offer, notice: M(6).First.AddDays(-7), startsOn: M(6).First, hoursPerWeek: 20);
        var person = IdOf(await GetOk(cw, $"/api/placements/{placement}"), "personId");
        var e1 = await Log(cw, placement, M(6).First.AddDays(3), 120);
        var run1 = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(6).ToString() }), HttpStatusCode.Created);
        await Ok(await Post(pay2, $"/api/payout-runs/{IdOf(run1)}/release", new { }));

        // Released: corrected to 30 of 120 paid → 90 minutes owed, 90 × 95 / 60 = 142.5 → 143 ct; in the same append as the correction.
        var before = await Factory.EventCount();
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{e1}/correction", new { minutes = 30, reason = "Träger korrigiert" }), HttpStatusCode.Created);
        (await Factory.EventCount()).Should().Be(before + 2, "the correction and its recovery");
        var recoveries = (await GetOk(pay1, $"/api/recoveries?personId={person}")).AsArray();
        var recovery = recoveries.Should().ContainSingle().Subject!;
        recovery["amountCents"]!.GetValue<long>().Should().Be(143);
        recovery["status"]!.GetValue<string>().Should().Be("open");
        recovery["entryId"]!.GetValue<string>().Should().Be(e1.ToString());
        recovery["runId"]!.GetValue<string>().Should().Be(IdOf(run1).ToString());
        recovery["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
        (await GetOk(cw, $"/api/recoveries?personId={person}&status=open")).AsArray().Should().HaveCount(1);
        (await GetOk(await Caseworker("dissen"), $"/api/recoveries?personId={person}")).AsArray().Should().BeEmpty();
        await ShouldBeProblem(await (await As("coordinator")).GetAsync("/api/recoveries"), 403);
        await ShouldBeProblem(await pay1.GetAsync("/api/recoveries?status=closed"), 400);

        // A second correction further down opens a second recovery for the rest only; one back up opens none.
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{e1}/correction", new { minutes = 0, reason = "Storno" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{e1}/correction", new { minutes = 15, reason = "doch 15 Minuten" }), HttpStatusCode.Created);
        (await GetOk(pay1, $"/api/recoveries?personId={person}")).AsArray().Select(r => r!["amountCents"]!.GetValue<long>())
            .Should().BeEquivalentTo([143L, 48L]); // 30 min → 47.5 → 48

        // The next run does not net the recovered minutes (the correction back to 15 is paid as arrears: 15 of the recovered 120).
        var e2 = await Log(cw, placement, M(5).First.AddDays(3), 60);
        var run2 = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(5).ToString() }), HttpStatusCode.Created);
        Lines(run2, person).Should().BeEquivalentTo([(60, false, 95L), (15, true, 24L)]);

        // Only prepared: a reduction is not a recovery; the next run nets it where the line stays at or above 0.
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{e2}/correction", new { minutes = 15, reason = "falsch erfasst" }), HttpStatusCode.Created);
        (await GetOk(pay1, $"/api/recoveries?personId={person}")).AsArray().Should().HaveCount(2);
        await Ok(await Post(pay2, $"/api/payout-runs/{IdOf(run2)}/release", new { }));
        var late = await Log(cw, placement, M(5).First.AddDays(10), 120);
        await Log(cw, placement, M(4).First.AddDays(3), 30);
        var run3 = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(4).ToString() }), HttpStatusCode.Created);
        Lines(run3, person).Should().BeEquivalentTo([(30, false, 48L), (120 - 45, true, 119L)]); // 75 × 95 / 60 = 118.75 → 119
        run3["lines"]!.AsArray().Should().OnlyContain(l => l!["amountCents"]!.GetValue<long>() >= 0);
        await Ok(await Post(pay2, $"/api/payout-runs/{IdOf(run3)}/release", new { }));
        var csv = await pay1.GetAsync($"/api/payout-runs/{IdOf(run3)}/export");
        var rows = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1);
        rows.Should().OnlyContain(r => !r.Split(';')[5].StartsWith('-'), "the cash office never receives a negative amount");
        late.Should().NotBeEmpty();
    }

    private static IEnumerable<(int Minutes, bool Arrears, long Amount)> Lines(JsonNode run, Guid person) => run["lines"]!.AsArray()
        .Where(l => l!["personId"]!.GetValue<string>() == person.ToString())
        .Select(l => (l!["minutes"]!.GetValue<int>(), l["arrears"]!.GetValue<bool>(), l["amountCents"]!.GetValue<long>())).ToList();
}

