using System.Net;
using System.Text.Json.Nodes;
using AGH.Projections;

namespace AGH.Tests.Http;

/// <summary>Contract v3d "Open work": GET /api/tasks per role, and a person's openTasks. Each test reads only its own persons.</summary>
[Collection(HttpCollection.Name)]
public sealed class TaskTests(AghFactory factory) : HttpTest(factory)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static async Task<List<JsonNode>> Tasks(HttpClient client, params Guid[] persons)
    {
        var response = await client.GetAsync("/api/tasks");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ids = persons.Select(p => p.ToString()).ToHashSet();
        return (await Json(response)).AsArray().Select(t => t!).Where(t => t["personId"] is { } p && ids.Contains(p.GetValue<string>())).ToList();
    }

    private static List<string> Kinds(IEnumerable<JsonNode> tasks) => tasks.Select(t => t["kind"]!.GetValue<string>()).ToList();

    private DateOnly LastWeekMonday => HourRows.MondayOf(Today).AddDays(-7);

    [Fact]
    public async Task A_refusal_leads_from_assessment_to_hearing_to_proposal_to_the_officials_decision_each_task_closing_with_its_step()
    {
        var cw = await Caseworker("glandorf", Unique("cw-tasks"));
        var official = await As("official", "glandorf", Unique("off-tasks"));
        var person = await NewPerson(cw, "glandorf");
        var placement = await NewPlacement(cw, await NewOffer(cw, "glandorf"), person, notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        // Hours on every workday of last week: no hours-missing task disturbs this flow.
        for (var d = 0; d < 5; d++)
            await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(LastWeekMonday.AddDays(d)), minutes = 30 }), HttpStatusCode.Created);
        (await Tasks(cw, person)).Should().BeEmpty();

        var refusalDay = Today.AddDays(-20);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(refusalDay), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var task = (await Tasks(cw, person)).Should().ContainSingle().Subject;
        task["kind"]!.GetValue<string>().Should().Be("refusal-to-assess");
        task["since"]!.GetValue<string>().Should().Be(D(refusalDay));
        task["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
        task["refusalId"]!.GetValue<string>().Should().Be(refusal.ToString());
        task["label"]!.GetValue<string>().Should().StartWith("Weigerung bewerten: Yusuf, Amina (AZ-50-");
        (await GetOk(cw, $"/api/persons/{person}"))["openTasks"]!.GetValue<int>().Should().Be(1);
        (await Tasks(official, person)).Should().BeEmpty("assessing is the caseworker's work");

        var url = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{url}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        Kinds(await Tasks(cw, person)).Should().Equal("hearing-due");

        var heardOn = Today.AddDays(-15);
        await Ok(await Post(cw, $"{url}/hearing", new { heldOn = D(heardOn), statement = "keine Äußerung" }));
        var due = (await Tasks(cw, person)).Should().ContainSingle().Subject;
        due["kind"]!.GetValue<string>().Should().Be("proposal-due");
        due["since"]!.GetValue<string>().Should().Be(D(heardOn));

        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        (await Tasks(cw, person)).Should().BeEmpty();
        (await GetOk(cw, $"/api/persons/{person}"))["openTasks"]!.GetValue<int>().Should().Be(0);
        var decide = (await Tasks(official, person)).Should().ContainSingle().Subject;
        decide["kind"]!.GetValue<string>().Should().Be("proposal-to-decide");
        decide["proposalId"]!.GetValue<string>().Should().Be(proposal.ToString());
        decide["label"]!.GetValue<string>().Should().StartWith("Vorschlag zur Anspruchseinschränkung entscheiden: Yusuf, Amina");
        (await GetOk(official, $"/api/persons/{person}"))["openTasks"]!.GetValue<int>().Should().Be(1);
        Kinds(await Tasks(await As("official", null, Unique("off-district")), person)).Should().Equal("proposal-to-decide");

        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = false, reasoning = "Härte" }));
        Kinds(await Tasks(official, person)).Should().Equal(["notice-to-dispatch"], "the decision closes the task and its notice waits for dispatch");
    }

    [Fact]
    public async Task Starts_notices_exemptions_and_missing_hours_are_listed_oldest_first_and_close_when_done()
    {
        var cw = await Caseworker("glandorf", Unique("cw-tasks"));
        var offer = await NewOffer(cw, "glandorf");

        // Starting in three days, its notice issued today and not dispatched; the assignment's until lies three months on.
        var starting = await NewPerson(cw, "glandorf");
        var upcoming = await NewIssuedPlacement(cw, offer, starting, startsOn: Today.AddDays(3));
        var startingTasks = await Tasks(cw, starting);
        Kinds(startingTasks).Should().BeEquivalentTo("placement-starting", "notice-to-dispatch");
        var start = startingTasks.Single(t => t["kind"]!.GetValue<string>() == "placement-starting");
        start["dueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)));
        start["placementId"]!.GetValue<string>().Should().Be(upcoming.ToString());
        var notice = startingTasks.Single(t => t["kind"]!.GetValue<string>() == "notice-to-dispatch");
        var noticeId = notice["noticeId"]!.GetValue<string>();
        (await Ok(await Post(cw, $"/api/notices/{noticeId}/dispatch", new { method = "post", on = D(Today) }))).Should().NotBeNull();
        Kinds(await Tasks(cw, starting)).Should().Equal("placement-starting");

        // A placement that covered last week without any entry.
        var working = await NewPerson(cw, "glandorf");
        var active = await NewPlacement(cw, offer, working, notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        var missing = (await Tasks(cw, working)).Should().ContainSingle().Subject;
        missing["kind"]!.GetValue<string>().Should().Be("hours-missing");
        missing["since"]!.GetValue<string>().Should().Be(D(LastWeekMonday.AddDays(7)));
        missing["placementId"]!.GetValue<string>().Should().Be(active.ToString());

        // An exemption ending in ten days: within 14.
        var exempt = await NewPerson(cw, "glandorf");
        await Ok(await Post(cw, $"/api/persons/{exempt}/exemptions",
            new { reason = "childcare", from = D(Today.AddDays(-5)), until = D(Today.AddDays(10)), note = "Kita-Platz fehlt" }), HttpStatusCode.Created);
        var ending = (await Tasks(cw, exempt)).Should().ContainSingle().Subject;
        ending["kind"]!.GetValue<string>().Should().Be("exemption-ending");
        ending["dueOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(10)));

        // Oldest first across persons: since never decreases.
        var all = await Tasks(cw, starting, working, exempt);
        all.Should().HaveCount(3);
        all.Select(t => DateOnly.Parse(t["since"]!.GetValue<string>())).Should().BeInAscendingOrder();

        // Done: hours logged for last week.
        await Ok(await Post(cw, $"/api/placements/{active}/hours", new { date = D(LastWeekMonday.AddDays(1)), minutes = 60 }), HttpStatusCode.Created);
        (await Tasks(cw, working)).Should().BeEmpty();

        // Another municipality's caseworker and official see none of them; roles without a task list are refused.
        (await Tasks(await Caseworker("hilter", Unique("cw-hilter")), starting, working, exempt)).Should().BeEmpty();
        (await Tasks(await As("official", "hilter", Unique("off-hilter")), starting, working, exempt)).Should().BeEmpty();
        (await Tasks(await As("payroll", null, Unique("pay")), starting, working, exempt)).Should().BeEmpty("payroll works on runs only");
        await ShouldBeProblem(await (await As("coordinator")).GetAsync("/api/tasks"), 403);
        await ShouldBeProblem(await (await As("auditor")).GetAsync("/api/tasks"), 403);
        await ShouldBeProblem(await (await Provider("traeger-" + Unique("p"))).GetAsync("/api/tasks"), 403);
    }

    [Fact]
    public async Task A_placement_ending_within_seven_days_is_due_on_its_until()
    {
        var cw = await Caseworker("glandorf", Unique("cw-tasks"));
        var person = await NewPerson(cw, "glandorf");
        var until = Today.AddDays(5);
        var offer = await NewOffer(cw, "glandorf");
        var body = new
        {
            personId = person, offerId = offer, startsOn = D(Today), hoursPerWeek = 15, schedule = AssignmentFields.Schedule(15),
            until = D(until), reasoning = AssignmentFields.Reasoning, informationLanguage = "ar",
        };
        var placement = IdOf(await Ok(await Post(cw, "/api/placements", body), HttpStatusCode.Created));
        var tasks = await Tasks(cw, person);
        var ending = tasks.Single(t => t["kind"]!.GetValue<string>() == "placement-ending");
        ending["dueOn"]!.GetValue<string>().Should().Be(D(until));
        ending["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
        ending["label"]!.GetValue<string>().Should().StartWith("Einsatz endet: Yusuf, Amina");

        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "moved-away", note = "Umzug" }));
        Kinds(await Tasks(cw, person)).Should().NotContain("placement-ending").And.NotContain("hours-missing");
    }

    [Fact]
    public async Task An_objection_and_a_restriction_whose_duty_lapsed_are_the_officials_tasks_until_decided()
    {
        var cw = await Caseworker("hagen", Unique("cw-tasks"));
        var official = await As("official", "hagen", Unique("off-tasks"));
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hagen"), person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var url = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{url}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{url}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        var approved = await Ok(await Post(await As("official", "hagen", Unique("approver")), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        Kinds(await Tasks(official, person)).Should().Equal(["notice-to-dispatch"], "the approval's notice waits for dispatch");
        await NotifyDecision(person, approved);
        (await Tasks(official, person)).Should().BeEmpty("the notice is notified and nothing else is open");

        // A Widerspruch against the restriction: the official's until decided, never the caseworker's.
        var receivedOn = Today;
        await Ok(await Post(cw, $"/api/sanction-proposals/{proposal}/objection", new { receivedOn = D(receivedOn), statement = "Ich war krank." }), HttpStatusCode.Created);
        var objection = (await Tasks(official, person)).Should().ContainSingle().Subject;
        objection["kind"]!.GetValue<string>().Should().Be("objection-to-decide");
        objection["since"]!.GetValue<string>().Should().Be(D(receivedOn));
        objection["proposalId"]!.GetValue<string>().Should().Be(proposal.ToString());
        objection["label"]!.GetValue<string>().Should().Contain("Yusuf, Amina");
        Kinds(await Tasks(cw, person)).Should().NotContain("objection-to-decide");
        (await Tasks(await As("official", "melle", Unique("off-melle")), person)).Should().BeEmpty("another municipality's official");
        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/objection/decision", new { upheld = false, reasoning = "Kein wichtiger Grund" }));
        Kinds(await Tasks(official, person)).Should().NotContain("objection-to-decide");

        // Regular work ends the duty: the restriction is due for review at once, and ending it closes the task.
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "regular-employment" }));
        var review = (await Tasks(official, person)).Where(t => t["kind"]!.GetValue<string>() == "review-due").Should().ContainSingle().Subject;
        review["proposalId"]!.GetValue<string>().Should().Be(proposal.ToString());
        review["dueOn"].Should().NotBeNull("a review is due by a day");
        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/restriction/end", new { date = D(Today), reason = "duty-lapsed", reasoning = "Arbeit aufgenommen" }));
        Kinds(await Tasks(official, person)).Should().NotContain("review-due");
    }
}
