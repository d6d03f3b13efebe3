using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>Contract v3a "Hearing (§ 28 VwVfG) as a procedure": the invitation with its deadline, the proposal's wait, the reassessment.</summary>
[Collection(HttpCollection.Name)]
public sealed class HearingRouteTests(AghFactory factory) : HttpTest(factory)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private sealed record Refused(HttpClient Cw, Guid Person, Guid Placement, Guid Refusal, DateOnly Day)
    {
        public string Url => $"/api/placements/{Placement}/refusals/{Refusal}";
    }

    /// <summary>A refusal <paramref name="daysAgo"/> days ago on a placement whose notice was served before it, assessed without good cause.</summary>
    private async Task<Refused> AssessedRefusal(int daysAgo = 10, bool assess = true)
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-daysAgo - 10), startsOn: Today.AddDays(-daysAgo - 4));
        var day = Today.AddDays(-daysAgo);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(day), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var refused = new Refused(cw, person, placement, refusal, day);
        if (assess) await Ok(await Post(cw, $"{refused.Url}/assessment", new { goodCause = false, reasoning = "kein Grund vorgetragen" }));
        return refused;
    }

    private static object Invitation(DateOnly invitedOn, DateOnly deadline, string? delivery = null, string language = "ar", string form = "written") =>
        delivery is null
            ? new { invitedOn = D(invitedOn), form, deadline = D(deadline), language, interpreter = true }
            : new { invitedOn = D(invitedOn), form, deadline = D(deadline), language, interpreter = false, delivery };

    private static Task<HttpResponseMessage> Propose(Refused r) =>
        Post(r.Cw, $"/api/placements/{r.Placement}/sanction-proposals", new { refusalId = r.Refusal, reasoning = "Weigerung ohne wichtigen Grund" });

    private static async Task<List<string>> Summaries(HttpClient client, Guid person) =>
        (await GetOk(client, $"/api/persons/{person}/history"))["entries"]!.AsArray().Select(e => e!["summary"]!.GetValue<string>()).ToList();

    private static JsonNode RefusalIn(JsonNode placement, Guid refusal) =>
        placement["refusals"]!.AsArray().Single(x => x!["refusalId"]!.GetValue<string>() == refusal.ToString())!;

    [Fact]
    public async Task A_posted_invitation_needs_fourteen_days_from_its_presumed_receipt_and_the_refusal_shows_it()
    {
        var r = await AssessedRefusal();
        var invitedOn = Today.AddDays(-1);
        var earliest = NoticeCalendar.EarliestHearingDeadline(invitedOn, posted: true);
        var url = $"{r.Url}/hearing-invitation";

        await Rejected(() => Post(r.Cw, url, Invitation(invitedOn, earliest, language: "xx")), 400);
        await Rejected(() => Post(r.Cw, url, new { invitedOn = D(invitedOn), form = "written", deadline = D(earliest) }), 400);
        await Rejected(() => Post(r.Cw, url, Invitation(invitedOn, earliest, delivery: "pzu")), 400);
        await Rejected(() => Post(r.Cw, url, Invitation(invitedOn, earliest.AddDays(-1))), 422, "deadline-too-short");
        await Rejected(() => Post(r.Cw, url, Invitation(Today.AddDays(1), earliest.AddDays(5))), 422, "date-in-future");
        await Rejected(() => Post(r.Cw, url, Invitation(r.Day.AddDays(-1), earliest)), 422, "invitation-before-refusal");
        await Rejected(() => Post(r.Cw, $"/api/placements/{r.Placement}/refusals/{Guid.NewGuid()}/hearing-invitation", Invitation(invitedOn, earliest)), 404);

        using var created = await Post(r.Cw, url, Invitation(invitedOn, earliest));
        var placement = await Ok(created, HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/placements/{r.Placement}");
        RefusalIn(placement, r.Refusal)["hearingInvitation"]!.ToJsonString().Should().Be(
            $$"""{"invitedOn":"{{D(invitedOn)}}","form":"written","deadline":"{{D(earliest)}}","language":"ar","interpreter":true,"delivery":"post"}""");
        RefusalIn(await GetOk(r.Cw, $"/api/placements/{r.Placement}"), r.Refusal)["hearingInvitation"]!["delivery"]!.GetValue<string>().Should().Be("post");
        await Rejected(() => Post(r.Cw, url, Invitation(invitedOn, earliest.AddDays(3))), 409, "already-invited");

        var stored = (await Factory.Stream(r.Person)).Last();
        stored.Headers!["legalBasis"].ToString().Should().Be("§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG");
        (await Summaries(r.Cw, r.Person)).Should().Contain(
            $"Zur Anhörung nach § 28 VwVfG eingeladen am {invitedOn:dd.MM.yyyy} (schriftlich, mit der Post), Frist bis {earliest:dd.MM.yyyy}");
    }

    [Fact]
    public async Task A_handed_over_invitation_counts_from_its_day_and_an_official_may_invite()
    {
        var r = await AssessedRefusal();
        var url = $"{r.Url}/hearing-invitation";
        var official = await As("official", "bad-iburg", Unique("off"));
        await Rejected(() => Post(official, url, Invitation(Today, Today.AddDays(13), delivery: "handed-over", form: "oral")), 422, "deadline-too-short");
        var placement = await Ok(await Post(official, url, Invitation(Today, Today.AddDays(14), delivery: "handed-over", language: "uk", form: "oral")), HttpStatusCode.Created);
        RefusalIn(placement, r.Refusal)["hearingInvitation"]!["form"]!.GetValue<string>().Should().Be("oral");
        await Rejected(async () => await Post(await As("auditor", null, "aud"), url, Invitation(Today, Today.AddDays(20))), 403);
    }

    [Fact]
    public async Task While_the_deadline_runs_nothing_is_proposed_unless_the_hearing_was_held()
    {
        var r = await AssessedRefusal();
        await Ok(await Post(r.Cw, $"{r.Url}/hearing-invitation", Invitation(Today, Today.AddDays(14), delivery: "handed-over")), HttpStatusCode.Created);
        await Rejected(() => Propose(r), 422, "hearing-deadline-running");

        // A hearing held satisfies the precondition even while the deadline runs.
        await Ok(await Post(r.Cw, $"{r.Url}/hearing", new { heldOn = D(Today), statement = "Die Person hat sich geäußert", form = "oral", heldInPerson = true }));
        await Ok(await Propose(r), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_invitation_whose_deadline_has_passed_without_a_hearing_lets_the_proposal_through()
    {
        var r = await AssessedRefusal(daysAgo: 40);
        var invitedOn = r.Day.AddDays(1);
        await Ok(await Post(r.Cw, $"{r.Url}/hearing-invitation", Invitation(invitedOn, Today.AddDays(-1))), HttpStatusCode.Created);
        var proposal = IdOf(await Ok(await Propose(r), HttpStatusCode.Created));
        (await GetOk(r.Cw, $"/api/sanction-proposals/{proposal}"))["status"]!.GetValue<string>().Should().Be("pending");

        // Deadline today: still running.
        var running = await AssessedRefusal(daysAgo: 40);
        await Ok(await Post(running.Cw, $"{running.Url}/hearing-invitation", Invitation(running.Day.AddDays(1), Today)), HttpStatusCode.Created);
        await Rejected(() => Propose(running), 422, "hearing-deadline-running");

        // Neither heard nor invited: the v1 precondition, unchanged.
        var unheard = await AssessedRefusal();
        await Rejected(() => Propose(unheard), 422, "sanction-preconditions");
    }

    [Fact]
    public async Task A_reassessment_follows_the_hearing_replaces_the_assessment_and_ends_with_an_approval()
    {
        var unassessed = await AssessedRefusal(assess: false);
        await Ok(await Post(unassessed.Cw, $"{unassessed.Url}/hearing", new { heldOn = D(Today), statement = "keine Äußerung", form = "oral", heldInPerson = true }));
        await Rejected(() => Post(unassessed.Cw, $"{unassessed.Url}/reassessment", new { goodCause = true, reason = "illness", reasoning = "Attest" }), 409, "not-assessed");

        var r = await AssessedRefusal();
        var url = $"{r.Url}/reassessment";
        await Rejected(() => Post(r.Cw, url, new { goodCause = true, reasoning = "ohne Grundangabe" }), 400);
        await Rejected(() => Post(r.Cw, url, new { goodCause = true, reason = "illness", reasoning = "Attest" }), 422, "hearing-required");
        await Ok(await Post(r.Cw, $"{r.Url}/hearing-invitation", Invitation(Today, Today.AddDays(20), delivery: "handed-over")), HttpStatusCode.Created);

        var reassessed = RefusalIn(await Ok(await Post(r.Cw, url, new { goodCause = true, reason = "illness", reasoning = "In der Anhörung Attest vorgelegt" })), r.Refusal);
        var assessment = reassessed["assessment"]!;
        (assessment["goodCause"]!.GetValue<bool>(), assessment["reason"]!.GetValue<string>(), assessment["reasoning"]!.GetValue<string>(), assessment["reassessed"]!.GetValue<bool>())
            .Should().Be((true, "illness", "In der Anhörung Attest vorgelegt", true));
        (await Summaries(r.Cw, r.Person)).Should().Contain("Nach Anhörung neu bewertet: wichtiger Grund anerkannt (Krankheit): In der Anhörung Attest vorgelegt");
        await Ok(await Post(r.Cw, $"{r.Url}/hearing", new { heldOn = D(Today), statement = "Attest", form = "oral", heldInPerson = true }));
        // The current assessment is what a proposal (and, on approval, the re-check) reads.
        var refused = await Rejected(() => Propose(r), 422, "sanction-preconditions");
        refused["detail"]!.GetValue<string>().Should().Contain("a good cause was recognised");

        // Reassessed back without good cause, proposed and approved: then it is decided.
        var official = await As("official", "bad-iburg", Unique("off"));
        await Ok(await Post(official, url, new { goodCause = false, reasoning = "Attest betrifft einen anderen Zeitraum" }));
        var proposal = IdOf(await Ok(await Propose(r), HttpStatusCode.Created));
        var decided = await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = true, reasoning = "§ 1a", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        if (decided["noticeId"] is { } notice)
            await NoticeDispatching.DispatchAsync(Factory, r.Person, Guid.Parse(notice.GetValue<string>()), DispatchMethod.HandedOver, Today);
        await Rejected(() => Post(r.Cw, url, new { goodCause = true, reason = "illness", reasoning = "zu spät" }), 409, "already-decided");
    }
}
