using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Notices;

namespace AGH.Tests.Http;

/// <summary>A clock of its own: the Klage deadline runs a month after the Widerspruchsbescheid.</summary>
public sealed class PlacementObjectionFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class PlacementObjectionCollection : ICollectionFixture<PlacementObjectionFactory>
{
    public const string Name = "placement-objection";
}

/// <summary>
/// The Widerspruch against the Heranziehungsbescheid through the real host (contract v3a, §§ 84, 86a SGG). Placements
/// are assigned with noticeServedOn: an external notice notified that day, whose objection deadline is a month later.
/// </summary>
[Collection(PlacementObjectionCollection.Name)]
public sealed class PlacementObjectionTests(PlacementObjectionFactory factory) : HttpTest(factory)
{
    private const string Reasons = "Die Heranziehung ist rechtmäßig und zumutbar";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private sealed record Case(HttpClient Cw, Guid Person, Guid Offer, Guid Placement)
    {
        public string Url => $"/api/placements/{Placement}";
    }

    // A fresh token each time: a test moves the clock past the lifetime of earlier ones.
    private Task<HttpClient> Official(string municipality = "bad-iburg") => As("official", municipality, Unique("off"));

    /// <summary>Notice handed over <paramref name="noticeDaysAgo"/> days ago, work from six days after it.</summary>
    private async Task<Case> Placed(int noticeDaysAgo = 20, string municipality = "bad-iburg")
    {
        var cw = await Caseworker(municipality, Unique("cw"));
        var person = await NewPerson(cw, municipality);
        var offer = await NewOffer(cw, municipality);
        var placement = await NewPlacement(cw, offerId: offer, personId: person,
            notice: Today.AddDays(-noticeDaysAgo), startsOn: Today.AddDays(-noticeDaysAgo + 6));
        return new Case(cw, person, offer, placement);
    }

    private static Task<HttpResponseMessage> Object(Case c, DateOnly receivedOn, HttpClient? client = null) =>
        Post(client ?? c.Cw, $"{c.Url}/objection", new { receivedOn = D(receivedOn), statement = "Die Arbeit ist mir nicht zumutbar" });

    private static Task<HttpResponseMessage> Refuse(Case c, DateOnly date) =>
        Post(c.Cw, $"{c.Url}/refusals", new { date = D(date), kind = "explicit", statedReason = "will nicht" });

    /// <summary>A refusal assessed without good cause and heard: ready to be proposed.</summary>
    private async Task<Guid> HeardRefusal(Case c, DateOnly date)
    {
        var refusal = IdOf(await Ok(await Refuse(c, date), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(c.Cw, $"{c.Url}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(c.Cw, $"{c.Url}/refusals/{refusal}/hearing", new { heldOn = D(date.AddDays(1)), statement = "keine" }));
        return refusal;
    }

    private static Task<HttpResponseMessage> Propose(Case c, Guid refusal) =>
        Post(c.Cw, $"{c.Url}/sanction-proposals", new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" });

    private async Task<JsonNode> Decide(Case c, string outcome, HttpClient? official = null) =>
        await Ok(await Post(official ?? await Official(), $"{c.Url}/objection/decision", new { outcome, reasoning = Reasons }));

    private async Task<JsonNode> Placement(Case c) => await GetOk(await As("auditor", null, "aud-objection"), c.Url);

    private async Task<NoticeIssued> IssuedNotice(Case c, Guid noticeId) =>
        (await Factory.Stream(c.Person)).Select(e => e.Data).OfType<NoticeIssued>().Single(n => n.NoticeId == noticeId);

    [Fact]
    public async Task An_objection_is_recorded_once_and_the_placement_shows_it_with_timely()
    {
        var c = await Placed();
        var filed = await Ok(await Object(c, Today.AddDays(-2)), HttpStatusCode.Created);
        IdOf(filed).Should().Be(c.Placement);
        var objection = (await Placement(c))["objection"]!;
        objection["receivedOn"]!.GetValue<string>().Should().Be(D(Today.AddDays(-2)));
        objection["timely"]!.GetValue<bool>().Should().BeTrue();
        objection["status"]!.GetValue<string>().Should().Be("pending");
        objection["decidedOn"].Should().BeNull();

        await Rejected(() => Object(c, Today), 409, "objection-exists");
        var other = await Placed();
        await Rejected(() => Object(other, Today.AddDays(1)), 422, "date-in-future");
        await Rejected(() => Object(other, Today.AddDays(-21)), 422, "objection-before-issue");
        (await Placement(other))["objection"].Should().BeNull();
    }

    [Fact]
    public async Task An_objection_after_the_month_is_untimely_and_suspends_nothing()
    {
        var c = await Placed(noticeDaysAgo: 60);
        await Ok(await Object(c, Today), HttpStatusCode.Created);
        (await Placement(c))["objection"]!["timely"]!.GetValue<bool>().Should().BeFalse();
        await Ok(await Refuse(c, Today), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_timely_objection_suspends_the_duty_back_to_the_notification_but_hours_are_still_logged()
    {
        var c = await Placed();
        var earlier = await HeardRefusal(c, Today.AddDays(-10));
        await Ok(await Object(c, Today.AddDays(-2)), HttpStatusCode.Created);

        var problem = await Rejected(() => Refuse(c, Today.AddDays(-1)), 422, "duty-suspended");
        problem["detail"]!.GetValue<string>().Should().Contain("§ 86a Abs. 1 SGG");
        // The refusal recorded before the objection lies in the suspended time too.
        (await Rejected(() => Propose(c, earlier), 422, "sanction-preconditions"))["detail"]!.GetValue<string>().Should().Contain("suspended");
        await Ok(await Post(c.Cw, $"{c.Url}/hours", new { date = D(Today.AddDays(-1)), minutes = 120 }), HttpStatusCode.Created);
        (await Placement(c))["minutesLogged"]!.GetValue<int>().Should().Be(120);
    }

    [Fact]
    public async Task Immediate_enforcement_issues_an_Anordnung_and_the_duty_applies_from_its_notification()
    {
        var c = await Placed();
        var official = await Official();
        var url = $"{c.Url}/immediate-enforcement";
        var body = new { reasoning = "Öffentliches Interesse an der sofortigen Heranziehung" };
        await Rejected(() => Post(c.Cw, url, body), 403);
        await Rejected(() => Post(official, url, body), 409, "no-pending-objection");
        await Ok(await Object(c, Today.AddDays(-1)), HttpStatusCode.Created);
        await Rejected(() => Post(official, url, new { reasoning = "   zu kurz begründet   " }), 400);

        var response = await Post(official, url, body);
        response.Headers.Location!.ToString().Should().StartWith("/api/notices/");
        var ordered = await Ok(response, HttpStatusCode.Created);
        var noticeId = IdOf(ordered, "noticeId");
        var notice = await IssuedNotice(c, noticeId);
        notice.Kind.Should().Be(NoticeKind.AnordnungSofortigeVollziehung);
        notice.SubjectId.Should().Be(c.Placement);
        await Rejected(() => Post(official, url, body), 409, "already-enforced");

        await Rejected(() => Refuse(c, Today), 422, "duty-suspended");
        await NoticeDispatching.DispatchAsync(Factory, c.Person, noticeId, DispatchMethod.HandedOver, Today);
        await Ok(await Refuse(c, Today), HttpStatusCode.Created);
        await Rejected(() => Refuse(c, Today.AddDays(-1)), 422, "duty-suspended");
    }

    [Fact]
    public async Task An_upheld_objection_ends_the_placement_frees_the_place_and_withdraws_its_restriction()
    {
        var c = await Placed();
        var refusal = await HeardRefusal(c, Today.AddDays(-10));
        var proposal = IdOf(await Ok(await Propose(c, refusal), HttpStatusCode.Created));
        await Ok(await Post(await Official(), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        var freeBefore = (await GetOk(c.Cw, $"/api/offers/{c.Offer}"))["free"]!.GetValue<int>();
        await Ok(await Object(c, Today), HttpStatusCode.Created);

        var official = await Official();
        var decided = await Decide(c, "upheld", official);
        (await IssuedNotice(c, IdOf(decided, "noticeId"))).Kind.Should().Be(NoticeKind.Abhilfebescheid);
        decided["objection"]!["status"]!.GetValue<string>().Should().Be("upheld");

        var placement = await Placement(c);
        placement["status"]!.GetValue<string>().Should().Be("ended");
        placement["endReason"]!.GetValue<string>().Should().Be("objection-upheld");
        placement["endedOn"]!.GetValue<string>().Should().Be(D(Today));
        placement["objection"]!["decidedOn"]!.GetValue<string>().Should().Be(D(Today));
        (await GetOk(c.Cw, $"/api/offers/{c.Offer}"))["free"]!.GetValue<int>().Should().Be(freeBefore + 1);
        (await GetOk(c.Cw, $"/api/sanction-proposals/{proposal}"))["restriction"]!["status"]!.GetValue<string>().Should().Be("withdrawn");

        // A decided objection stays decided, also now that the placement has ended.
        await Rejected(() => Post(official, $"{c.Url}/objection/decision", new { outcome = "dismissed", reasoning = Reasons }), 409, "already-decided");
        await Rejected(() => Post(official, $"{c.Url}/immediate-enforcement", new { reasoning = Reasons }), 409, "no-pending-objection");
    }

    [Fact]
    public async Task No_refusal_of_a_placement_set_aside_can_be_proposed()
    {
        var c = await Placed();
        var refusal = await HeardRefusal(c, Today.AddDays(-10));
        await Ok(await Object(c, Today.AddDays(-1)), HttpStatusCode.Created);
        await Decide(c, "upheld");
        (await Rejected(() => Propose(c, refusal), 422, "sanction-preconditions"))["detail"]!.GetValue<string>().Should().Contain("set aside");
    }

    [Fact]
    public async Task Deciding_needs_a_pending_objection_an_official_and_written_reasons()
    {
        var c = await Placed();
        var official = await Official();
        var url = $"{c.Url}/objection/decision";
        await Rejected(() => Post(official, url, new { outcome = "upheld", reasoning = Reasons }), 409, "no-pending-objection");
        await Ok(await Object(c, Today), HttpStatusCode.Created);
        await Rejected(() => Post(c.Cw, url, new { outcome = "upheld", reasoning = Reasons }), 403);
        await Rejected(() => Post(official, url, new { outcome = "upheld", reasoning = "  kurz  " }), 400);
        await Rejected(() => Post(official, url, new { outcome = "partly-upheld", reasoning = Reasons }), 400);
        await Rejected(() => Post(official, url, new { outcome = "upheld", reasoning = Reasons, costs = "some" }), 400);
        (await Placement(c))["objection"]!["status"]!.GetValue<string>().Should().Be("pending");
    }

    [Fact]
    public async Task A_client_never_ends_a_placement_as_objection_upheld_or_period_ended()
    {
        var c = await Placed();
        await Rejected(() => Post(c.Cw, $"{c.Url}/end", new { date = D(Today), reason = "objection-upheld" }), 400);
        await Rejected(() => Post(c.Cw, $"{c.Url}/end", new { date = D(Today), reason = "period-ended" }), 400);
        (await Placement(c))["status"]!.GetValue<string>().Should().Be("active");
    }

    [Fact]
    public async Task After_dismissal_a_recorded_lawsuit_suspends_until_it_ends()
    {
        var c = await Placed();
        var lawsuit = new { filedOn = D(Today), court = "Sozialgericht Osnabrück", fileNumber = "S 44 AY 17/26" };
        await Ok(await Object(c, Today.AddDays(-3)), HttpStatusCode.Created);
        await Rejected(() => Post(c.Cw, $"{c.Url}/lawsuit", lawsuit), 409, "no-dismissed-objection");
        var dismissed = await Decide(c, "dismissed");
        (await IssuedNotice(c, IdOf(dismissed, "noticeId"))).Kind.Should().Be(NoticeKind.Widerspruchsbescheid);
        // Its Rechtsmittelbelehrung names the court of Notices:Court (default Sozialgericht Osnabrück) and the month (§ 87 SGG).
        var pdf = await c.Cw.GetAsync($"/api/notices/{IdOf(dismissed, "noticeId")}/pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        Unit.PdfText.Of(await pdf.Content.ReadAsByteArrayAsync()).Should().ContainAll("Widerspruchsbescheid (§ 85 Abs. 2 SGG)", "Heranziehungsbescheid",
            "Rechtsmittelbelehrung", "Klage", "Sozialgericht Osnabrück", "innerhalb eines Monats nach seiner Bekanntgabe", "§ 80 VwVfG i. V. m. § 1 NVwVfG",
            "Gebühren werden", Reasons, "Textfassung widerspruchsbescheid-heranziehung-v1");
        (await Placement(c))["status"]!.GetValue<string>().Should().Be("active");
        await Rejected(() => Refuse(c, Today), 422, "duty-suspended");

        await Rejected(() => Post(c.Cw, $"{c.Url}/lawsuit", new { filedOn = D(Today.AddDays(-1)), court = "SG", fileNumber = "S 1" }), 422, "lawsuit-before-notice");
        var filed = await Ok(await Post(c.Cw, $"{c.Url}/lawsuit", lawsuit), HttpStatusCode.Created);
        filed["objection"]!["lawsuit"]!["fileNumber"]!.GetValue<string>().Should().Be("S 44 AY 17/26");
        await Rejected(() => Post(c.Cw, $"{c.Url}/lawsuit", lawsuit), 409, "lawsuit-exists");
        // Enforcement may be ordered in the Klage phase too.
        await Ok(await Post(await Official(), $"{c.Url}/immediate-enforcement", new { reasoning = Reasons }), HttpStatusCode.Created);

        await Rejected(() => Post(c.Cw, $"{c.Url}/lawsuit/end", new { outcome = "withdrawn", on = D(Today.AddDays(1)) }), 422, "date-in-future");
        var ended = await Ok(await Post(c.Cw, $"{c.Url}/lawsuit/end", new { outcome = "withdrawn", on = D(Today) }));
        ended["objection"]!["lawsuit"]!["outcome"]!.GetValue<string>().Should().Be("withdrawn");
        await Rejected(() => Post(c.Cw, $"{c.Url}/lawsuit/end", new { outcome = "upheld", on = D(Today) }), 409, "already-decided");
        await Ok(await Refuse(c, Today), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_upheld_lawsuit_ends_the_placement_as_an_upheld_objection_does()
    {
        var c = await Placed();
        await Ok(await Object(c, Today.AddDays(-3)), HttpStatusCode.Created);
        await Decide(c, "dismissed");
        await Ok(await Post(c.Cw, $"{c.Url}/lawsuit", new { filedOn = D(Today), court = "Sozialgericht Osnabrück", fileNumber = "S 44 AY 18/26" }),
            HttpStatusCode.Created);
        var ended = await Ok(await Post(await Official(), $"{c.Url}/lawsuit/end", new { outcome = "upheld", on = D(Today) }));
        ended["objection"]!["lawsuit"]!["endedOn"]!.GetValue<string>().Should().Be(D(Today));
        var placement = await Placement(c);
        placement["status"]!.GetValue<string>().Should().Be("ended");
        placement["endReason"]!.GetValue<string>().Should().Be("objection-upheld");
    }

    [Fact]
    public async Task New_routes_answer_404_to_another_municipality_and_store_nothing()
    {
        var theirs = await Placed(municipality: "bissendorf");
        var cw = await Caseworker("bad-iburg", Unique("cw"));
        var official = await Official();
        await Rejected(() => Object(theirs, Today, cw), 404);
        await Rejected(() => Post(official, $"{theirs.Url}/immediate-enforcement", new { reasoning = Reasons }), 404);
        await Rejected(() => Post(official, $"{theirs.Url}/objection/decision", new { outcome = "upheld", reasoning = Reasons }), 404);
        await Rejected(() => Post(cw, $"{theirs.Url}/lawsuit", new { filedOn = D(Today), court = "SG", fileNumber = "S 1" }), 404);
        await Rejected(() => Post(cw, $"{theirs.Url}/lawsuit/end", new { outcome = "withdrawn", on = D(Today) }), 404);
    }

    // Last in the class's order of writing, but each test reads Today afresh: moving the clock does not disturb the others.
    [Fact]
    public async Task Once_the_Klage_deadline_has_passed_without_a_lawsuit_the_duty_applies_again()
    {
        var c = await Placed();
        await Ok(await Object(c, Today.AddDays(-3)), HttpStatusCode.Created);
        var noticeId = IdOf(await Decide(c, "dismissed"), "noticeId");
        await NoticeDispatching.DispatchAsync(Factory, c.Person, noticeId, DispatchMethod.HandedOver, Today);
        var deadline = NoticeCalendar.MonthDeadline(Today);

        Factory.AdvanceTo(deadline);
        var cw = await Caseworker("bad-iburg", Unique("cw"));
        var onDeadline = c with { Cw = cw };
        await Rejected(() => Refuse(onDeadline, Today), 422, "duty-suspended");

        Factory.Time.Advance(TimeSpan.FromDays(1));
        var after = c with { Cw = await Caseworker("bad-iburg", Unique("cw")) };
        var official = await Official();
        await Rejected(() => Post(official, $"{c.Url}/immediate-enforcement", new { reasoning = Reasons }), 409, "no-pending-objection");
        await Ok(await Refuse(after, Today), HttpStatusCode.Created);
        await Rejected(() => Refuse(after, Today.AddDays(-1)), 422, "duty-suspended");
    }
}
