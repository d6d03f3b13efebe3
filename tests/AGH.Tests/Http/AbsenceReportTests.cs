using System.Net;
using System.Text.Json.Nodes;
using AGH.Api.Infrastructure;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

/// <summary>Contract v3c and the legal corrections: a provider's absence reports and the office's refusal or dismissal of them.</summary>
[Collection(HttpCollection.Name)]
public sealed class AbsenceReportTests(AghFactory factory) : HttpTest(factory)
{
    private static string NewProviderId() => "traeger-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A placement on a provider's offer, notified 60 days ago, begun 50 days ago (refusals may be recorded from it).</summary>
    private async Task<(HttpClient Cw, HttpClient Provider, Guid Person, Guid Placement, string ProviderId)> ProviderPlacement(string municipality = "bad-iburg")
    {
        var providerId = NewProviderId();
        var cw = await Caseworker(municipality);
        var offer = await NewOffer(cw, municipality);
        await SetProvider(offer, providerId);
        var person = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offer, person);
        return (cw, await Provider(providerId, "p-" + providerId), person, placement, providerId);
    }

    private static object Report(DateOnly date, string kind, string note = "Nicht zur Arbeit erschienen, nicht abgemeldet") => new { date = date.ToString("yyyy-MM-dd"), kind, note };

    [Fact]
    public async Task A_provider_reports_an_absence_on_its_placement_as_an_event_with_its_legal_basis_and_the_caseworker_lists_it_open()
    {
        var (cw, provider, person, placement, providerId) = await ProviderPlacement();
        var response = await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today.AddDays(-3), "no-show"));
        var created = await Ok(response, HttpStatusCode.Created);
        var id = IdOf(created);
        response.Headers.Location!.ToString().Should().Be($"/api/absence-reports/{id}");
        created["placementId"]!.GetValue<string>().Should().Be(placement.ToString());
        created["personId"]!.GetValue<string>().Should().Be(person.ToString());
        created["kind"]!.GetValue<string>().Should().Be("no-show");
        created["status"]!.GetValue<string>().Should().Be("open");
        created["date"]!.GetValue<string>().Should().Be(D(Today.AddDays(-3)));
        created["reportedBy"]!.GetValue<string>().Should().Be("p-" + providerId);

        var stored = (await Factory.Stream(person)).Last();
        var e = stored.Data.Should().BeOfType<AbsenceReported>().Subject;
        (e.ReportId, e.Kind, e.ProviderId, e.Note).Should().Be((id, AbsenceKind.NoShow, providerId, "Nicht zur Arbeit erschienen, nicht abgemeldet"));
        EventHeaders.LegalBasisOf(stored).Should().Be("§ 5 Abs. 3 und 4 AsylbLG");
        EventHeaders.ActorOf(stored)!.Role.Should().Be("provider");

        var listed = (await GetOk(cw, "/api/absence-reports?status=open&pageSize=500")).AsArray();
        var item = listed.Single(x => IdOf(x!) == id)!;
        item.AsObject().Select(p => p.Key).Should().Contain(["id", "placementId", "personId", "offerId", "date", "kind", "note", "status", "reportedBy", "refusalId"]);
        item["refusalId"].Should().BeNull();
        (await GetOk(cw, "/api/absence-reports?status=recorded&pageSize=500")).AsArray().Should().NotContain(x => IdOf(x!) == id);
        (await GetOk(cw, $"/api/absence-reports/{id}"))["status"]!.GetValue<string>().Should().Be("open");
        (await GetOk(provider, "/api/absence-reports")).AsArray().Select(x => IdOf(x!)).Should().Equal(id);
        var page = await cw.GetAsync("/api/absence-reports?pageSize=1");
        page.Headers.GetValues(Paging.TotalCountHeader).Single().Should().NotBe("0");
    }

    [Fact]
    public async Task A_report_is_dated_inside_the_placement_and_not_in_the_future_and_only_on_the_providers_own_placements()
    {
        var (cw, provider, _, placement, _) = await ProviderPlacement();
        await Rejected(() => Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today.AddDays(1), "no-show")), 422, "date-in-future");
        await Rejected(() => Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today.AddDays(-51), "no-show")), 422, "outside-placement");
        // v3c's "explicit-refusal" is spelt "explicit" by the exact rules (the refusal kinds).
        await Rejected(() => Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today, "explicit-refusal")), 400);
        await Rejected(() => Post(provider, $"/api/placements/{placement}/absence-reports", new { kind = "no-show" }), 400);
        await Rejected(() => Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today, "no-show", new string('x', 2001))), 400);

        var other = await ProviderPlacement();
        await Rejected(() => Post(provider, $"/api/placements/{other.Placement}/absence-reports", Report(Today, "no-show")), 404);
        await Rejected(() => Post(provider, $"/api/placements/{Guid.NewGuid()}/absence-reports", Report(Today, "no-show")), 404);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/absence-reports", Report(Today, "no-show")), 403);
        (await Ok(await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today.AddDays(-50), "explicit")), HttpStatusCode.Created))
            ["kind"]!.GetValue<string>().Should().Be("explicit");
    }

    [Theory]
    [InlineData("explicit", RefusalKind.Explicit)]
    [InlineData("no-show", RefusalKind.NoShow)]
    [InlineData("dropped-out", RefusalKind.DroppedOut)]
    public async Task The_caseworker_records_the_refusal_from_a_report_and_the_refusal_names_the_report(string kind, RefusalKind refusalKind)
    {
        var (cw, provider, person, placement, _) = await ProviderPlacement();
        var report = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today.AddDays(-2), kind, "ging nach einer Stunde")),
            HttpStatusCode.Created));

        var response = await Post(cw, $"/api/absence-reports/{report}/refusal", new { });
        var refusalId = IdOf(await Ok(response, HttpStatusCode.Created), "refusalId");

        var events = (await Factory.Stream(person)).TakeLast(2).ToList();
        var refusal = events[0].Data.Should().BeOfType<RefusalRecorded>().Subject;
        (refusal.RefusalId, refusal.Date, refusal.Kind, refusal.StatedReason, refusal.AbsenceReportId)
            .Should().Be((refusalId, Today.AddDays(-2), refusalKind, "ging nach einer Stunde", (Guid?)report));
        events[1].Data.Should().BeOfType<AbsenceReportRecordedAsRefusal>().Which.RefusalId.Should().Be(refusalId);
        EventHeaders.LegalBasisOf(events[1]).Should().Be("§ 5 Abs. 4 AsylbLG");

        var shown = (await GetOk(cw, $"/api/placements/{placement}"))["refusals"]!.AsArray().Single()!;
        shown["absenceReportId"]!.GetValue<string>().Should().Be(report.ToString());
        shown["kind"]!.GetValue<string>().Should().Be(kind);
        var read = await GetOk(cw, $"/api/absence-reports/{report}");
        read["status"]!.GetValue<string>().Should().Be("recorded");
        read["refusalId"]!.GetValue<string>().Should().Be(refusalId.ToString());
        // The provider sees that the report was handled, never the refusal.
        var providerView = await GetOk(provider, $"/api/absence-reports/{report}");
        providerView["status"]!.GetValue<string>().Should().Be("recorded");
        providerView["refusalId"].Should().BeNull();

        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/refusal", new { }), 409, "report-closed");
        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/dismissal", new { reason = "doch entschuldigt" }), 409, "report-closed");
    }

    [Fact]
    public async Task Reported_sick_is_not_a_refusal_and_is_dismissed_once_with_a_reason_the_provider_never_sees()
    {
        var (cw, provider, person, placement, _) = await ProviderPlacement();
        var report = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today, "reported-sick", "hat sich krank gemeldet")),
            HttpStatusCode.Created));
        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/refusal", new { }), 422, "not-a-refusal");
        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/dismissal", new { }), 400);
        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/dismissal", new { reason = "" }), 400);

        var dismissed = await Ok(await Post(cw, $"/api/absence-reports/{report}/dismissal", new { reason = "Attest vorgelegt" }));
        dismissed["status"]!.GetValue<string>().Should().Be("dismissed");
        dismissed["dismissalReason"]!.GetValue<string>().Should().Be("Attest vorgelegt");
        var stored = (await Factory.Stream(person)).Last();
        stored.Data.Should().BeOfType<AbsenceReportDismissed>().Which.Reason.Should().Be("Attest vorgelegt");
        EventHeaders.LegalBasisOf(stored).Should().Be("§ 5 Abs. 3 und 4 AsylbLG");

        var seen = await GetOk(provider, $"/api/absence-reports/{report}");
        seen["status"]!.GetValue<string>().Should().Be("dismissed");
        seen.ToJsonString().Should().NotContain("Attest");
        (await GetOk(provider, "/api/absence-reports?status=dismissed")).AsArray().Single()!.ToJsonString().Should().NotContain("Attest");

        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/dismissal", new { reason = "nochmal" }), 409, "report-closed");
        // Closed first (409 before 422 in the exact rules' order).
        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/refusal", new { }), 409, "report-closed");
    }

    [Fact]
    public async Task The_refusals_own_rules_answer_unchanged_and_leave_the_report_open()
    {
        // The Heranziehungsbescheid issued today is not dispatched: nothing can be refused yet.
        var providerId = NewProviderId();
        var cw = await Caseworker();
        var offer = await NewOffer(cw);
        await SetProvider(offer, providerId);
        var placement = await NewIssuedPlacement(cw, offer, await NewPerson(cw));
        var provider = await Provider(providerId);
        var report = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today, "no-show")), HttpStatusCode.Created));

        await Rejected(() => Post(cw, $"/api/absence-reports/{report}/refusal", new { }), 422, "refusal-before-notification");
        (await GetOk(cw, $"/api/absence-reports/{report}"))["status"]!.GetValue<string>().Should().Be("open");
    }

    [Fact]
    public async Task Reports_are_seen_by_their_municipality_their_provider_and_auditors_and_handled_by_caseworkers_only()
    {
        var (cw, provider, _, placement, _) = await ProviderPlacement();
        var report = IdOf(await Ok(await Post(provider, $"/api/placements/{placement}/absence-reports", Report(Today, "no-show")), HttpStatusCode.Created));

        var melle = await Caseworker("melle");
        (await GetOk(melle, "/api/absence-reports?pageSize=500")).AsArray().Should().NotContain(x => IdOf(x!) == report);
        await ShouldBeProblem(await melle.GetAsync($"/api/absence-reports/{report}"), 404);
        await Rejected(() => Post(melle, $"/api/absence-reports/{report}/refusal", new { }), 404);
        await Rejected(() => Post(melle, $"/api/absence-reports/{report}/dismissal", new { reason = "entschuldigt" }), 404);
        await Rejected(() => Post(cw, $"/api/absence-reports/{Guid.NewGuid()}/refusal", new { }), 404);

        var otherProvider = await Provider(NewProviderId());
        (await GetOk(otherProvider, "/api/absence-reports")).AsArray().Should().BeEmpty();
        await ShouldBeProblem(await otherProvider.GetAsync($"/api/absence-reports/{report}"), 404);

        (await GetOk(await As("auditor", null, "aud-abs"), $"/api/absence-reports/{report}"))["id"].Should().NotBeNull();
        (await GetOk(await As("official", "bad-iburg", "off-abs"), $"/api/absence-reports/{report}"))["id"].Should().NotBeNull();
        (await GetOk(await As("official", null, "off-all"), $"/api/absence-reports/{report}"))["id"].Should().NotBeNull();
        await ShouldBeProblem(await (await As("payroll", null, "pay-abs")).GetAsync("/api/absence-reports"), 403);
        await ShouldBeProblem(await (await As("coordinator", null, "coord-abs")).GetAsync("/api/absence-reports"), 403);
        await Rejected(() => Post(provider, $"/api/absence-reports/{report}/refusal", new { }), 403);
        await Rejected(() => Post(provider, $"/api/absence-reports/{report}/dismissal", new { reason = "entschuldigt" }), 403);
        var official = await As("official", "bad-iburg", "off-abs");
        await Rejected(() => Post(official, $"/api/absence-reports/{report}/dismissal", new { reason = "entschuldigt" }), 403);

        foreach (var bad in new[] { "status=closed", "status=open&status=recorded", "pageSize=501", "page=0" })
            await ShouldBeProblem(await cw.GetAsync($"/api/absence-reports?{bad}"), 400);
    }
}
