using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Payouts;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>A database of its own: these runs pay the whole district, and rejections re-open months.</summary>
public sealed class PayoutRunReviewFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class PayoutRunReviewCollection : ICollectionFixture<PayoutRunReviewFactory>
{
    public const string Name = "payout-run-review";
}

/// <summary>Contract v2 "Payout runs": review, four-eyes release, rejection and a new run; payouts only inside the placement.</summary>
[Collection(PayoutRunReviewCollection.Name)]
public sealed class PayoutRunReviewTests(PayoutRunReviewFactory factory) : HttpTest(factory)
{
    private Month M(int monthsBack)
    {
        var m = Month.Of(Today);
        for (var i = 0; i < monthsBack; i++) m = m.Previous;
        return m;
    }

    private async Task<(Guid Person, Guid Placement)> Worked(HttpClient cw, Month month, params (int Day, int Minutes)[] entries)
    {
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: month.First.AddDays(-7), startsOn: month.First);
        foreach (var (day, minutes) in entries)
            await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(day)), minutes }), HttpStatusCode.Created);
        return (person, placement);
    }

    private static JsonNode[] LinesOf(JsonNode run, Guid person) =>
        run["lines"]!.AsArray().Where(l => l!["personId"]!.GetValue<string>() == person.ToString()).Select(l => l!).ToArray();

    private static string Status(JsonNode run) => run["status"]!.GetValue<string>();

    /// <summary>The kinds of payroll's open tasks (contract v3d) on one run.</summary>
    private static async Task<List<string>> RunTasks(HttpClient payroll, Guid run) =>
        (await GetOk(payroll, "/api/tasks")).AsArray().Where(t => t!["runId"]?.GetValue<string>() == run.ToString())
            .Select(t => t!["kind"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task A_rejected_run_is_prepared_anew_with_a_new_id_paying_the_same_entries_once_and_released_by_a_third_clerk()
    {
        var cw = await Caseworker();
        var pay1 = await As("payroll", userId: "rv-pay-1");
        var pay2 = await As("payroll", userId: "rv-pay-2");
        var pay3 = await As("payroll", userId: "rv-pay-3");
        var month = M(2);
        var (person, _) = await Worked(cw, month, (1, 60), (2, 45));

        var first = await Ok(await Post(pay1, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created);
        var firstId = IdOf(first);
        first["reviewedBy"]!.Should().BeNull();
        (await RunTasks(pay2, firstId)).Should().Equal("run-to-review");
        LinesOf(first, person).Should().ContainSingle().Which["minutes"]!.GetValue<int>().Should().Be(105);
        await Rejected(() => Post(pay1, $"/api/payout-runs/{firstId}/review", new { }), 403, "four-eyes");
        await ShouldBeProblem(await pay1.GetAsync($"/api/payout-runs/{firstId}/export"), 409, "run-not-released");
        await Rejected(() => Post(pay2, $"/api/payout-runs/{firstId}/reject", new { }), 400);

        var rejected = await Ok(await Post(pay2, $"/api/payout-runs/{firstId}/reject", new { reason = "Stundenzettel eines Trägers fehlen" }));
        Status(rejected).Should().Be("rejected");
        (await RunTasks(pay2, firstId)).Should().BeEmpty("a rejected run waits for nobody");
        rejected["rejectedBy"]!.GetValue<string>().Should().Be("rv-pay-2");
        rejected["rejectionReason"]!.GetValue<string>().Should().Be("Stundenzettel eines Trägers fehlen");
        await Rejected(() => Post(pay3, $"/api/payout-runs/{firstId}/release", new { }), 409, "run-rejected");
        await Rejected(() => Post(pay3, $"/api/payout-runs/{firstId}/review", new { }), 409, "run-rejected");
        await Rejected(() => Post(pay3, $"/api/payout-runs/{firstId}/reject", new { reason = "nochmal" }), 409, "run-rejected");
        await ShouldBeProblem(await pay1.GetAsync($"/api/payout-runs/{firstId}/export"), 409, "run-not-released");

        // Asked for concurrently, the month's new run is prepared once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Post(pay1, "/api/payout-runs", new { month = month.ToString() })));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1, string.Join("\n", bodies));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(3, string.Join("\n", bodies));
        bodies.Distinct().Should().ContainSingle();
        var second = JsonNode.Parse(bodies[0])!;
        var secondId = IdOf(second);
        secondId.Should().NotBe(firstId);
        Status(second).Should().Be("prepared");
        LinesOf(second, person).Select(l => l.ToJsonString()).Should().Equal(LinesOf(first, person).Select(l => l.ToJsonString()),
            "the new run pays exactly the entries the rejected one would have");
        (await GetOk(pay1, $"/api/payout-runs?month={month}")).AsArray().Select(r => Status(r!)).Should().BeEquivalentTo(["rejected", "prepared"]);

        (await RunTasks(pay3, secondId)).Should().Equal("run-to-review");
        var reviewed = await Ok(await Post(pay2, $"/api/payout-runs/{secondId}/review", new { }));
        Status(reviewed).Should().Be("reviewed");
        (await RunTasks(pay3, secondId)).Should().Equal("run-to-release");
        reviewed["reviewedBy"]!.GetValue<string>().Should().Be("rv-pay-2");
        await Rejected(() => Post(pay3, $"/api/payout-runs/{secondId}/review", new { }), 409, "already-reviewed");
        await Rejected(() => Post(pay2, $"/api/payout-runs/{secondId}/release", new { }), 403, "four-eyes");
        await Rejected(() => Post(pay1, $"/api/payout-runs/{secondId}/release", new { }), 403, "four-eyes");
        var released = await Ok(await Post(pay3, $"/api/payout-runs/{secondId}/release", new { }));
        Status(released).Should().Be("released");
        (await RunTasks(pay3, secondId)).Should().BeEmpty("a released run is done");
        released["reviewedBy"]!.GetValue<string>().Should().Be("rv-pay-2");
        await Rejected(() => Post(pay1, $"/api/payout-runs/{secondId}/reject", new { reason = "zu spät" }), 409, "run-released");
        (await pay1.GetAsync($"/api/payout-runs/{secondId}/export")).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await Ok(await Post(pay1, "/api/payout-runs", new { month = month.ToString() }));
        IdOf(again).Should().Be(secondId, "while a run of the month stands, asking again returns it");
        var next = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(1).ToString() }), HttpStatusCode.Created);
        LinesOf(next, person).Should().BeEmpty("the re-prepared run paid the entries; nobody is paid twice");

        var history = (await GetOk(await As("auditor"), $"/api/persons/{person}/history"))["entries"]!.AsArray();
        var payout = history.Where(e => e!["streamId"]!.GetValue<string>() == PayoutRun.LedgerId.ToString()).ToList();
        payout.Select(e => e!["type"]!.GetValue<string>()).Should().Equal(
            "AllowanceComputed", "PayoutRunRejected", "AllowanceComputed", "PayoutRunReviewed", "PayoutRunReleased");
        payout.Should().OnlyContain(e => !string.IsNullOrEmpty(e!["legalBasis"]!.GetValue<string>()));
        payout[1]!["actor"]!["userId"]!.GetValue<string>().Should().Be("rv-pay-2");
        payout[1]!["summary"]!.GetValue<string>().Should().Contain("zurückgewiesen");
        history.ToJsonString().Should().NotContain("Stundenzettel", "payroll's note is about the whole run, not the person");
    }

    [Fact]
    public async Task A_rejected_months_hours_not_prepared_again_are_paid_once_as_arrears_by_the_next_run()
    {
        var cw = await Caseworker();
        var pay1 = await As("payroll", userId: "rv-pay-4");
        var pay2 = await As("payroll", userId: "rv-pay-5");
        var (person, _) = await Worked(cw, M(4), (3, 90));

        var rejectedId = IdOf(await Ok(await Post(pay1, "/api/payout-runs", new { month = M(4).ToString() }), HttpStatusCode.Created));
        await Ok(await Post(pay2, $"/api/payout-runs/{rejectedId}/reject", new { reason = "falscher Satz" }));

        var next = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(3).ToString() }), HttpStatusCode.Created);
        var line = LinesOf(next, person).Should().ContainSingle().Subject;
        line["arrears"]!.GetValue<bool>().Should().BeTrue();
        line["minutes"]!.GetValue<int>().Should().Be(90);

        var reprepared = await Ok(await Post(pay1, "/api/payout-runs", new { month = M(4).ToString() }), HttpStatusCode.Created);
        LinesOf(reprepared, person).Should().BeEmpty("the arrears line paid them already");
    }

    [Fact]
    public async Task A_payout_pays_only_hours_inside_the_placements_period()
    {
        var cw = await Caseworker();
        var month = M(6);
        var (person, placement) = await Worked(cw, month, (1, 60));
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(month.First.AddDays(10)), reason = "training" }));
        // Left from before v2, when an end did not check for later hours: an entry after the last day of work.
        await using (var session = Factory.Store.LightweightSession())
        {
            AGH.Api.Infrastructure.CommandActor.Set(session, new AGH.Domain.Common.Actor("cw-legacy", "Altbestand", "caseworker", "bad-iburg"));
            session.Events.Append(person, new HoursLogged(placement, person, Guid.NewGuid(), month.First.AddDays(15), 120));
            await session.SaveChangesAsync();
        }
        (await GetOk(cw, $"/api/placements/{placement}"))["minutesLogged"]!.GetValue<int>().Should().Be(180);

        var run = await Ok(await Post(await As("payroll", userId: "rv-pay-6"), "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created);

        LinesOf(run, person).Should().ContainSingle().Which["minutes"]!.GetValue<int>().Should().Be(60);
    }
}

/// <summary>A scheduled host of its own: the caught-up run is reviewed and released by two clerks; a rejected month stays to payroll.</summary>
public sealed class ScheduleReviewFactory : ScheduleFactory;

[CollectionDefinition(Name)]
public sealed class ScheduleReviewCollection : ICollectionFixture<ScheduleReviewFactory>
{
    public const string Name = "schedule-review";
}

[Collection(ScheduleReviewCollection.Name)]
public sealed class ScheduledRunReviewTests(ScheduleReviewFactory factory) : HttpTest(factory)
{
    private new ScheduleReviewFactory Factory => (ScheduleReviewFactory)base.Factory;

    [Fact]
    public async Task A_scheduled_run_needs_a_review_and_a_second_clerk_and_a_rejected_scheduled_month_is_left_to_payroll()
    {
        var pay1 = await As("payroll", userId: "sr-pay-1");
        var pay2 = await As("payroll", userId: "sr-pay-2");
        var lastMonth = Factory.Schedule.DueMonth(Factory.Time.GetUtcNow())!.Value;
        var caughtUp = (await Factory.WaitForRuns(1)).Should().ContainSingle().Subject;
        var rejectedId = caughtUp.RunId;

        // The caught-up run is rejected: the schedule does not prepare the month again, payroll does.
        var run = await GetOk(pay1, $"/api/payout-runs/{rejectedId}");
        run["preparedBy"]!.GetValue<string>().Should().Be("system:payout-schedule");
        run["status"]!.GetValue<string>().Should().Be("prepared");
        await ShouldBeProblem(await pay1.GetAsync($"/api/payout-runs/{rejectedId}/export"), 409, "run-not-released");
        await Ok(await Post(pay1, $"/api/payout-runs/{rejectedId}/reject", new { reason = "Stundenmeldungen unvollständig" }));
        await Factory.RunScheduled(Factory.Time.GetUtcNow());
        (await Factory.RunsPrepared()).Should().ContainSingle("the schedule does not prepare a rejected month again");
        var anew = await Ok(await Post(pay1, "/api/payout-runs", new { month = lastMonth.ToString() }), HttpStatusCode.Created);
        IdOf(anew).Should().NotBe(rejectedId);
        anew["preparedBy"]!.GetValue<string>().Should().Be("sr-pay-1");

        // 02:00 on the 1st of next month, Europe/Berlin: this month's run is prepared by the schedule.
        var thisMonth = Month.Of(Today);
        var first = thisMonth.First.AddMonths(1).ToDateTime(new TimeOnly(2, 0));
        var due = new DateTimeOffset(first, Clock.Berlin.GetUtcOffset(first));
        Factory.Time.SetUtcNow(due.AddSeconds(1));
        await Factory.RunScheduled(due);
        var id = (await Factory.RunsPrepared()).Single(r => r.Month == thisMonth.ToString()).RunId;
        pay1 = await As("payroll", userId: "sr-pay-1"); // the clock moved on: fresh tokens
        pay2 = await As("payroll", userId: "sr-pay-2");

        await Rejected(() => Post(pay1, $"/api/payout-runs/{id}/release", new { }), 403, "four-eyes");
        var reviewed = await Ok(await Post(pay1, $"/api/payout-runs/{id}/review", new { }));
        reviewed["status"]!.GetValue<string>().Should().Be("reviewed");
        reviewed["reviewedBy"]!.GetValue<string>().Should().Be("sr-pay-1");
        await ShouldBeProblem(await pay1.GetAsync($"/api/payout-runs/{id}/export"), 409, "run-not-released");
        await Rejected(() => Post(pay1, $"/api/payout-runs/{id}/release", new { }), 403, "four-eyes");
        var released = await Ok(await Post(pay2, $"/api/payout-runs/{id}/release", new { }));
        released["status"]!.GetValue<string>().Should().Be("released");
        released["releasedBy"]!.GetValue<string>().Should().Be("sr-pay-2");
        (await pay1.GetAsync($"/api/payout-runs/{id}/export")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
