using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;

namespace AGH.Tests.Http;

/// <summary>A clock of its own: the § 14 Abs. 2 review happens months after the decision.</summary>
public sealed class RemedyFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class RemedyCollection : ICollectionFixture<RemedyFactory>
{
    public const string Name = "remedies";
}

/// <summary>Sanctions and remedies through the real host (contract v2 "Sanctions and remedies").</summary>
[Collection(RemedyCollection.Name)]
public sealed class RemedyTests(RemedyFactory factory) : HttpTest(factory)
{
    private sealed record Case(HttpClient Cw, Guid Person, Guid Placement, Guid Refusal, Guid Proposal, string Approver);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A refusal ten days ago, assessed without good cause, heard, proposed; approved from today when asked.</summary>
    private async Task<Case> Proposed(string municipality = "bad-iburg")
    {
        var cw = await Caseworker(municipality, Unique("cw"));
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, municipality), personId: person,
            notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        return new Case(cw, person, placement, refusal, proposal, Unique("off"));
    }

    private async Task<Case> Restricted(string municipality = "bad-iburg", DateOnly? startsOn = null)
    {
        var c = await Proposed(municipality);
        var decided = await Ok(await Post(await As("official", municipality, c.Approver), $"/api/sanction-proposals/{c.Proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(startsOn ?? Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        // Contract v3a: in force once its notice is notified; handed over on the decision day.
        await NotifyDecision(c.Person, decided);
        return c;
    }

    private Task<HttpClient> Official(string municipality = "bad-iburg") => As("official", municipality, Unique("off"));

    // A fresh token each time: tests move the clock past the lifetime of earlier ones.
    private async Task<JsonNode> Proposal(Case c) => await GetOk(await As("auditor", null, "aud-1"), $"/api/sanction-proposals/{c.Proposal}");

    private async Task<JsonNode?> PersonRestriction(Case c) => (await GetOk(await As("auditor", null, "aud-1"), $"/api/persons/{c.Person}"))["restriction"];

    [Fact]
    public async Task A_refusal_on_an_exempt_day_cannot_be_sanctioned()
    {
        var cw = await Caseworker("bad-iburg", Unique("cw"));
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var url = $"/api/placements/{placement}/refusals";
        var onExemptDay = IdOf(await Ok(await Post(cw, url, new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "krank" }), HttpStatusCode.Created), "refusalId");
        var later = IdOf(await Ok(await Post(cw, url, new { date = D(Today.AddDays(-8)), kind = "no-show", statedReason = "" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"{url}/{later}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{url}/{later}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine Äußerung" }));
        // A certificate arrives later: illness on both days.
        await Ok(await Post(cw, $"/api/persons/{person}/exemptions", new { reason = "illness", from = D(Today.AddDays(-10)), until = D(Today.AddDays(-8)) }),
            HttpStatusCode.Created);

        await Rejected(() => Post(cw, $"{url}/{onExemptDay}/assessment", new { goodCause = false, reasoning = "doch kein Grund" }), 422, "not-obliged-on-refusal-date");
        await Ok(await Post(cw, $"{url}/{onExemptDay}/assessment", new { goodCause = true, reason = "illness", reasoning = "Attest" }));
        var problem = await Rejected(() => Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = later, reasoning = "r" }),
            422, "sanction-preconditions");
        problem["detail"]!.GetValue<string>().Should().Contain("no duty to work");
    }

    [Fact]
    public async Task A_refusal_after_the_statutory_retirement_age_cannot_be_sanctioned()
    {
        var cw = await Caseworker("bad-iburg", Unique("cw"));
        // Born 1960: 66 years and 4 months. Reached three days ago; placed a week before that.
        var born = RetirementAgeBirthday(Today.AddDays(-3));
        var person = IdOf(await Ok(await Post(cw, "/api/persons", PersonBody(dateOfBirth: born)), HttpStatusCode.Created));
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-12), startsOn: Today.AddDays(-10));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today.AddDays(-1)), kind = "no-show", statedReason = "" }),
            HttpStatusCode.Created), "refusalId");

        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "r" }),
            422, "not-obliged-on-refusal-date");
    }

    /// <summary>A 1960 birthday whose retirement age (66 years 4 months) is reached on <paramref name="reachedOn"/>.</summary>
    private static DateOnly RetirementAgeBirthday(DateOnly reachedOn)
    {
        for (var d = new DateOnly(1960, 1, 1); d.Year == 1960; d = d.AddDays(1))
            if (RetirementAge.ReachedOn(d) == reachedOn) return d;
        throw new InvalidOperationException("no 1960 birthday reaches the retirement age on " + reachedOn);
    }

    [Fact]
    public async Task A_restriction_never_starts_before_the_day_it_is_decided_and_never_overlaps_another()
    {
        var first = await Restricted();
        var official = await Official();
        var second = await ProposeAgain(first);

        await Rejected(() => Post(official, $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today.AddDays(-1)), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "starts-on-in-past");
        // Contract v3a: restriction-in-force replaces restriction-overlaps, also for a start after the running one ends.
        await Rejected(() => Post(official, $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today.AddDays(30)), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 409, "restriction-in-force");
        var endsOn = DateOnly.Parse((await Proposal(first))["restriction"]!["endsOn"]!.GetValue<string>());
        await Rejected(() => Post(official, $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(endsOn.AddDays(1)), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 409, "restriction-in-force");
        (await PersonRestriction(first))!["startsOn"]!.GetValue<string>().Should().Be(D(Today), "the running restriction is the one shown");
        await Ok(await Post(official, $"/api/sanction-proposals/{first.Proposal}/restriction/end",
            new { date = D(Today), reason = "other", reasoning = "beendet" }));
        var decided = await Ok(await Post(official, $"/api/sanction-proposals/{second}/decision",
            new { approved = true, reasoning = "r", startsOn = D(endsOn.AddDays(1)), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        decided["restriction"]!["status"]!.GetValue<string>().Should().Be("awaiting-notification");
        await NotifyDecision(first.Person, decided);
        (await GetOk(await As("auditor", null, "aud-1"), $"/api/sanction-proposals/{second}"))["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        (await PersonRestriction(first))!["startsOn"]!.GetValue<string>().Should().Be(D(endsOn.AddDays(1)), "the first ended early: the new one is shown");
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
    public async Task An_objection_has_no_suspensive_effect_and_an_upheld_one_withdraws_the_restriction_from_its_start()
    {
        var c = await Restricted();
        var url = $"/api/sanction-proposals/{c.Proposal}/objection";

        await Rejected(() => Post(c.Cw, url, new { receivedOn = D(Today.AddDays(1)), statement = "s" }), 422, "date-in-future");
        await Rejected(async () => await Post(await As("payroll", null, "pay-1"), url, new { receivedOn = D(Today), statement = "s" }), 403);
        await Rejected(async () => await Post(await Caseworker("melle", Unique("cw")), url, new { receivedOn = D(Today), statement = "s" }), 404);
        var filed = await Ok(await Post(c.Cw, url, new { receivedOn = D(Today), statement = "Ich war an dem Tag krank." }), HttpStatusCode.Created);
        filed["objection"]!["status"]!.GetValue<string>().Should().Be("pending");
        filed["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force", "an objection does not suspend it (§ 11 Abs. 4 AsylbLG)");
        (await PersonRestriction(c)).Should().NotBeNull();
        await Rejected(() => Post(c.Cw, url, new { receivedOn = D(Today), statement = "noch einmal" }), 409, "objection-exists");

        await Rejected(async () => await Post(await As("official", "bad-iburg", c.Approver), $"{url}/decision", new { upheld = true, reasoning = "r" }),
            403, "four-eyes");
        await Rejected(() => Post(c.Cw, $"{url}/decision", new { upheld = true, reasoning = "r" }), 403);
        var second = await Official();
        var decided = await Ok(await Post(second, $"{url}/decision", new { upheld = true, reasoning = "Attest lag doch vor" }));
        decided["objection"]!["status"]!.GetValue<string>().Should().Be("upheld");
        decided["objection"]!["decidedBy"]!.GetValue<string>().Should().NotBe(c.Approver);
        decided["restriction"]!["status"]!.GetValue<string>().Should().Be("withdrawn");
        (await Proposal(c))["restriction"]!["status"]!.GetValue<string>().Should().Be("withdrawn");
        (await PersonRestriction(c)).Should().BeNull();
        await Rejected(() => Post(second, $"{url}/decision", new { upheld = false, reasoning = "r" }), 409, "already-decided");

        var events = await Factory.Stream(c.Person);
        events.Single(e => e.Data.GetType().Name == "ObjectionFiled").Headers!["legalBasis"].ToString().Should().Contain("§ 11 Abs. 4 AsylbLG");
        events.Single(e => e.Data.GetType().Name == "ObjectionDecided").Headers!["legalBasis"].ToString().Should().Contain("§ 85 Abs. 1 SGG");
    }

    [Fact]
    public async Task A_dismissed_objection_leaves_the_restriction_in_force_and_only_an_approval_can_be_objected_to()
    {
        var pending = await Proposed();
        await Rejected(() => Post(pending.Cw, $"/api/sanction-proposals/{pending.Proposal}/objection", new { receivedOn = D(Today), statement = "s" }),
            422, "not-approved");
        await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{pending.Proposal}/objection/decision",
            new { upheld = true, reasoning = "r" }), 409, "no-objection");

        var c = await Restricted();
        await Ok(await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/objection", new { receivedOn = D(Today), statement = "s" }),
            HttpStatusCode.Created);
        var decided = await Ok(await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/objection/decision",
            new { upheld = false, reasoning = "Kein wichtiger Grund" }));
        decided["objection"]!["status"]!.GetValue<string>().Should().Be("dismissed");
        decided["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        (await PersonRestriction(c))!["status"]!.GetValue<string>().Should().Be("in-force");
    }

    [Fact]
    public async Task A_restriction_ends_early_when_the_person_fulfils_the_duty_again()
    {
        var c = await Restricted(startsOn: Today);
        var url = $"/api/sanction-proposals/{c.Proposal}/restriction/end";
        var official = await Official();

        await Rejected(() => Post(c.Cw, url, new { date = D(Today), reason = "duty-fulfilled", reasoning = "r" }), 403);
        await Rejected(() => Post(official, url, new { date = D(Today.AddDays(1)), reason = "duty-fulfilled", reasoning = "r" }), 422, "date-in-future");
        await Rejected(() => Post(official, url, new { date = D(Today.AddDays(-1)), reason = "duty-fulfilled", reasoning = "r" }), 422, "end-before-start");
        await Rejected(() => Post(official, url, new { date = D(Today), reason = "tired", reasoning = "r" }), 400);
        var ended = await Ok(await Post(official, url, new { date = D(Today), reason = "duty-fulfilled", reasoning = "Arbeitet seit heute wieder" }));
        ended["restriction"]!["status"]!.GetValue<string>().Should().Be("ended-early");
        ended["restriction"]!["endsOn"]!.GetValue<string>().Should().Be(D(Today));
        (await PersonRestriction(c)).Should().BeNull();
        await Rejected(() => Post(official, url, new { date = D(Today), reason = "other", reasoning = "r" }), 409, "restriction-not-in-force");
        (await Factory.Stream(c.Person)).Last().Headers!["legalBasis"].ToString().Should().Contain("§ 48 SGB X");
    }

    [Fact]
    public async Task Restrictions_come_up_for_review_and_are_continued_only_after_a_hearing_while_the_breach_persists()
    {
        var c = await Restricted(municipality: "belm");
        var list = "/api/restrictions/due-for-review";
        var official = await Official("belm");

        await Rejected(() => official.GetAsync($"{list}?within=0"), 400);
        await Rejected(() => official.GetAsync($"{list}?within=367"), 400);
        await Rejected(async () => await (await As("payroll", null, "pay-1")).GetAsync(list), 403);
        (await GetOk(official, list)).AsArray().Should().NotContain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());

        var endsOn = DateOnly.Parse((await Proposal(c))["restriction"]!["endsOn"]!.GetValue<string>());
        Factory.AdvanceTo(endsOn.AddDays(-20));
        official = await Official("belm");
        var due = (await GetOk(official, list)).AsArray();
        due.Should().Contain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
        var row = due.Single(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString())!;
        (row["personId"]!.GetValue<string>(), row["municipality"]!.GetValue<string>(), row["endsOn"]!.GetValue<string>())
            .Should().Be((c.Person.ToString(), "belm", D(endsOn)));
        (await GetOk(official, $"{list}?within=10")).AsArray().Should().NotContain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
        (await GetOk(await As("auditor", null, "aud-1"), list)).AsArray().Should().Contain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
        (await GetOk(await Official("melle"), list)).AsArray().Should().NotContain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
        (await GetOk(await As("official", null, "off-district"), list)).AsArray().Should().Contain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());

        var review = $"/api/sanction-proposals/{c.Proposal}/review";
        await Rejected(() => Post(official, review, new { continueRestriction = true, reasoning = "weiter", amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "hearing-required");
        var reviewed = await Ok(await Post(official, review, new { continueRestriction = true, reasoning = "Pflichtverletzung dauert an", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        (await Factory.Stream(c.Person)).Last().Headers!["legalBasis"].ToString().Should().Contain("§ 14 Abs. 2 AsylbLG");
        // Contract v3a: the continued period waits for its Fortsetzungsbescheid; notified today, it follows on at once.
        reviewed["restriction"]!["periods"]!.AsArray().Select(p => p!["status"]!.GetValue<string>()).Should().Equal("in-force", "awaiting-notification");
        await NotifyDecision(c.Person, reviewed);
        reviewed = await Proposal(c);
        reviewed["restriction"]!["endsOn"]!.GetValue<string>().Should().Be(D(Dates.EndOfMonthsPeriod(endsOn.AddDays(1), 6)));
        reviewed["restriction"]!["continuedOn"]!.GetValue<string>().Should().Be(D(Today));
        reviewed["restriction"]!["status"]!.GetValue<string>().Should().Be("in-force");
        await Rejected(() => Post(official, review, new { continueRestriction = false, reasoning = "nochmal" }), 409, "already-reviewed");
        (await GetOk(official, list)).AsArray().Should().NotContain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());
    }

    [Fact]
    public async Task The_review_list_gives_its_total_and_pages_on_request_while_without_paging_it_stays_whole()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 3; i++) cases.Add(await Restricted(municipality: "sg-neuenkirchen"));
        var official = await Official("sg-neuenkirchen");
        var list = "/api/restrictions/due-for-review?within=366";

        using var whole = await official.GetAsync(list);
        var all = (await Ok(whole)).AsArray().Select(x => x!["proposalId"]!.GetValue<string>()).ToList();
        all.Should().Contain(cases.Select(c => c.Proposal.ToString()));
        whole.Headers.GetValues("X-Total-Count").Single().Should().Be(all.Count.ToString());

        var paged = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            using var response = await official.GetAsync($"{list}&page={page}&pageSize=2");
            var rows = (await Ok(response)).AsArray().Select(x => x!["proposalId"]!.GetValue<string>()).ToList();
            rows.Count.Should().Be(Math.Min(2, all.Count - (page - 1) * 2));
            response.Headers.GetValues("X-Total-Count").Single().Should().Be(all.Count.ToString());
            paged.AddRange(rows);
        }
        paged.Should().Equal(all, "the pages are the whole list in its order");
        (await GetOk(official, $"{list}&page=9&pageSize=2")).AsArray().Should().BeEmpty();
        await Rejected(() => official.GetAsync($"{list}&pageSize=0"), 400);
        await Rejected(() => official.GetAsync($"{list}&page=x"), 400);
        (await GetOk(await Official("melle"), $"{list}&pageSize=500")).AsArray()
            .Should().NotContain(x => cases.Select(c => c.Proposal.ToString()).Contains(x!["proposalId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_restriction_is_not_continued_once_the_person_works_again()
    {
        var c = await Restricted();
        await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/hours", new { date = D(Today), minutes = 120 }), HttpStatusCode.Created);
        // Contract v3a: a continuation is decided only within the last days of the period (review-too-early before).
        var endsOn = DateOnly.Parse((await Proposal(c))["restriction"]!["endsOn"]!.GetValue<string>());
        Factory.AdvanceTo(endsOn.AddDays(-20));

        var rejected = await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/review",
            new { continueRestriction = true, reasoning = "r", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 422, "breach-ended");
        rejected["detail"]!.GetValue<string>().Should().Contain("hours");
        var planned = await Ok(await Post(await Official(), $"/api/sanction-proposals/{c.Proposal}/review",
            new { continueRestriction = false, reasoning = "Endet wie vorgesehen" }));
        planned["restriction"]!["continuedOn"].Should().BeNull();
    }

    [Fact]
    public async Task A_restriction_of_a_person_who_took_up_regular_work_is_due_at_once_and_expires_after_its_end()
    {
        var c = await Restricted(municipality: "hagen");
        var official = await Official("hagen");
        await Ok(await Post(c.Cw, $"/api/placements/{c.Placement}/end", new { date = D(Today), reason = "regular-employment" }));

        var row = (await GetOk(official, "/api/restrictions/due-for-review?within=1")).AsArray()
            .Single(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString())!;
        row["dutyLapsed"]!.GetValue<bool>().Should().BeTrue();
        await Ok(await Post(official, $"/api/sanction-proposals/{c.Proposal}/restriction/end", new { date = D(Today), reason = "duty-lapsed", reasoning = "Arbeit aufgenommen" }));
        (await GetOk(official, "/api/restrictions/due-for-review?within=1")).AsArray()
            .Should().NotContain(x => x!["proposalId"]!.GetValue<string>() == c.Proposal.ToString());

        var other = await Restricted(municipality: "hagen");
        var endsOn = DateOnly.Parse((await Proposal(other))["restriction"]!["endsOn"]!.GetValue<string>());
        // Noon in Berlin on the day after the end: whole days of 24 hours across a change of summer time could land on the end itself.
        var dayAfter = endsOn.AddDays(1).ToDateTime(new TimeOnly(12, 0));
        Factory.Time.SetUtcNow(new DateTimeOffset(dayAfter, Clock.Berlin.GetUtcOffset(dayAfter)));
        official = await Official("hagen");
        (await Proposal(other))["restriction"]!["status"]!.GetValue<string>().Should().Be("expired");
        (await PersonRestriction(other)).Should().BeNull();
        await Rejected(() => Post(official, $"/api/sanction-proposals/{other.Proposal}/review", new { continueRestriction = false, reasoning = "r" }),
            409, "restriction-not-in-force");
    }

    [Fact]
    public async Task The_Art_15_export_holds_the_persons_proposals_restrictions_objections_and_payout_lines()
    {
        var cw = await Caseworker("bad-iburg", Unique("cw"));
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person); // notice 60 days ago, start 50 days ago
        var lastOfPreviousMonth = new DateOnly(Today.Year, Today.Month, 1).AddDays(-1);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(lastOfPreviousMonth), minutes = 90 }), HttpStatusCode.Created);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-3)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today), statement = "keine", form = "oral", heldInPerson = true }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }),
            HttpStatusCode.Created));
        await NotifyDecision(person, await Ok(await Post(await Official(), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })));
        await Ok(await Post(cw, $"/api/sanction-proposals/{proposal}/objection", new { receivedOn = D(Today), statement = "Widerspruch der Person" }),
            HttpStatusCode.Created);
        var run = IdOf(await Ok(await Post(await As("payroll", null, "pay-export"), "/api/payout-runs",
            new { month = $"{lastOfPreviousMonth:yyyy-MM}" }), HttpStatusCode.Created));

        var export = await GetOk(cw, $"/api/persons/{person}/export");

        export["sanctionProposals"]!.AsArray().Single()!["id"]!.GetValue<string>().Should().Be(proposal.ToString());
        var restriction = export["restrictions"]!.AsArray().Single()!;
        (restriction["proposalId"]!.GetValue<string>(), restriction["startsOn"]!.GetValue<string>(), restriction["status"]!.GetValue<string>())
            .Should().Be((proposal.ToString(), D(Today), "in-force"));
        var objection = export["objections"]!.AsArray().Single()!;
        (objection["statement"]!.GetValue<string>(), objection["status"]!.GetValue<string>()).Should().Be(("Widerspruch der Person", "pending"));
        var line = export["payoutLines"]!.AsArray().Single()!;
        (line["runId"]!.GetValue<string>(), line["minutes"]!.GetValue<int>(), line["amountCents"]!.GetValue<long>(), line["runStatus"]!.GetValue<string>())
            .Should().Be((run.ToString(), 90, 120L, "prepared"));
        export["placements"]!.AsArray().Single()!["refusals"]!.AsArray().Should().ContainSingle();
    }
}
