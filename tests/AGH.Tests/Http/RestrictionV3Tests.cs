using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Common;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>A clock of its own: continuations are decided months after the approval.</summary>
public sealed class RestrictionV3Factory : AghFactory;

[CollectionDefinition(Name)]
public sealed class RestrictionV3Collection : ICollectionFixture<RestrictionV3Factory>
{
    public const string Name = "restrictions-v3";
}

/// <summary>
/// Contract v3a through the real host: sanction decisions on today's facts, promptly, once; restrictions that wait for
/// their notification; court orders and suspensions; continuation with a Fortsetzungsbescheid; the § 44 SGB X review.
/// </summary>
[Collection(RestrictionV3Collection.Name)]
public sealed class RestrictionV3Tests(RestrictionV3Factory factory) : HttpTest(factory)
{
    private sealed record Case(HttpClient Cw, Guid Person, Guid Placement, Guid Refusal, Guid Proposal, string Approver);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A refusal <paramref name="refusalDaysAgo"/> days ago, assessed without good cause, heard, proposed.</summary>
    private async Task<Case> Proposed(int refusalDaysAgo = 10, string municipality = "hagen")
    {
        var cw = await Caseworker(municipality, Unique("cw"));
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, municipality), personId: person,
            notice: Today.AddDays(-refusalDaysAgo - 10), startsOn: Today.AddDays(-refusalDaysAgo - 4));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-refusalDaysAgo)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing",
            new { heldOn = D(Today.AddDays(-refusalDaysAgo + 2)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        return new Case(cw, person, placement, refusal, proposal, Unique("off"));
    }

    private async Task<JsonNode> Approve(Case c, DateOnly? startsOn = null) =>
        await Ok(await Post(await As("official", "hagen", c.Approver), $"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(startsOn ?? Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));

    /// <summary>Approved and its Einschränkungsbescheid handed over today: in force.</summary>
    private async Task<Case> Restricted()
    {
        var c = await Proposed();
        await NotifyDecision(c.Person, await Approve(c));
        return c;
    }

    private Task<HttpClient> Official() => As("official", "hagen", Unique("off"));

    private async Task<JsonNode> Restriction(Case c) =>
        (await GetOk(await As("auditor", null, "aud-v3"), $"/api/sanction-proposals/{c.Proposal}"))["restriction"]!;

    private async Task<JsonNode?> PersonRestriction(Case c) => (await GetOk(await As("auditor", null, "aud-v3"), $"/api/persons/{c.Person}"))["restriction"];

    private static string S(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public async Task An_approval_is_decided_on_todays_facts_an_exemption_recorded_later_for_the_refusal_day_refuses_it()
    {
        var c = await Proposed();
        await Ok(await Post(c.Cw, $"/api/persons/{c.Person}/exemptions",
            new { reason = "illness", from = D(Today.AddDays(-11)), until = D(Today.AddDays(-9)) }), HttpStatusCode.Created);

        var problem = await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "sanction-preconditions");
        S(problem["detail"]).Should().Contain("no duty to work");
        // A rejection stays possible: the proceeding ends with a Mitteilung.
        var rejected = await Ok(await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/decision", new { approved = false, reasoning = "Attest" }));
        S(rejected["status"]).Should().Be("rejected");
        rejected["noticeId"].Should().NotBeNull();
    }

    [Fact]
    public async Task Hours_after_the_refusal_mean_the_duty_was_fulfilled_and_an_ended_entitlement_refuses_an_approval()
    {
        var worked = await Proposed();
        await Ok(await Post(worked.Cw, $"/api/placements/{worked.Placement}/hours", new { date = D(Today.AddDays(-1)), minutes = 60 }), HttpStatusCode.Created);
        S((await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{worked.Proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "sanction-preconditions"))["detail"]).Should().Contain("duty was fulfilled");

        var ended = await Proposed();
        await Ok(await Post(ended.Cw, $"/api/persons/{ended.Person}/entitlement-end", new { date = D(Today), reason = "Wegzug" }));
        S((await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{ended.Proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "sanction-preconditions"))["detail"]).Should().Contain("entitlement ended");
    }

    [Fact]
    public async Task An_approval_more_than_90_days_after_the_refusal_is_too_old()
    {
        var old = await Proposed(refusalDaysAgo: 91);
        await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{old.Proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "refusal-too-old");

        var timely = await Proposed(refusalDaysAgo: 90);
        S((await Approve(timely))["status"]).Should().Be("approved");
    }

    [Fact]
    public async Task A_rejected_refusal_cannot_be_proposed_again()
    {
        var c = await Proposed();
        await Ok(await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/decision", new { approved = false, reasoning = "nicht verhältnismäßig" }));

        await Rejected(() => Post(c.Cw, $"/api/placements/{c.Placement}/sanction-proposals", new { refusalId = c.Refusal, reasoning = "nochmal" }),
            409, "already-decided");
    }

    [Fact]
    public async Task The_decision_issues_its_notice_and_the_restriction_waits_for_its_notification()
    {
        var c = await Proposed();
        var decided = await Approve(c, Today.AddDays(1));

        var noticeId = IdOf(decided, "noticeId");
        noticeId.Should().Be(NoticeIssuing.IdFor(c.Proposal, NoticeKind.Einschraenkungsbescheid, 0));
        S(decided["restriction"]!["status"]).Should().Be("awaiting-notification");
        decided["restriction"]!["effectiveFrom"].Should().BeNull();
        decided["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeFalse();
        var period = decided["restriction"]!["periods"]!.AsArray().Single()!;
        (period["n"]!.GetValue<int>(), S(period["noticeId"]), S(period["status"])).Should().Be((1, noticeId.ToString(), "awaiting-notification"));
        (await PersonRestriction(c)).Should().BeNull("a restriction awaiting notification restricts nothing yet");
        var stream = await Factory.Stream(c.Person);
        stream.Select(e => e.Data).OfType<NoticeIssued>().Single(n => n.NoticeId == noticeId).Kind.Should().Be(NoticeKind.Einschraenkungsbescheid);
        stream.Select(e => e.Data).OfType<AGH.Domain.Sanctions.SanctionDecided>().Single().NoticeId.Should().Be(noticeId);
        // Another restriction of the person awaiting notification blocks a second approval.
        var second = await ProposeAgain(c);
        await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 409, "restriction-in-force");

        // Posted today: notified on the fourth day (or the next working day); it starts then, not on startsOn.
        await NoticeDispatching.DispatchAsync(Factory, c.Person, noticeId, DispatchMethod.Post, Today);
        var notified = NoticeCalendar.NotifiedOn(DispatchMethod.Post, Today);
        var restriction = await Restriction(c);
        S(restriction["status"]).Should().Be("in-force");
        S(restriction["effectiveFrom"]).Should().Be(D(notified > Today.AddDays(1) ? notified : Today.AddDays(1)));
        S(restriction["endsOn"]).Should().Be(D(Dates.EndOfMonthsPeriod(Today.AddDays(1), 6)), "a late notification shortens it, never moves it");
        S((await PersonRestriction(c))!["startsOn"]).Should().Be(D(Today.AddDays(1)));
    }

    /// <summary>A second refusal of the same person, assessed and heard, proposed.</summary>
    private async Task<Guid> ProposeAgain(Case c)
    {
        var refusal = IdOf(await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/refusals",
            new { date = D(Today.AddDays(-2)), kind = "no-show", statedReason = "" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "r" }));
        await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/refusals/{refusal}/hearing", new { heldOn = D(Today), statement = "keine Äußerung", form = "oral", heldInPerson = true }));
        return IdOf(await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }),
            HttpStatusCode.Created));
    }

    [Fact]
    public async Task A_court_order_suspends_the_restriction_which_then_owes_back_payment_and_blocks_a_new_approval()
    {
        var c = await Restricted();
        var official = await Official();
        var url = $"/api/sanction-proposals/{c.Proposal}/suspension";

        await Rejected(() => Post(official, url, new { kind = "court-order", decidedOn = D(Today), from = D(Today), note = "Beschluss" }), 400);
        await Rejected(() => Post(official, url, new { kind = "interim-order", court = "SG Osnabrück", decidedOn = D(Today), from = D(Today), note = "n" }), 400);
        await Rejected(() => Post(official, url, new { kind = "court-order", court = "SG Osnabrück", fileNumber = "S 44 AY 1/26 ER",
            decidedOn = D(Today), from = D(Today.AddDays(-1)), note = "vor Beginn" }), 422, "end-before-start");
        await Rejected(async () => await Post(await Caseworker("hagen"), url, new { kind = "authority", decidedOn = D(Today), from = D(Today), note = "n" }), 403);

        var suspended = await Ok(await Post(official, url, new { kind = "court-order", scope = "full", court = "SG Osnabrück",
            fileNumber = "S 44 AY 1/26 ER", decidedOn = D(Today), from = D(Today), note = "aufschiebende Wirkung angeordnet" }), HttpStatusCode.Created);
        S(suspended["restriction"]!["status"]).Should().Be("suspended");
        suspended["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        S(suspended["restriction"]!["suspension"]!["kind"]).Should().Be("court-order");
        (await PersonRestriction(c)).Should().BeNull("a suspended restriction restricts nothing");
        (await Factory.Stream(c.Person)).Last().Headers!["legalBasis"].ToString().Should().Be("§ 86b Abs. 1 S. 1 Nr. 2 SGG");
        await Rejected(() => Post(official, url, new { kind = "authority", decidedOn = D(Today), from = D(Today), note = "n" }), 409, "already-suspended");
        var second = await ProposeAgain(c);
        await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 409, "restriction-in-force");

        var reinstated = await Ok(await Post(official, $"{url}/end", new { outcome = "reinstated", on = D(Today), note = "Beschluss aufgehoben" }));
        S(reinstated["restriction"]!["status"]).Should().Be("in-force");
        S(reinstated["restriction"]!["endsOn"]).Should().Be(D(Dates.EndOfMonthsPeriod(Today, 6)), "reinstatement does not move endsOn");
        reinstated["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        await Rejected(() => Post(official, $"{url}/end", new { outcome = "withdrawn", on = D(Today), note = "n" }), 409, "not-suspended");
    }

    [Fact]
    public async Task A_suspension_that_ends_in_withdrawal_withdraws_the_restriction()
    {
        var c = await Restricted();
        var official = await Official();
        await Ok(await Post(official, $"/api/sanction-proposals/{c.Proposal}/suspension",
            new { kind = "authority", decidedOn = D(Today), from = D(Today), note = "Aussetzung" }), HttpStatusCode.Created);

        var withdrawn = await Ok(await Post(official, $"/api/sanction-proposals/{c.Proposal}/suspension/end",
            new { outcome = "withdrawn", on = D(Today), note = "aufgehoben" }));

        S(withdrawn["restriction"]!["status"]).Should().Be("withdrawn");
        withdrawn["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        (await PersonRestriction(c)).Should().BeNull();
    }

    [Fact]
    public async Task A_review_request_under_section_44_withdraws_with_back_payment_or_is_refused_with_its_notice()
    {
        var c = await Restricted();
        var url = $"/api/sanction-proposals/{c.Proposal}/review-request";
        await Rejected(() => Post(c.Cw, url, new { receivedOn = D(Today.AddDays(1)), statement = "s" }), 422, "date-in-future");
        await Rejected(async () => await Post(await Official(), $"{url}/decision", new { outcome = "withdrawn", reasoning = "r" }), 409, "no-pending-review-request");
        var filed = await Ok(await Post(c.Cw, url, new { receivedOn = D(Today), statement = "Ich war krank" }), HttpStatusCode.Created);
        S(filed["restriction"]!["reviewRequest"]!["receivedOn"]).Should().Be(D(Today));
        await Rejected(() => Post(c.Cw, url, new { receivedOn = D(Today), statement = "nochmal" }), 409, "review-request-exists");

        await Rejected(async () => await Post(await As("official", "hagen", c.Approver), $"{url}/decision",
            new { outcome = "withdrawn", reasoning = "r" }), 403, "four-eyes");
        await Rejected(() => Post(c.Cw, $"{url}/decision", new { outcome = "withdrawn", reasoning = "r" }), 403);
        var decided = await Ok(await Post(await Official(), $"{url}/decision", new { outcome = "withdrawn", reasoning = "Attest lag vor" }));

        var noticeId = IdOf(decided, "noticeId");
        noticeId.Should().Be(NoticeIssuing.IdFor(c.Proposal, NoticeKind.Aufhebungsbescheid, 0));
        var restriction = decided["restriction"]!;
        S(restriction["status"]).Should().Be("withdrawn");
        restriction["backPaymentDue"]!.GetValue<bool>().Should().BeTrue();
        // Effective from today, later than 1 January of the year before the request: paid back from then.
        S(restriction["backPaymentFrom"]).Should().Be(D(Today));
        (await Factory.Stream(c.Person)).Last().Headers!["legalBasis"].ToString().Should().Be("§ 44 SGB X i. V. m. § 9 Abs. 4 AsylbLG");
        (await PersonRestriction(c)).Should().BeNull();

        var refusedCase = await Restricted();
        await Ok(await Post(refusedCase.Cw, $"/api/sanction-proposals/{refusedCase.Proposal}/review-request",
            new { receivedOn = D(Today), statement = "Bitte prüfen" }), HttpStatusCode.Created);
        var refused = await Ok(await Post(await Official(), $"/api/sanction-proposals/{refusedCase.Proposal}/review-request/decision",
            new { outcome = "refused", reasoning = "rechtmäßig" }));
        IdOf(refused, "noticeId").Should().Be(NoticeIssuing.IdFor(refusedCase.Proposal, NoticeKind.Ablehnung, 0));
        S(refused["restriction"]!["status"]).Should().Be("in-force");
        refused["restriction"]!["backPaymentDue"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task A_continuation_is_decided_in_the_window_after_a_hearing_there_and_runs_once_its_notice_is_notified()
    {
        var c = await Restricted();
        var review = $"/api/sanction-proposals/{c.Proposal}/review";
        var endsOn = Dates.EndOfMonthsPeriod(Today, 6);
        await Rejected(async () => await Post(await Official(), review, new { continueRestriction = true, reasoning = "zu früh", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }),
            422, "review-too-early");

        // 45 days before endsOn the window opens (endsOn − 44 to endsOn).
        Factory.AdvanceTo(endsOn.AddDays(-44));
        var hearingBefore = Today.AddDays(-1);
        await Rejected(async () => await Post(await Official(), review, new { continueRestriction = true, reasoning = "r", hearingHeldOn = D(hearingBefore), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }),
            422, "hearing-required");
        var continued = await Ok(await Post(await Official(), review, new { continueRestriction = true, reasoning = "Pflichtverletzung dauert an", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));

        var noticeId = IdOf(continued, "noticeId");
        noticeId.Should().Be(NoticeIssuing.IdFor(c.Proposal, NoticeKind.Fortsetzungsbescheid, 0));
        var periods = continued["restriction"]!["periods"]!.AsArray();
        periods.Select(p => p!["status"]!.GetValue<string>()).Should().Equal("in-force", "awaiting-notification");
        S(continued["restriction"]!["endsOn"]).Should().Be(D(endsOn), "the continued period has not begun");

        // Notified after the first period ended: the person's restriction is null in between, and period 2 starts on notification.
        Factory.Time.Advance(TimeSpan.FromDays(46));
        S((await Restriction(c))["status"]).Should().Be("awaiting-notification");
        (await PersonRestriction(c)).Should().BeNull();
        await NoticeDispatching.DispatchAsync(Factory, c.Person, noticeId, DispatchMethod.HandedOver, Today);
        var restriction = await Restriction(c);
        S(restriction["status"]).Should().Be("in-force");
        var second = restriction["periods"]!.AsArray()[1]!;
        (second["n"]!.GetValue<int>(), S(second["startsOn"]), S(second["endsOn"]), S(second["status"]))
            .Should().Be((2, D(Today), D(Dates.EndOfMonthsPeriod(Today, 6)), "in-force"));
        S(restriction["endsOn"]).Should().Be(D(Dates.EndOfMonthsPeriod(Today, 6)));
    }
}
