using System.Net;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>Notices as resources (contract v3a): read, listed, printed, dispatched, and the presumed notification rebutted.</summary>
[Collection(HttpCollection.Name)]
public sealed class NoticeRouteTests(AghFactory factory) : HttpTest(factory)
{
    /// <summary>
    /// A placement as stored before notices were resources: PersonAssigned without a notice id, recorded by a named
    /// caseworker. The service infers its Heranziehungsbescheid, handed over on noticeServedOn.
    /// </summary>
    private async Task<(HttpClient Cw, Guid Person, Guid Placement, Guid Notice)> LegacyPlacement(string municipality = "bad-iburg", DateOnly? served = null)
    {
        var cw = await Caseworker(municipality);
        var offer = await NewOffer(cw, municipality);
        var person = await NewPerson(cw, municipality);
        var placement = Guid.CreateVersion7();
        var on = served ?? Today.AddDays(-30);
        await using (var session = Factory.Store.LightweightSession())
        {
            CommandActor.Set(session, new Actor("cw-legacy", "Erika Alt", Roles.Caseworker, municipality));
            session.Events.Append(person, new PersonAssigned(placement, person, offer, municipality, on, on.AddDays(7), 10, true, NoticeVersions.AssignmentNotice));
            await session.SaveChangesAsync();
        }
        return (cw, person, placement, NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0));
    }

    private static Task<HttpResponseMessage> Dispatch(HttpClient c, Guid notice, object body) => Post(c, $"/api/notices/{notice}/dispatch", body);

    private static Task<HttpResponseMessage> Receipt(HttpClient c, Guid notice, object body) => Post(c, $"/api/notices/{notice}/receipt", body);

    [Fact]
    public async Task A_placement_recorded_before_v3_has_its_notice_as_a_resource_handed_over_and_notified_on_the_day_it_was_served()
    {
        var served = Today.AddDays(-30);
        var (cw, person, placement, notice) = await LegacyPlacement(served: served);

        var body = await GetOk(cw, $"/api/notices/{notice}");

        body["id"]!.GetValue<string>().Should().Be(notice.ToString());
        body["kind"]!.GetValue<string>().Should().Be("heranziehungsbescheid");
        body["version"]!.GetValue<string>().Should().Be(NoticeVersions.AssignmentNotice);
        body["personId"]!.GetValue<string>().Should().Be(person.ToString());
        body["subjectId"]!.GetValue<string>().Should().Be(placement.ToString());
        body["issuedOn"]!.GetValue<string>().Should().Be(D(served));
        body["issuedBy"]!["name"]!.GetValue<string>().Should().Be("Erika Alt");
        body["issuedBy"]!["role"]!.GetValue<string>().Should().Be("caseworker");
        body["authority"]!["key"]!.GetValue<string>().Should().Be("bad-iburg");
        body["authority"]!["name"]!.GetValue<string>().Should().Be("Landkreis Osnabrück");
        body["dispatch"]!["method"]!.GetValue<string>().Should().Be("handed-over");
        body["dispatch"]!["on"]!.GetValue<string>().Should().Be(D(served));
        body["notifiedOn"]!.GetValue<string>().Should().Be(D(served));
        body["objectionDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.MonthDeadline(served)));
        body["remedy"]!.GetValue<string>().Should().Be("widerspruch");
        body["remedyDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.MonthDeadline(served)));
        body["origin"]!.GetValue<string>().Should().Be("service");
        body["annexes"]!.AsArray().Should().BeEmpty();

        var list = await cw.GetAsync($"/api/notices?personId={person}");
        var items = (await Ok(list)).AsArray();
        items.Select(n => n!["id"]!.GetValue<string>()).Should().Equal(notice.ToString());
        list.Headers.GetValues("X-Total-Count").Single().Should().Be("1");
        (await GetOk(await As("auditor", null, "auditor-notices"), $"/api/notices/{notice}"))["id"]!.GetValue<string>().Should().Be(notice.ToString());
    }

    [Fact]
    public async Task The_notice_pdf_is_the_Heranziehungsbescheid_dated_issuedOn_and_the_placement_route_stays_its_alias()
    {
        var served = Today.AddDays(-30);
        var (cw, _, placement, notice) = await LegacyPlacement(served: served);

        var pdf = await cw.GetAsync($"/api/notices/{notice}/pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var text = Unit.PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        text.Should().Contain("Heranziehungsbescheid").And.Contain("Datum: " + served.ToString("dd.MM.yyyy"));

        var alias = await cw.GetAsync($"/api/placements/{placement}/notice");
        alias.StatusCode.Should().Be(HttpStatusCode.OK);
        Unit.PdfText.Of(await alias.Content.ReadAsByteArrayAsync()).Should().Be(text);
    }

    [Fact]
    public async Task The_list_needs_a_person_the_caller_may_see_and_pages_like_every_list()
    {
        var (cw, person, _, _) = await LegacyPlacement();
        await ShouldBeProblem(await cw.GetAsync("/api/notices"), 400);
        await ShouldBeProblem(await cw.GetAsync("/api/notices?personId=abc"), 400);
        await ShouldBeProblem(await cw.GetAsync($"/api/notices?personId={person}&pageSize=501"), 400);
        await ShouldBeProblem(await cw.GetAsync($"/api/notices?personId={Guid.NewGuid()}"), 404);
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/notices?personId={person}"), 404);
        await ShouldBeProblem(await (await As("coordinator")).GetAsync($"/api/notices?personId={person}"), 403);
        await ShouldBeProblem(await (await As("payroll")).GetAsync($"/api/notices?personId={person}"), 403);

        var second = await cw.GetAsync($"/api/notices?personId={person}&page=2&pageSize=1");
        (await Ok(second)).AsArray().Should().BeEmpty();
        second.Headers.GetValues("X-Total-Count").Single().Should().Be("1");
    }

    [Fact]
    public async Task Another_municipality_finds_no_notice_and_other_roles_are_refused()
    {
        var (_, _, _, notice) = await LegacyPlacement();
        var melle = await Caseworker("melle");
        var melleOfficial = await As("official", "melle", "official-melle-notices");
        foreach (var client in new[] { melle, melleOfficial })
        {
            await ShouldBeProblem(await client.GetAsync($"/api/notices/{notice}"), 404);
            await ShouldBeProblem(await client.GetAsync($"/api/notices/{notice}/pdf"), 404);
            await Rejected(() => Dispatch(client, notice, new { method = "post", on = D(Today) }), 404);
            await Rejected(() => Receipt(client, notice, new { outcome = "not-received", note = "kam nicht an" }), 404);
        }
        await ShouldBeProblem(await (await As("coordinator")).GetAsync($"/api/notices/{notice}"), 403);
        var auditor = await As("auditor");
        await Rejected(() => Dispatch(auditor, notice, new { method = "post", on = D(Today) }), 403);
        await ShouldBeProblem(await (await Caseworker()).GetAsync($"/api/notices/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task Not_received_clears_the_notification_and_a_new_dispatch_by_post_is_notified_on_the_fourth_day_or_the_next_working_day()
    {
        var (cw, _, _, notice) = await LegacyPlacement(served: Today.AddDays(-30));

        var cleared = await Ok(await Receipt(cw, notice, new { outcome = "not-received", note = "Person war verreist" }));
        cleared["dispatch"].Should().BeNull();
        cleared["notifiedOn"].Should().BeNull();
        cleared["objectionDeadline"].Should().BeNull();
        await Rejected(() => Receipt(cw, notice, new { outcome = "returned", note = "zurück" }), 409, "not-dispatched");

        var sent = await Ok(await Dispatch(cw, notice, new { method = "post", on = D(Today) }));
        var notified = NoticeCalendar.NotifiedOn(DispatchMethod.Post, Today);
        sent["dispatch"]!["method"]!.GetValue<string>().Should().Be("post");
        sent["dispatch"]!["on"]!.GetValue<string>().Should().Be(D(Today));
        sent["dispatch"]!["recordedBy"]!.GetValue<string>().Should().Be("caseworker-bad-iburg");
        sent["notifiedOn"]!.GetValue<string>().Should().Be(D(notified));
        sent["objectionDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.MonthDeadline(notified)));
        (await GetOk(cw, $"/api/notices/{notice}"))["notifiedOn"]!.GetValue<string>().Should().Be(D(notified));

        await Rejected(() => Dispatch(cw, notice, new { method = "handed-over", on = D(Today) }), 409, "already-dispatched");
    }

    [Fact]
    public async Task A_dispatch_is_refused_in_the_future_before_the_issue_and_electronically_without_opened_access()
    {
        var served = Today.AddDays(-30);
        var (cw, _, _, notice) = await LegacyPlacement(served: served);
        await Ok(await Receipt(cw, notice, new { outcome = "returned", note = "Empfänger unbekannt" }));

        await Rejected(() => Dispatch(cw, notice, new { on = D(Today) }), 400);
        await Rejected(() => Dispatch(cw, notice, new { method = "fax", on = D(Today) }), 400);
        await Rejected(() => Dispatch(cw, notice, new { method = "post", on = D(Today.AddDays(1)) }), 422, "date-in-future");
        await Rejected(() => Dispatch(cw, notice, new { method = "post", on = D(served.AddDays(-1)) }), 422, "dispatch-before-issue");
        await Rejected(() => Dispatch(cw, notice, new { method = "electronic", on = D(Today) }), 422, "electronic-not-opened");
        await Rejected(() => Dispatch(cw, notice, new { method = "electronic", on = D(Today), accessOpened = false }), 422, "electronic-not-opened");

        var official = await As("official", null, "official-notices");
        var sent = await Ok(await Dispatch(official, notice, new { method = "electronic", on = D(Today.AddDays(-1)), accessOpened = true }));
        sent["notifiedOn"]!.GetValue<string>().Should().Be(D(NoticeCalendar.NotifiedOn(DispatchMethod.Electronic, Today.AddDays(-1))));
    }

    [Fact]
    public async Task Received_later_moves_the_notification_to_that_day_not_before_the_dispatch_and_not_in_the_future()
    {
        var served = Today.AddDays(-30);
        var (cw, _, _, notice) = await LegacyPlacement(served: served);

        await Rejected(() => Receipt(cw, notice, new { outcome = "received-later", note = "kam später" }), 422, "receipt-date-required");
        await Rejected(() => Receipt(cw, notice, new { outcome = "received-later", on = D(served.AddDays(-1)), note = "x" }), 422, "receipt-before-dispatch");
        await Rejected(() => Receipt(cw, notice, new { outcome = "received-later", on = D(Today.AddDays(1)), note = "x" }), 422, "date-in-future");
        await Rejected(() => Receipt(cw, notice, new { outcome = "received-later", on = D(Today) }), 400);
        await Rejected(() => Receipt(cw, notice, new { outcome = "lost", note = "x" }), 400);

        var later = await Ok(await Receipt(cw, notice, new { outcome = "received-later", on = D(served.AddDays(5)), note = "Brief lag beim Nachbarn" }));
        later["notifiedOn"]!.GetValue<string>().Should().Be(D(served.AddDays(5)));
        later["dispatch"]!["on"]!.GetValue<string>().Should().Be(D(served));
        later["remedyDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.MonthDeadline(served.AddDays(5))));
    }

    [Fact]
    public async Task A_refusal_waits_for_the_notification_and_staying_away_for_the_start()
    {
        var served = Today.AddDays(-30); // work from served + 7
        var (cw, _, placement, notice) = await LegacyPlacement(served: served);
        Task<HttpResponseMessage> Refuse(DateOnly date, string kind) =>
            Post(cw, $"/api/placements/{placement}/refusals", new { date = D(date), kind, statedReason = "will nicht" });

        await Rejected(() => Refuse(served.AddDays(-1), "explicit"), 422, "refusal-before-notification");
        await Rejected(() => Refuse(served.AddDays(3), "no-show"), 422, "refusal-before-start");
        await Rejected(() => Refuse(served.AddDays(6), "dropped-out"), 422, "refusal-before-start");
        await Ok(await Refuse(served.AddDays(3), "explicit"), HttpStatusCode.Created);
        await Ok(await Refuse(served.AddDays(7), "no-show"), HttpStatusCode.Created);

        // The person never received it: until it goes out again, nothing can be refused.
        await Ok(await Receipt(cw, notice, new { outcome = "not-received", note = "nie angekommen" }));
        await Rejected(() => Refuse(Today.AddDays(-1), "explicit"), 422, "refusal-before-notification");

        await Ok(await Dispatch(cw, notice, new { method = "handed-over", on = D(Today.AddDays(-2)) }));
        await Rejected(() => Refuse(Today.AddDays(-3), "explicit"), 422, "refusal-before-notification");
        await Ok(await Refuse(Today.AddDays(-2), "no-show"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_assignment_without_noticeServedOn_issues_the_Heranziehungsbescheid_today_undispatched_and_nothing_can_be_refused_until_it_is_notified()
    {
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);
        await Rejected(() => Post(cw, "/api/placements", AssignmentFields.Body(person, offer, Today.AddDays(-1), 10)),
            422, "start-before-notice");

        var created = await Ok(await Post(cw, "/api/placements", AssignmentFields.Body(person, offer, Today, 10)),
            HttpStatusCode.Created);
        var placement = IdOf(created);
        var notice = IdOf(created, "noticeId");
        notice.Should().Be(NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0));

        var issued = await GetOk(cw, $"/api/notices/{notice}");
        issued["origin"]!.GetValue<string>().Should().Be("service");
        issued["issuedOn"]!.GetValue<string>().Should().Be(D(Today));
        issued["issuedBy"]!["name"]!.GetValue<string>().Should().Be("Test caseworker-bad-iburg");
        issued["dispatch"].Should().BeNull();
        issued["notifiedOn"].Should().BeNull();
        var view = await GetOk(cw, $"/api/placements/{placement}");
        view["noticeId"]!.GetValue<string>().Should().Be(notice.ToString());
        view["noticeServedOn"].Should().BeNull();

        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today), kind = "explicit", statedReason = "nein" }),
            422, "refusal-before-notification");

        var sent = await Ok(await Dispatch(cw, notice, new { method = "handed-over", on = D(Today) }));
        sent["notifiedOn"]!.GetValue<string>().Should().Be(D(Today));
        (await GetOk(cw, $"/api/placements/{placement}"))["noticeServedOn"]!.GetValue<string>().Should().Be(D(Today));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today), kind = "explicit", statedReason = "nein" }), HttpStatusCode.Created);

        var pdf = await cw.GetAsync($"/api/notices/{notice}/pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        Unit.PdfText.Of(await pdf.Content.ReadAsByteArrayAsync()).Should().Contain("Datum: " + Today.ToString("dd.MM.yyyy"));
    }

    [Fact]
    public async Task An_assignment_with_noticeServedOn_records_an_external_notice_handed_over_that_day_without_a_pdf_while_an_old_placement_keeps_its_pdf()
    {
        var served = Today.AddDays(-20);
        var cw = await Caseworker(userId: "cw-external");
        var offer = await NewOffer(cw);
        var person = await NewPerson(cw);

        var created = await Ok(await Post(cw, "/api/placements",
            new { personId = person, offerId = offer, noticeServedOn = D(served), startsOn = D(Today.AddDays(-14)), hoursPerWeek = 10 }), HttpStatusCode.Created);
        var placement = IdOf(created);
        var notice = IdOf(created, "noticeId");
        notice.Should().Be(NoticeIssuing.IdFor(placement, NoticeKind.Heranziehungsbescheid, 0));

        var body = await GetOk(cw, $"/api/notices/{notice}");
        body["kind"]!.GetValue<string>().Should().Be("heranziehungsbescheid");
        body["origin"]!.GetValue<string>().Should().Be("external");
        body["version"].Should().BeNull();
        body["issuedOn"]!.GetValue<string>().Should().Be(D(served));
        body["issuedBy"]!["name"]!.GetValue<string>().Should().Be("Test cw-external");
        body["issuedBy"]!["role"]!.GetValue<string>().Should().Be("caseworker");
        body["dispatch"]!["method"]!.GetValue<string>().Should().Be("handed-over");
        body["dispatch"]!["on"]!.GetValue<string>().Should().Be(D(served));
        body["notifiedOn"]!.GetValue<string>().Should().Be(D(served));
        body["objectionDeadline"]!.GetValue<string>().Should().Be(D(NoticeCalendar.MonthDeadline(served)));
        var view = await GetOk(cw, $"/api/placements/{placement}");
        view["noticeId"]!.GetValue<string>().Should().Be(notice.ToString());
        view["noticeServedOn"]!.GetValue<string>().Should().Be(D(served));

        var stored = (await Factory.Stream(person)).Select(e => e.Data).ToList();
        stored.OfType<PersonAssigned>().Single().NoticeId.Should().Be(notice);
        stored.OfType<NoticeIssued>().Single().Should().Match<NoticeIssued>(e =>
            e.NoticeId == notice && e.Origin == NoticeOrigin.External && e.Version == null && e.IssuedOn == served && e.IssuedBy == "cw-external");
        stored.OfType<NoticeDispatched>().Single().Should().Match<NoticeDispatched>(e =>
            e.NoticeId == notice && e.Method == DispatchMethod.HandedOver && e.On == served && e.NotifiedOn == served && e.RecordedBy == "cw-external");

        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{notice}/pdf"), 409, "notice-external");
        await ShouldBeProblem(await cw.GetAsync($"/api/placements/{placement}/notice"), 409, "notice-external");

        // Recorded before v3 (no notice id on the event): the inferred service notice still prints.
        var (oldCw, _, oldPlacement, oldNotice) = await LegacyPlacement(served: served);
        (await GetOk(oldCw, $"/api/notices/{oldNotice}"))["origin"]!.GetValue<string>().Should().Be("service");
        foreach (var url in new[] { $"/api/notices/{oldNotice}/pdf", $"/api/placements/{oldPlacement}/notice" })
        {
            var pdf = await oldCw.GetAsync(url);
            pdf.StatusCode.Should().Be(HttpStatusCode.OK, url);
            pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        }
    }
}
