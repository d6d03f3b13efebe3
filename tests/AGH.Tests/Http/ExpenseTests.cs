using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database of its own: runs pay the whole district.</summary>
public sealed class ExpenseFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Payouts:Rates:0:From", "0001-01-01"),
        new("Payouts:Rates:0:Cents", "95"),
    ];
}

[CollectionDefinition(Name)]
public sealed class ExpenseCollection : ICollectionFixture<ExpenseFactory>
{
    public const string Name = "expenses";
}

[Collection(ExpenseCollection.Name)]
public sealed class ExpenseTests(ExpenseFactory factory) : HttpTest(factory)
{
    private Month M(int monthsBack)
    {
        var m = Month.Of(Today);
        for (var i = 0; i < monthsBack; i++) m = m.Previous;
        return m;
    }

    private static object Expense(Month month, int amountCents = 2500, string evidence = "Busfahrkarten Januar, Belege liegen vor") =>
        new { month = month.ToString(), amountCents, description = "Fahrtkosten zum Einsatzort", evidence };

    private async Task<(Guid Placement, Guid Person)> Placed(HttpClient cw, Month from)
    {
        var offer = await NewOffer(cw, places: 5, hoursPerWeek: 20);
        var placement = await NewPlacement(cw, offer, notice: from.First.AddDays(-7), startsOn: from.First, hoursPerWeek: 20);
        return (placement, IdOf(await GetOk(cw, $"/api/placements/{placement}"), "personId"));
    }

    [Fact]
    public async Task An_expense_is_recorded_checked_and_decided_by_a_second_person_only_once()
    {
        var cw = await Caseworker(userId: "cw-exp");
        var (placement, person) = await Placed(cw, M(3));

        var created = await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(2)));
        var body = await Ok(created, HttpStatusCode.Created);
        var id = IdOf(body);
        created.Headers.Location!.ToString().Should().Be($"/api/expenses/{id}");
        body["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
        body["personId"]!.GetValue<string>().Should().Be(person.ToString());
        body["month"]!.GetValue<string>().Should().Be(M(2).ToString());
        body["amountCents"]!.GetValue<long>().Should().Be(2500);
        body["status"]!.GetValue<string>().Should().Be("pending");
        body["recordedBy"]!.GetValue<string>().Should().Be("cw-exp");
        body["decidedBy"].Should().BeNull();

        // Bad input changes nothing.
        var before = await Factory.EventCount();
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(2), amountCents: 0)), 400);
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(2), amountCents: 100_001)), 400);
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(2), evidence: "")), 400);
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(2), evidence: new string('x', 1001))), 400);
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", new { month = "2026-13", amountCents = 5, description = "x", evidence = "y" }), 400);
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(M(4))), 422, "outside-placement");
        await ShouldBeProblem(await Post(cw, $"/api/placements/{placement}/expenses", Expense(Month.Of(Today.AddMonths(1)))), 422, "outside-placement");
        await ShouldBeProblem(await Post(await Caseworker("dissen"), $"/api/placements/{placement}/expenses", Expense(M(2))), 404);
        await ShouldBeProblem(await Post(await As("payroll", userId: "pay-x"), $"/api/placements/{placement}/expenses", Expense(M(2))), 403);
        (await Factory.EventCount()).Should().Be(before);

        // The current month is allowed; an official records too.
        var official = await As("official", "bad-iburg", userId: "off-exp");
        var own = IdOf(await Ok(await Post(official, $"/api/placements/{placement}/expenses", Expense(M(0), amountCents: 100_000)), HttpStatusCode.Created));
        await ShouldBeProblem(await Post(official, $"/api/expenses/{own}/decision", new { approved = true, reasoning = "Belege geprüft" }), 403, "four-eyes");
        await ShouldBeProblem(await Post(cw, $"/api/expenses/{id}/decision", new { approved = true, reasoning = "Belege geprüft" }), 403);
        await ShouldBeProblem(await Post(await As("official", "dissen"), $"/api/expenses/{id}/decision", new { approved = true, reasoning = "x" }), 404);
        await ShouldBeProblem(await Post(official, $"/api/expenses/{id}/decision", new { approved = true }), 400);

        var decided = await Ok(await Post(official, $"/api/expenses/{id}/decision", new { approved = true, reasoning = "Belege geprüft" }));
        decided["status"]!.GetValue<string>().Should().Be("approved");
        decided["decidedBy"]!.GetValue<string>().Should().Be("off-exp");
        decided["reasoning"]!.GetValue<string>().Should().Be("Belege geprüft");
        var pay = await As("payroll", userId: "pay-exp");
        await ShouldBeProblem(await Post(pay, $"/api/expenses/{id}/decision", new { approved = false, reasoning = "doch nicht" }), 409, "already-decided");
        var rejected = await Ok(await Post(pay, $"/api/expenses/{own}/decision", new { approved = false, reasoning = "Keine Belege" }));
        rejected["status"]!.GetValue<string>().Should().Be("rejected");

        // Lists: payroll and auditors all, caseworkers their municipality, filters and paging.
        var listed = await pay.GetAsync($"/api/expenses?personId={person}");
        var all = (await Ok(listed)).AsArray();
        all.Select(x => x!["id"]!.GetValue<string>()).Should().BeEquivalentTo([id.ToString(), own.ToString()]);
        listed.Headers.GetValues("X-Total-Count").Single().Should().Be("2");
        (await GetOk(pay, $"/api/expenses?personId={person}&status=approved")).AsArray().Single()!["id"]!.GetValue<string>().Should().Be(id.ToString());
        (await GetOk(cw, $"/api/expenses?personId={person}&month={M(0)}")).AsArray().Single()!["status"]!.GetValue<string>().Should().Be("rejected");
        (await GetOk(await As("auditor"), $"/api/expenses?personId={person}")).AsArray().Should().HaveCount(2);
        (await GetOk(await Caseworker("dissen"), $"/api/expenses?personId={person}")).AsArray().Should().BeEmpty();
        (await GetOk(pay, $"/api/expenses?personId={person}&pageSize=1&page=2")).AsArray().Should().HaveCount(1);
        await ShouldBeProblem(await pay.GetAsync("/api/expenses?status=open"), 400);
        await ShouldBeProblem(await pay.GetAsync("/api/expenses?pageSize=501"), 400);
        await ShouldBeProblem(await (await As("coordinator")).GetAsync("/api/expenses"), 403);
        (await GetOk(cw, $"/api/expenses/{id}"))["status"]!.GetValue<string>().Should().Be("approved");
        await ShouldBeProblem(await (await Caseworker("dissen")).GetAsync($"/api/expenses/{id}"), 404);
    }

    [Fact]
    public async Task A_line_pays_the_larger_of_the_allowance_and_the_approved_expenses_also_without_hours_and_late_approvals_as_arrears()
    {
        var cw = await Caseworker(userId: "cw-pay");
        var pay1 = await As("payroll", userId: "pay-1");
        var pay2 = await As("payroll", userId: "pay-2");
        var (withHours, a) = await Placed(cw, M(3));
        var (noHours, b) = await Placed(cw, M(3));
        var (small, c) = await Placed(cw, M(3));
        var month = M(2);
        await Ok(await Post(cw, $"/api/placements/{withHours}/hours", new { date = D(month.First.AddDays(2)), minutes = 60 }), HttpStatusCode.Created);   // 95 ct
        await Ok(await Post(cw, $"/api/placements/{small}/hours", new { date = D(month.First.AddDays(2)), minutes = 480 }), HttpStatusCode.Created);     // 760 ct
        async Task<Guid> Approved(Guid placement, Month m, int cents)
        {
            var id = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/expenses", Expense(m, cents)), HttpStatusCode.Created));
            await Ok(await Post(pay1, $"/api/expenses/{id}/decision", new { approved = true, reasoning = "Belege geprüft" }));
            return id;
        }
        await Approved(withHours, month, 300);
        await Approved(withHours, month, 200);
        await Approved(noHours, month, 1234);
        await Approved(small, month, 500);
        var pending = IdOf(await Ok(await Post(cw, $"/api/placements/{noHours}/expenses", Expense(month, 9999)), HttpStatusCode.Created));

        var run = await Ok(await Post(pay1, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created);
        Line(run, a, false).Should().Be((60, 500, 500));
        Line(run, b, false).Should().Be((0, 1234, 1234));
        Line(run, c, false).Should().Be((480, 500, 760));
        Sum(run, a, b, c).Should().Be(500 + 1234 + 760, "the run pays the district; these three persons' lines");

        // Approved after the month's run: the difference on the next run's arrears line.
        await Ok(await Post(pay2, $"/api/expenses/{pending}/decision", new { approved = true, reasoning = "Belege nachgereicht" }));
        await Approved(small, month, 1000); // 1500 in all against 760: 740 more
        var runId = IdOf(run);
        await Ok(await Post(pay2, $"/api/payout-runs/{runId}/release", new { }));
        var next = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(1).ToString() }), HttpStatusCode.Created);
        Line(next, b, true).Should().Be((0, 1234 + 9999, 9999));
        Line(next, c, true).Should().Be((0, 1500, 740));
        next["lines"]!.AsArray().Where(l => l!["personId"]!.GetValue<string>() == a.ToString()).Should().BeEmpty("nothing changed for a");
        Sum(next, a, b, c).Should().Be(9999 + 740);

        // The cash office's file pays the same amounts; its header is unchanged.
        await Ok(await Post(pay2, $"/api/payout-runs/{IdOf(next)}/release", new { }));
        var csv = await pay1.GetAsync($"/api/payout-runs/{IdOf(next)}/export");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        text.Split("\r\n")[0].Should().Be("fileReference;familyName;givenName;month;minutes;amountCents;amountEuro");
        text.Should().Contain(";0;9999;99,99").And.Contain(";0;740;7,40");
        csv.Headers.GetValues("X-Control-Total-Cents").Single().Should().Be(next["totalCents"]!.GetValue<long>().ToString());
        next["totalCents"]!.GetValue<long>().Should().Be(next["lines"]!.AsArray().Sum(l => l!["amountCents"]!.GetValue<long>()));
    }

    private static long Sum(JsonNode run, params Guid[] persons) => run["lines"]!.AsArray()
        .Where(l => persons.Select(p => p.ToString()).Contains(l!["personId"]!.GetValue<string>())).Sum(l => l!["amountCents"]!.GetValue<long>());

    private static (int Minutes, long Expenses, long Amount) Line(JsonNode run, Guid person, bool arrears)
    {
        var line = run["lines"]!.AsArray().Single(l => l!["personId"]!.GetValue<string>() == person.ToString() && l["arrears"]!.GetValue<bool>() == arrears)!;
        return (line["minutes"]!.GetValue<int>(), line["expensesCents"]!.GetValue<long>(), line["amountCents"]!.GetValue<long>());
    }
}
