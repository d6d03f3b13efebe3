using System.Text.Json.Nodes;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>The service as `make run` starts it: the demo seed on an empty store.</summary>
public sealed class DemoSeedFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Demo:Seed", "true")];
}

[CollectionDefinition(Name)]
public sealed class DemoSeedCollection : ICollectionFixture<DemoSeedFactory>
{
    public const string Name = "demo-seed";
}

/// <summary>After seeding, every role finds a case waiting at its stage, read through the API as the staff app reads it.</summary>
[Collection(DemoSeedCollection.Name)]
public sealed class DemoSeedTests(DemoSeedFactory factory) : HttpTest(factory)
{
    private async Task<HttpClient> Auditor() => await As("auditor", null, "demo-auditor");

    private async Task<JsonNode> PersonNamed(string familyName)
    {
        var found = (await GetOk(await Auditor(), $"/api/persons?q={familyName}")).AsArray();
        return found.Single(p => p!["familyName"]!.GetValue<string>() == familyName)!;
    }

    private async Task<JsonArray> NoticesOf(JsonNode person) =>
        (await GetOk(await Auditor(), $"/api/notices?personId={person["id"]}")).AsArray();

    private async Task<JsonNode> OnlyPlacementOf(JsonNode person) =>
        (await GetOk(await Auditor(), $"/api/placements?personId={person["id"]}")).AsArray().Single()!;

    private async Task<JsonNode> OnlyProposalOf(JsonNode person, string status)
    {
        var all = (await GetOk(await Auditor(), $"/api/sanction-proposals?status={status}&pageSize=500")).AsArray();
        return all.Single(p => p!["personId"]!.GetValue<string>() == person["id"]!.GetValue<string>())!;
    }

    [Fact]
    public async Task A_caseworker_finds_a_Heranziehungsbescheid_issued_today_and_not_yet_dispatched()
    {
        var mansour = await PersonNamed("Mansour");
        var notice = (await NoticesOf(mansour)).Single()!;
        notice["kind"]!.GetValue<string>().Should().Be("heranziehungsbescheid");
        notice["issuedOn"]!.GetValue<string>().Should().Be(D(Today));
        notice["dispatch"].Should().BeNull("the notice waits for dispatch");
        notice["notifiedOn"].Should().BeNull();
        var placement = await OnlyPlacementOf(mansour);
        placement["noticeId"]!.GetValue<string>().Should().Be(notice["id"]!.GetValue<string>());
        placement["noticeServedOn"].Should().BeNull("the placement's notice is not notified yet");
    }

    [Fact]
    public async Task A_posted_notice_is_notified_on_the_fourth_day_and_its_Widerspruch_awaits_a_decision()
    {
        var ahmadi = await PersonNamed("Ahmadi");
        var notice = (await NoticesOf(ahmadi)).Single()!;
        var postedOn = Today.AddDays(-12);
        notice["dispatch"]!["method"]!.GetValue<string>().Should().Be("post");
        notice["dispatch"]!["on"]!.GetValue<string>().Should().Be(D(postedOn));
        notice["notifiedOn"]!.GetValue<string>().Should().Be(D(NoticeCalendar.NotifiedOn(DispatchMethod.Post, postedOn)));
        var objection = (await OnlyPlacementOf(ahmadi))["objection"]!;
        objection["status"]!.GetValue<string>().Should().Be("pending");
        objection["receivedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-2)));
        objection["timely"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task An_official_finds_a_pending_proposal_of_another_user()
    {
        var proposal = await OnlyProposalOf(await PersonNamed("Warsame"), "pending");
        proposal["status"]!.GetValue<string>().Should().Be("pending");
        proposal["restriction"].Should().BeNull();
        var official = await As("official", "bramsche", "demo-official-bramsche");
        var detail = await GetOk(official, $"/api/sanction-proposals/{proposal["id"]}");
        detail["status"]!.GetValue<string>().Should().Be("pending");
    }

    [Fact]
    public async Task A_restriction_in_force_is_due_for_review_because_the_person_declared_willingness()
    {
        var dawit = await PersonNamed("Tesfamariam");
        var proposal = await OnlyProposalOf(dawit, "approved");
        proposal["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        proposal["restriction"]!["startsOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-30)));
        var notices = await NoticesOf(dawit);
        notices.Should().HaveCount(2, "the Heranziehungsbescheid and the Einschränkungsbescheid");
        notices.Should().OnlyContain(n => n!["notifiedOn"] != null, "both notices were handed over");
        var due = (await GetOk(await Auditor(), "/api/restrictions/due-for-review")).AsArray();
        var row = due.Single(d => d!["proposalId"]!.GetValue<string>() == proposal["id"]!.GetValue<string>())!;
        row["reason"]!.GetValue<string>().Should().Be("willing");
        row["personId"]!.GetValue<string>().Should().Be(dawit["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_restriction_is_suspended_by_a_court_order()
    {
        var proposal = await OnlyProposalOf(await PersonNamed("Kaya"), "approved");
        proposal["restriction"]!["status"]!.GetValue<string>().Should().Be("suspended");
        var due = (await GetOk(await Auditor(), "/api/restrictions/due-for-review")).AsArray();
        due.Should().NotContain(d => d!["proposalId"]!.GetValue<string>() == proposal["id"]!.GetValue<string>(),
            "a suspended restriction is not in force");
    }

    /// <summary>
    /// Contract v3c: the two providers of the demo (README, demo data) find their offers and people, last month's hours
    /// logged mostly by themselves, Sozialkaufhaus Melle's month confirmed and the Tafel's not, the Tafel's open absence
    /// report and the Sozialkaufhaus' open accident, due in three days.
    /// </summary>
    [Fact]
    public async Task The_providers_find_their_people_hours_timesheets_an_absence_report_and_an_accident()
    {
        var lastMonth = AGH.Domain.Payouts.Month.Of(Today).Previous;
        var expected = new[] { ("sozialkaufhaus-melle", "Haidari", true), ("tafel-bramsche", "Bekele", false) };
        AGH.Api.Demo.DemoSeeder.DemoProviders.Select(p => (p.Id, p.ConfirmsLastMonth)).Should().Equal(expected.Select(e => (e.Item1, e.Item3)));
        foreach (var (providerId, family, confirmed) in expected)
        {
            var provider = await Provider(providerId);
            var offer = (await GetOk(provider, "/api/offers")).AsArray().Single()!;
            offer["providerId"]!.GetValue<string>().Should().Be(providerId);
            offer["accidentInsurer"]!.GetValue<string>().Should().NotBeNullOrEmpty();
            var placement = (await GetOk(provider, "/api/placements")).AsArray().Single()!;
            placement["person"]!["familyName"]!.GetValue<string>().Should().Be(family);

            var sheet = await GetOk(provider, $"/api/offers/{offer["id"]}/timesheets/{lastMonth}");
            (sheet["confirmed"] is not null).Should().Be(confirmed, $"{providerId} {(confirmed ? "confirmed" : "has not confirmed")} {lastMonth}");
            sheet["placements"]!.AsArray().Single()!["days"]!.AsArray().Should().HaveCountGreaterThan(4, "a month of hours");

            var hours = (await GetOk(await Auditor(), $"/api/placements/{placement["id"]}"))["hours"]!.AsArray()
                .Where(h => h!["date"]!.GetValue<string>().StartsWith(lastMonth.ToString())).ToList();
            hours.Select(h => h!["source"]!.GetValue<string>()).Distinct().Should().BeEquivalentTo(["provider", "office"], "partly typed in by the office");
            hours.Count(h => h!["source"]!.GetValue<string>() == "provider").Should().BeGreaterThan(hours.Count / 2);
        }

        var tafel = await Provider("tafel-bramsche");
        var report = (await GetOk(tafel, "/api/absence-reports?status=open")).AsArray().Single()!;
        report["kind"]!.GetValue<string>().Should().Be("no-show");
        (await GetOk(await Caseworker("bramsche", "demo-cw-bramsche"), "/api/absence-reports?status=open")).AsArray()
            .Should().Contain(r => r!["id"]!.GetValue<string>() == report["id"]!.GetValue<string>(), "the Bramsche office sees it to decide");

        var accident = (await GetOk(await Provider("sozialkaufhaus-melle"), "/api/accidents?status=open")).AsArray().Single()!;
        accident["on"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
        accident["reportDueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)), "three days from the day it was recorded (§ 193 Abs. 4 SGB VII)");
        (await GetOk(tafel, "/api/accidents?status=open")).AsArray().Should().BeEmpty();
    }

    /// <summary>
    /// Issue 20: after `make run` every role of Bad Iburg (the sign-in's preselected municipality) and payroll finds work on
    /// its task page: a refusal at each step, a proposal and two objections to decide, a restriction due for review, a run to
    /// review and one to release.
    /// </summary>
    [Fact]
    public async Task Every_role_finds_open_tasks_at_every_step()
    {
        async Task<List<(string Kind, string Label)>> TasksOf(HttpClient client) =>
            (await GetOk(client, "/api/tasks")).AsArray().Select(t => (t!["kind"]!.GetValue<string>(), t["label"]!.GetValue<string>())).ToList();

        var caseworker = await TasksOf(await As("caseworker", "bad-iburg", "demo-cw"));
        caseworker.Should().Contain(("refusal-to-assess", "Weigerung bewerten: Karimi, Ahmad (AZ-50-2026-0001)"));
        caseworker.Should().Contain(t => t.Kind == "hearing-due" && t.Label.Contains("Nazari"));
        caseworker.Should().Contain(t => t.Kind == "proposal-due" && t.Label.Contains("Sultani"));

        var official = await TasksOf(await As("official", "bad-iburg", "demo-official"));
        official.Should().Contain(t => t.Kind == "proposal-to-decide" && t.Label.Contains("Yousef"));
        official.Where(t => t.Kind == "objection-to-decide").Select(t => t.Label.Split(": ")[1].Split(',')[0])
            .Should().BeEquivalentTo(["Ahmadi", "Noori"], "the Widerspruch against a Heranziehung and the one against a restriction");
        official.Should().Contain(t => t.Kind == "review-due" && t.Label.Contains("Noori"));

        var lastMonth = AGH.Domain.Payouts.Month.Of(Today).Previous;
        var payroll = await TasksOf(await As("payroll", null, "demo-payroll"));
        payroll.Where(t => t.Kind.StartsWith("run-")).Select(t => t.Kind + " " + t.Label.Split(": ")[1])
            .Should().BeEquivalentTo([$"run-to-release {lastMonth.Previous.German}", $"run-to-review {lastMonth.German}"]);
        var runs = (await GetOk(await As("payroll", null, "demo-payroll"), "/api/payout-runs")).AsArray();
        runs.Should().OnlyContain(r => r!["totalCents"]!.GetValue<long>() > 0, "both months had hours");
    }
}
