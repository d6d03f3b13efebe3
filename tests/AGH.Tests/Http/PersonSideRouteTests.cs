using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>
/// Contract v3a, the person side: exemption end and withdrawal, evidence and review day, the legal status (excluded ends
/// the entitlement), willingness, and the reasons the review list gives.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class PersonSideRouteTests(AghFactory factory) : HttpTest(factory)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private async Task<Guid> RecordExemption(HttpClient cw, Guid person, object body) =>
        IdOf(await Ok(await Post(cw, $"/api/persons/{person}/exemptions", body), HttpStatusCode.Created), "exemptionId");

    private static async Task<List<string>> Summaries(HttpClient client, Guid person) =>
        (await GetOk(client, $"/api/persons/{person}/history"))["entries"]!.AsArray().Select(e => e!["summary"]!.GetValue<string>()).ToList();

    private static JsonNode ExemptionIn(JsonNode person, Guid id) =>
        person["exemptions"]!.AsArray().Single(x => x!["exemptionId"]!.GetValue<string>() == id.ToString())!;

    [Fact]
    public async Task An_exemption_records_its_evidence_and_review_day_and_an_open_illness_needs_a_review_day()
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var person = await NewPerson(cw);

        var missing = await Rejected(() => Post(cw, $"/api/persons/{person}/exemptions", new { reason = "illness", from = D(Today) }), 400);
        missing["errors"]!["reviewOn"].Should().NotBeNull();
        await Rejected(() => Post(cw, $"/api/persons/{person}/exemptions",
            new { reason = "illness", from = D(Today), reviewOn = D(Today.AddDays(14)), evidence = new { kind = "diagnosis" } }), 400);

        var id = await RecordExemption(cw, person, new
        {
            reason = "illness", from = D(Today.AddDays(-2)), reviewOn = D(Today.AddDays(14)),
            evidence = new { kind = "au-certificate", receivedOn = D(Today.AddDays(-1)) },
        });
        var shown = ExemptionIn(await GetOk(cw, $"/api/persons/{person}"), id);
        shown["reviewOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(14)));
        shown["evidence"]!["kind"]!.GetValue<string>().Should().Be("au-certificate");
        shown["evidence"]!["receivedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
        shown["withdrawn"]!.GetValue<bool>().Should().BeFalse();
        shown["until"].Should().BeNull();

        // With an end an illness needs no review day; other reasons never do.
        await RecordExemption(cw, person, new { reason = "illness", from = D(Today.AddDays(30)), until = D(Today.AddDays(40)) });
        await RecordExemption(cw, person, new { reason = "childcare", from = D(Today.AddDays(50)) });
    }

    [Fact]
    public async Task An_exemption_is_ended_only_to_shorten_it_and_a_withdrawn_one_counts_nowhere()
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var person = await NewPerson(cw);
        var id = await RecordExemption(cw, person, new { reason = "illness", from = D(Today.AddDays(-5)), reviewOn = D(Today.AddDays(10)) });
        var end = $"/api/persons/{person}/exemptions/{id}/end";
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("exempt");

        await Rejected(() => Post(cw, end, new { }), 400);
        await Rejected(() => Post(cw, $"/api/persons/{person}/exemptions/{Guid.NewGuid()}/end", new { until = D(Today) }), 404);
        await Rejected(() => Post(cw, end, new { until = D(Today.AddDays(-6)) }), 422, "end-before-start");

        // The last day may lie ahead: the person stays exempt until then.
        var ended = await Ok(await Post(cw, end, new { until = D(Today.AddDays(3)) }));
        ExemptionIn(ended, id)["until"]!.GetValue<string>().Should().Be(D(Today.AddDays(3)));
        ended["status"]!.GetValue<string>().Should().Be("exempt");
        await Rejected(() => Post(cw, end, new { until = D(Today.AddDays(3)) }), 409, "exemption-ended");
        await Rejected(() => Post(cw, end, new { until = D(Today.AddDays(9)) }), 409, "exemption-ended");
        // An official of the municipality may end it too, and end it earlier still.
        var official = await As("official", "bad-iburg", Unique("off"));
        ExemptionIn(await Ok(await Post(official, end, new { until = D(Today.AddDays(-1)) })), id)["until"]!.GetValue<string>().Should().Be(D(Today.AddDays(-1)));
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("available");

        // Withdrawn: recorded in error, it no longer makes the person exempt nor bars an assignment on its days.
        var current = await RecordExemption(cw, person, new { reason = "childcare", from = D(Today.AddDays(-3)) });
        (await GetOk(cw, $"/api/persons/{person}"))["status"]!.GetValue<string>().Should().Be("exempt");
        var offer = await NewOffer(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, offer, Today, Today)), 422, "person-not-eligible");
        var withdrawal = $"/api/persons/{person}/exemptions/{current}/withdrawal";
        await Rejected(() => Post(cw, withdrawal, new { reason = "" }), 400);
        var withdrawn = await Ok(await Post(cw, withdrawal, new { reason = "bei der falschen Person erfasst" }));
        ExemptionIn(withdrawn, current)["withdrawn"]!.GetValue<bool>().Should().BeTrue();
        withdrawn["status"]!.GetValue<string>().Should().Be("available");
        await Rejected(() => Post(cw, withdrawal, new { reason = "nochmal" }), 409, "exemption-withdrawn");
        await Rejected(() => Post(cw, $"/api/persons/{person}/exemptions/{current}/end", new { until = D(Today) }), 409, "exemption-withdrawn");
        await Ok(await Post(cw, "/api/placements", AssignBody(person, offer, Today, Today)), HttpStatusCode.Created);

        // The history keeps both, in German.
        var history = await Summaries(cw, person);
        history.Should().Contain(x => x.StartsWith("Wichtiger Grund endet mit dem")).And.Contain(x => x.Contains("als Irrtum zurückgenommen"));
        var stream = await Factory.Stream(person);
        stream.Should().Contain(e => e.Data is AGH.Domain.Persons.ExemptionWithdrawn);
    }

    [Fact]
    public async Task The_person_shows_the_legal_status_in_force_and_a_future_one_waits()
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var person = await NewPerson(cw);
        (await GetOk(cw, $"/api/persons/{person}"))["legalStatus"].Should().BeNull();
        await Rejected(() => Post(cw, $"/api/persons/{person}/legal-status", new { status = "citizen", since = D(Today), note = "n" }), 400);
        await Rejected(() => Post(cw, $"/api/persons/{person}/legal-status", new { status = "tolerated", since = D(Today) }), 400);
        await Rejected(async () => await Post(await As("auditor", null, "aud"), $"/api/persons/{person}/legal-status",
            new { status = "tolerated", since = D(Today), note = "n" }), 403);

        using var created = await Post(cw, $"/api/persons/{person}/legal-status", new { status = "tolerated", since = D(Today.AddDays(-30)), note = "Duldung" });
        var body = await Ok(created, HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be($"/api/persons/{person}");
        body["legalStatus"]!.ToJsonString().Should().Be($$"""{"status":"tolerated","since":"{{D(Today.AddDays(-30))}}"}""");
        await Ok(await Post(await As("official", "bad-iburg", Unique("off")), $"/api/persons/{person}/legal-status",
            new { status = "residence-permit", since = D(Today.AddDays(10)), note = "Erlaubnis ab dem 10." }), HttpStatusCode.Created);
        var shown = await GetOk(cw, $"/api/persons/{person}");
        shown["legalStatus"]!["status"]!.GetValue<string>().Should().Be("tolerated");
        shown["status"]!.GetValue<string>().Should().Be("available", "statuses other than excluded change nothing");
    }

    [Fact]
    public async Task Excluded_ends_the_entitlement_from_since_ends_the_placement_frees_the_place_and_bars_sanctions()
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var offer = await NewOffer(cw, places: 1);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, offerId: offer, personId: person, notice: Today.AddDays(-30), startsOn: Today.AddDays(-20));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-2)), minutes = 60 }), HttpStatusCode.Created);
        var url = $"/api/persons/{person}/legal-status";

        await Rejected(() => Post(cw, url, new { status = "excluded", since = D(Today.AddDays(-5)), note = "Überstellungsanordnung" }), 422, "hours-after-end");
        await Rejected(() => Post(cw, url, new { status = "excluded", since = D(Today.AddDays(1)), note = "Überstellungsanordnung" }), 422, "date-in-future");

        var excluded = await Ok(await Post(cw, url, new { status = "excluded", since = D(Today.AddDays(-1)), note = "Überstellungsanordnung (Dublin)" }), HttpStatusCode.Created);
        excluded["legalStatus"]!["status"]!.GetValue<string>().Should().Be("excluded");
        excluded["status"]!.GetValue<string>().Should().Be("not-entitled");
        excluded["activePlacementId"].Should().BeNull();
        var ended = await GetOk(cw, $"/api/placements/{placement}");
        (ended["status"]!.GetValue<string>(), ended["endReason"]!.GetValue<string>(), ended["endedOn"]!.GetValue<string>())
            .Should().Be(("ended", "entitlement-ended", D(Today.AddDays(-1))));
        (await GetOk(cw, $"/api/offers/{offer}"))["free"]!.GetValue<int>().Should().Be(1, "the place is freed at once");
        var types = (await Factory.Stream(person)).Select(e => e.Data.GetType().Name).ToList();
        types.Should().ContainInOrder("LegalStatusRecorded", "EntitlementEnded", "PlacementEnded");
        (await Factory.Stream(offer)).Last().Data.Should().BeOfType<AGH.Domain.Offers.PlaceReleased>();

        // A refusal on the first excluded day is not a breach of a duty: it cannot be assessed as without good cause.
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-1)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }),
            422, "not-obliged-on-refusal-date");

        // Not eligible for an assignment.
        var other = await NewOffer(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignBody(person, other, Today.AddDays(-1), Today)), 422, "person-not-eligible");
        (await Summaries(cw, person)).Should().Contain($"Aufenthaltsrechtlicher Status erfasst: Leistungsausschluss nach § 1 Abs. 4 AsylbLG seit {Today.AddDays(-1):dd.MM.yyyy}");
    }

    [Fact]
    public async Task Willingness_is_recorded_by_caseworkers_and_officials_never_ahead()
    {
        var cw = await Caseworker(userId: Unique("cw"));
        var person = await NewPerson(cw);
        var url = $"/api/persons/{person}/willingness";
        (await GetOk(cw, $"/api/persons/{person}"))["willingnessDeclaredOn"].Should().BeNull();
        await Rejected(() => Post(cw, url, new { on = D(Today.AddDays(1)), note = "morgen" }), 422, "date-in-future");
        await Rejected(() => Post(cw, url, new { on = D(Today) }), 400);
        await Rejected(async () => await Post(await As("coordinator", null, "coord"), url, new { on = D(Today), note = "n" }), 403);
        using var earlier = await Post(cw, url, new { on = D(Today.AddDays(-3)), note = "telefonisch" });
        (await GetOk(cw, $"/api/persons/{person}"))["willingnessDeclaredOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-3)));
        using var created = await Post(cw, url, new { on = D(Today), note = "will wieder arbeiten" });
        (await Ok(created, HttpStatusCode.Created))["id"]!.GetValue<string>().Should().Be(person.ToString());
        await Ok(await Post(await As("official", "bad-iburg", Unique("off")), url, new { on = D(Today), note = "bestätigt" }), HttpStatusCode.Created);
        (await Factory.Stream(person)).Count(e => e.Data is AGH.Domain.Persons.WillingnessDeclared).Should().Be(3);
        // Shown on the person to everyone who reads it, officials included (they do not read the history).
        (await GetOk(await As("official", "bad-iburg", Unique("off")), $"/api/persons/{person}"))["willingnessDeclaredOn"]!.GetValue<string>()
            .Should().Be(D(Today));
        (await Summaries(cw, person)).Should().Contain($"Ernsthafte Bereitschaft zur Arbeit erklärt am {Today:dd.MM.yyyy}");
    }

    private sealed record Restriction(HttpClient Cw, Guid Person, Guid Placement, Guid Proposal, DateOnly RefusalDay);

    /// <summary>A restriction approved today on a refusal ten days ago; its notice handed over where it has one (contract v3a).</summary>
    private async Task<Restriction> Restricted(string municipality)
    {
        var cw = await Caseworker(municipality, Unique("cw"));
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, municipality), personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusalDay = Today.AddDays(-10);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(refusalDay), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        var decided = await Ok(await Post(await As("official", municipality, Unique("off")), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        if (decided["noticeId"] is { } notice)
            await NoticeDispatching.DispatchAsync(Factory, person, Guid.Parse(notice.GetValue<string>()), DispatchMethod.HandedOver, Today);
        return new Restriction(cw, person, placement, proposal, refusalDay);
    }

    private async Task<JsonNode?> DueRow(HttpClient client, Guid proposal, int within = 1) =>
        (await GetOk(client, $"/api/restrictions/due-for-review?within={within}")).AsArray()
            .SingleOrDefault(x => x!["proposalId"]!.GetValue<string>() == proposal.ToString());

    private static string[] Reasons(JsonNode row) => row["reasons"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_restriction_is_due_at_once_when_the_person_declares_willingness_or_works_again_after_the_refusal()
    {
        var willing = await Restricted("hagen");
        (await DueRow(willing.Cw, willing.Proposal)).Should().BeNull("the period ends in six months");
        var periodRow = (await DueRow(willing.Cw, willing.Proposal, within: 366))!;
        (periodRow["reason"]!.GetValue<string>(), Reasons(periodRow)).Should().BeEquivalentTo(("period-ending", new[] { "period-ending" }));

        // Willingness declared on the refusal day itself is not after the refusal.
        await Ok(await Post(willing.Cw, $"/api/persons/{willing.Person}/willingness", new { on = D(willing.RefusalDay), note = "am selben Tag" }), HttpStatusCode.Created);
        (await DueRow(willing.Cw, willing.Proposal)).Should().BeNull();
        await Ok(await Post(willing.Cw, $"/api/persons/{willing.Person}/willingness", new { on = D(Today), note = "will arbeiten" }), HttpStatusCode.Created);
        var row = (await DueRow(willing.Cw, willing.Proposal))!;
        (row["reason"]!.GetValue<string>(), Reasons(row)).Should().BeEquivalentTo(("willing", new[] { "willing" }));
        row["dutyLapsed"]!.GetValue<bool>().Should().BeFalse();
        Reasons((await DueRow(willing.Cw, willing.Proposal, within: 366))!).Should().Equal("willing", "period-ending");

        var worked = await Restricted("hagen");
        // Work on the refusal day itself is not work after it.
        await Ok(await Post(worked.Cw, $"/api/placements/{worked.Placement}/hours", new { date = D(worked.RefusalDay), minutes = 30 }), HttpStatusCode.Created);
        (await DueRow(worked.Cw, worked.Proposal)).Should().BeNull();
        var entry = IdOf(await Ok(await Post(worked.Cw, $"/api/placements/{worked.Placement}/hours", new { date = D(Today.AddDays(-2)), minutes = 90 }), HttpStatusCode.Created), "entryId");
        var fulfilled = (await DueRow(worked.Cw, worked.Proposal))!;
        (fulfilled["reason"]!.GetValue<string>(), Reasons(fulfilled)).Should().BeEquivalentTo(("duty-fulfilled", new[] { "duty-fulfilled" }));
        // Corrected to 0: no longer effective.
        await Ok(await Post(worked.Cw, $"/api/placements/{worked.Placement}/hours/{entry}/correction", new { minutes = 0, reason = "nicht erschienen" }), HttpStatusCode.Created);
        (await DueRow(worked.Cw, worked.Proposal)).Should().BeNull();
    }

    [Fact]
    public async Task A_later_exemption_for_the_refusal_day_an_exemption_today_an_exclusion_and_an_ended_placement_come_first_in_order()
    {
        var c = await Restricted("hilter");
        await RecordExemption(c.Cw, c.Person, new { reason = "illness", from = D(c.RefusalDay.AddDays(-1)), until = D(c.RefusalDay), evidence = new { kind = "doctor-letter" } });
        var row = (await DueRow(c.Cw, c.Proposal))!;
        (row["reason"]!.GetValue<string>(), Reasons(row)).Should().BeEquivalentTo(("exempt-on-refusal-day", new[] { "exempt-on-refusal-day" }));

        var today = await Restricted("hilter");
        var exemption = await RecordExemption(today.Cw, today.Person, new { reason = "childcare", from = D(Today) });
        Reasons((await DueRow(today.Cw, today.Proposal))!).Should().Equal("exempt");
        // Withdrawn: it counts nowhere, the review list included.
        await Ok(await Post(today.Cw, $"/api/persons/{today.Person}/exemptions/{exemption}/withdrawal", new { reason = "Irrtum" }));
        (await DueRow(today.Cw, today.Proposal)).Should().BeNull();

        var excluded = await Restricted("hilter");
        await Ok(await Post(excluded.Cw, $"/api/persons/{excluded.Person}/legal-status", new { status = "excluded", since = D(Today), note = "Dublin" }), HttpStatusCode.Created);
        var exRow = (await DueRow(excluded.Cw, excluded.Proposal))!;
        (exRow["reason"]!.GetValue<string>(), Reasons(exRow)).Should().BeEquivalentTo(("excluded", new[] { "excluded", "placement-ended" }));

        var moved = await Restricted("hilter");
        await Ok(await Post(moved.Cw, $"/api/persons/{moved.Person}/entitlement-end", new { date = D(Today), reason = "Wegzug" }));
        var movedRow = (await DueRow(moved.Cw, moved.Proposal))!;
        (movedRow["reason"]!.GetValue<string>(), Reasons(movedRow)).Should().BeEquivalentTo(("entitlement-ended", new[] { "entitlement-ended", "placement-ended" }));

        var ended = await Restricted("hilter");
        await Ok(await Post(ended.Cw, $"/api/placements/{ended.Placement}/end", new { date = D(Today), reason = "moved-away" }));
        var endedRow = (await DueRow(ended.Cw, ended.Proposal))!;
        (endedRow["reason"]!.GetValue<string>(), endedRow["dutyLapsed"]!.GetValue<bool>()).Should().Be(("placement-ended", false));
    }
}
