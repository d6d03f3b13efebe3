using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Marten.Events;

namespace AGH.Tests.Http;

/// <summary>
/// A database of its own (the report counts the whole district), and a clock that starts on the 20th of the previous
/// month: what is recorded then (proposals, approvals, objections carry no business date) falls in that month.
/// </summary>
public sealed class DistrictReportFactory : AghFactory
{
    public DistrictReportFactory()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime);
        var previous = new DateOnly(today.Year, today.Month, 1).AddMonths(-1).AddDays(19);
        RealNow = DateTimeOffset.UtcNow;
        Time.AdjustTime(new DateTimeOffset(previous.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
    }

    /// <summary>When the host was built: the test moves the clock back here for the current month.</summary>
    public DateTimeOffset RealNow { get; }
}

[CollectionDefinition(Name)]
public sealed class DistrictReportCollection : ICollectionFixture<DistrictReportFactory>
{
    public const string Name = "district-report";
}

/// <summary>Contract v3c "The district's report" and "exact rules": GET /api/reports/placements as JSON, CSV and PDF.</summary>
[Collection(DistrictReportCollection.Name)]
public sealed class DistrictReportTests(DistrictReportFactory factory) : HttpTest(factory)
{
    private sealed record Seeded(string M1, string M2, DateOnly M2Last, DateOnly Today2);

    private static Task<Seeded>? _seeded;
    private static readonly object Gate = new();

    private Task<Seeded> Seed()
    {
        lock (Gate) return _seeded ??= SeedOnce();
    }

    private static string Month(DateOnly d) => d.ToString("yyyy-MM");

    /// <summary>
    /// Two municipalities over two months (M1: the previous month, recorded on its 20th; M2: the current month, today).
    /// Bad Iburg: A1 works (150 minutes in M1 after a correction, paid 200 cents) and leaves for regular employment in M2;
    /// A2 refuses, is restricted in M1, objects in M1, the objection is upheld in M2 (restriction withdrawn) and works 60
    /// minutes in M2; A3's entitlement ends in M1. Melle: B1 works 90 minutes (120 cents) and leaves for training in M1;
    /// B2 refuses and is restricted in M1, objects in M2 (dismissed), the restriction ends early and B2 leaves for studies
    /// in M2; B3 is entitled. Places: Iburg 3 municipal (+2 non-profit from M2), Melle 4 district (6 from M2) and 1 non-profit
    /// (withdrawn in M2).
    /// </summary>
    private async Task<Seeded> SeedOnce()
    {
        var today1 = Today;
        var m1First = new DateOnly(today1.Year, today1.Month, 1);
        var coordinator = await As("coordinator", null, "co-report");
        var iburg = await Caseworker("bad-iburg", "cw-report-iburg");
        var melle = await Caseworker("melle", "cw-report-melle");

        var oa1 = await NewOffer(coordinator, "bad-iburg", places: 3, providerType: "municipality");
        var ob1 = await NewOffer(coordinator, "melle", places: 4, providerType: "district");
        var ob2 = await NewOffer(coordinator, "melle", places: 1, providerType: "nonprofit");

        async Task<Guid> Placed(HttpClient cw, string municipality, Guid offer)
        {
            var person = await NewPerson(cw, municipality);
            return await NewPlacement(cw, offer, person, notice: m1First.AddDays(-10), startsOn: m1First);
        }
        async Task<Guid> Hours(HttpClient cw, Guid placement, DateOnly date, int minutes) =>
            IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(date), minutes }), HttpStatusCode.Created), "entryId");
        async Task<(Guid Person, Guid Proposal)> Restricted(HttpClient cw, string municipality, Guid placement, DateOnly refusedOn)
        {
            var person = (await GetOk(cw, $"/api/placements/{placement}"))["personId"]!.GetValue<string>();
            var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
                new { date = D(refusedOn), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
            await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
            await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(refusedOn.AddDays(2)), statement = "keine Äußerung" }));
            var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
                new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
            var decided = await Ok(await Post(await As("official", municipality, $"off-approve-{municipality}"), $"/api/sanction-proposals/{proposal}/decision",
                new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
            await NotifyDecision(Guid.Parse(person), decided);
            return (Guid.Parse(person), proposal);
        }

        // M1, recorded on its 20th.
        var a1 = await Placed(iburg, "bad-iburg", oa1);
        await Hours(iburg, a1, m1First.AddDays(1), 120);
        var corrected = await Hours(iburg, a1, m1First.AddDays(2), 60);
        await Ok(await Post(iburg, $"/api/placements/{a1}/hours/{corrected}/correction", new { minutes = 30, reason = "nur halbe Stunde" }), HttpStatusCode.Created);
        var a2 = await Placed(iburg, "bad-iburg", oa1);
        var (_, a2Proposal) = await Restricted(iburg, "bad-iburg", a2, m1First.AddDays(3));
        await Ok(await Post(iburg, $"/api/sanction-proposals/{a2Proposal}/objection", new { receivedOn = D(Today), statement = "Ich war krank." }), HttpStatusCode.Created);
        var a3 = await NewPerson(iburg, "bad-iburg");
        await Ok(await Post(iburg, $"/api/persons/{a3}/entitlement-end", new { date = D(m1First.AddDays(4)), reason = "Wegzug" }));

        var b1 = await Placed(melle, "melle", ob1);
        await Hours(melle, b1, m1First.AddDays(1), 90);
        await Ok(await Post(melle, $"/api/placements/{b1}/end", new { date = D(m1First.AddDays(10)), reason = "training" }));
        var b2 = await Placed(melle, "melle", ob1);
        var (_, b2Proposal) = await Restricted(melle, "melle", b2, m1First.AddDays(2));
        await NewPerson(melle, "melle");

        // M2: today. Tokens are issued afresh, as the clock moved past the earlier ones' lifetime.
        Factory.Time.SetUtcNow(factory.RealNow);
        var today2 = Today;
        coordinator = await As("coordinator", null, "co-report");
        iburg = await Caseworker("bad-iburg", "cw-report-iburg");
        melle = await Caseworker("melle", "cw-report-melle");
        var m2First = new DateOnly(today2.Year, today2.Month, 1);

        await NewOffer(coordinator, "bad-iburg", places: 2, providerType: "nonprofit", startsOn: m2First);
        await Ok(await Post(coordinator, $"/api/offers/{ob1}/places", new { places = 6 }));
        await Ok(await Post(coordinator, $"/api/offers/{ob2}/withdrawal", new { date = D(today2), reason = "Träger zieht zurück" }));

        await Ok(await Post(await As("official", "bad-iburg", "off-decide-iburg"), $"/api/sanction-proposals/{a2Proposal}/objection/decision",
            new { upheld = true, reasoning = "Attest lag doch vor" }));
        await Hours(iburg, a2, today2, 60);
        await Ok(await Post(iburg, $"/api/placements/{a1}/end", new { date = D(today2), reason = "regular-employment" }));

        var melleOfficial = await As("official", "melle", "off-decide-melle");
        await Ok(await Post(melle, $"/api/sanction-proposals/{b2Proposal}/objection", new { receivedOn = D(today2), statement = "Ich widerspreche." }), HttpStatusCode.Created);
        await Ok(await Post(melleOfficial, $"/api/sanction-proposals/{b2Proposal}/objection/decision", new { upheld = false, reasoning = "Kein wichtiger Grund" }));
        await Ok(await Post(melleOfficial, $"/api/sanction-proposals/{b2Proposal}/restriction/end", new { date = D(today2), reason = "duty-fulfilled", reasoning = "arbeitet wieder" }));
        await Ok(await Post(melle, $"/api/placements/{b2}/end", new { date = D(today2), reason = "studies" }));

        // The run of M1, released by a second clerk: 150 minutes (200 cents) in Bad Iburg, 90 (120 cents) in Melle.
        var run = IdOf(await Ok(await Post(await As("payroll", null, "pay-report-1"), "/api/payout-runs", new { month = Month(m1First) }), HttpStatusCode.Created));
        await Ok(await Post(await As("payroll", null, "pay-report-2"), $"/api/payout-runs/{run}/release", new { }));

        await Factory.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return new Seeded(Month(m1First), Month(m2First), m2First.AddMonths(1).AddDays(-1), today2);
    }

    private static string Row(JsonNode report, string month, string municipality) =>
        report["rows"]!.AsArray().Single(r => r!["month"]!.GetValue<string>() == month && r["municipality"]!.GetValue<string>() == municipality)!.ToJsonString();

    private static string Zero(string month, string municipality) =>
        $$"""{"month":"{{month}}","municipality":"{{municipality}}","placesOffered":{"municipality":0,"district":0,"nonprofit":0},"personsEntitled":0,"personsPlaced":0,"minutes":0,"amountPaidCents":0,"refusals":0,"proposals":0,"restrictionsApproved":0,"restrictionsWithdrawn":0,"restrictionsEndedEarly":0,"objections":{"upheld":0,"partlyUpheld":0,"dismissed":0,"pending":0},"endedRegularEmployment":0,"endedTraining":0,"endedStudies":0}""";

    [Fact]
    public async Task Every_field_of_every_row_and_the_totals_counts_what_happened_in_its_month_and_municipality()
    {
        var s = await Seed();
        var report = await GetOk(await As("coordinator", null, "co-read"), $"/api/reports/placements?from={s.M1}&to={s.M2}");

        report["from"]!.GetValue<string>().Should().Be(s.M1);
        report["to"]!.GetValue<string>().Should().Be(s.M2);
        report["rows"]!.AsArray().Should().HaveCount(42, "every municipality has a row per month");
        Row(report, s.M1, "bad-iburg").Should().Be(
            $$"""{"month":"{{s.M1}}","municipality":"bad-iburg","placesOffered":{"municipality":3,"district":0,"nonprofit":0},"personsEntitled":2,"personsPlaced":2,"minutes":150,"amountPaidCents":200,"refusals":1,"proposals":1,"restrictionsApproved":1,"restrictionsWithdrawn":0,"restrictionsEndedEarly":0,"objections":{"upheld":0,"partlyUpheld":0,"dismissed":0,"pending":1},"endedRegularEmployment":0,"endedTraining":0,"endedStudies":0}""");
        Row(report, s.M1, "melle").Should().Be(
            $$"""{"month":"{{s.M1}}","municipality":"melle","placesOffered":{"municipality":0,"district":4,"nonprofit":1},"personsEntitled":3,"personsPlaced":1,"minutes":90,"amountPaidCents":120,"refusals":1,"proposals":1,"restrictionsApproved":1,"restrictionsWithdrawn":0,"restrictionsEndedEarly":0,"objections":{"upheld":0,"partlyUpheld":0,"dismissed":0,"pending":0},"endedRegularEmployment":0,"endedTraining":1,"endedStudies":0}""");
        Row(report, s.M2, "bad-iburg").Should().Be(
            $$"""{"month":"{{s.M2}}","municipality":"bad-iburg","placesOffered":{"municipality":3,"district":0,"nonprofit":2},"personsEntitled":2,"personsPlaced":2,"minutes":60,"amountPaidCents":0,"refusals":0,"proposals":0,"restrictionsApproved":0,"restrictionsWithdrawn":1,"restrictionsEndedEarly":0,"objections":{"upheld":1,"partlyUpheld":0,"dismissed":0,"pending":0},"endedRegularEmployment":1,"endedTraining":0,"endedStudies":0}""");
        Row(report, s.M2, "melle").Should().Be(
            $$"""{"month":"{{s.M2}}","municipality":"melle","placesOffered":{"municipality":0,"district":6,"nonprofit":0},"personsEntitled":3,"personsPlaced":1,"minutes":0,"amountPaidCents":0,"refusals":0,"proposals":0,"restrictionsApproved":0,"restrictionsWithdrawn":0,"restrictionsEndedEarly":1,"objections":{"upheld":0,"partlyUpheld":0,"dismissed":1,"pending":0},"endedRegularEmployment":0,"endedTraining":0,"endedStudies":1}""");
        Row(report, s.M1, "wallenhorst").Should().Be(Zero(s.M1, "wallenhorst"));
        Row(report, s.M2, "sg-artland").Should().Be(Zero(s.M2, "sg-artland"));

        // The current month's stocks are today's: the placements ended today still count (their last day of work).
        // Totals: flows over both months, stocks (places, persons) as the month "to" counts them.
        report["totals"]!.ToJsonString().Should().Be(
            $$"""{"placesOffered":{"municipality":3,"district":6,"nonprofit":2},"personsEntitled":5,"personsPlaced":3,"minutes":300,"amountPaidCents":320,"refusals":2,"proposals":2,"restrictionsApproved":2,"restrictionsWithdrawn":1,"restrictionsEndedEarly":1,"objections":{"upheld":1,"partlyUpheld":0,"dismissed":1,"pending":1},"endedRegularEmployment":1,"endedTraining":1,"endedStudies":1}""");

        // One month only: its stocks are the totals' stocks.
        var first = await GetOk(await As("auditor", null, "aud-report"), $"/api/reports/placements?from={s.M1}&to={s.M1}");
        first["rows"]!.AsArray().Should().HaveCount(21);
        first["totals"]!.ToJsonString().Should().Be(
            """{"placesOffered":{"municipality":3,"district":4,"nonprofit":1},"personsEntitled":5,"personsPlaced":3,"minutes":240,"amountPaidCents":320,"refusals":2,"proposals":2,"restrictionsApproved":2,"restrictionsWithdrawn":0,"restrictionsEndedEarly":0,"objections":{"upheld":0,"partlyUpheld":0,"dismissed":0,"pending":1},"endedRegularEmployment":0,"endedTraining":1,"endedStudies":0}""");
        first.ToJsonString().Should().NotContain("Amina").And.NotContain("Yusuf").And.NotContain("AZ-50-");
    }

    [Fact]
    public async Task The_CSV_has_a_BOM_the_fields_in_order_and_counts_of_one_or_two_as_below_three()
    {
        var s = await Seed();
        var client = await As("auditor", null, "aud-report");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/placements?from={s.M1}&to={s.M2}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].Should().Be("month;municipality;placesMunicipality;placesDistrict;placesNonprofit;personsEntitled;personsPlaced;minutes;amountPaidCents;"
            + "refusals;proposals;restrictionsApproved;restrictionsWithdrawn;restrictionsEndedEarly;objectionsUpheld;objectionsPartlyUpheld;"
            + "objectionsDismissed;objectionsPending;endedRegularEmployment;endedTraining;endedStudies");
        lines.Should().HaveCount(1 + 42 + 1 + 1, "header, 42 rows, the totals, and the last line's end");
        lines[^1].Should().BeEmpty();
        // Persons and cases of 1 or 2 read <3; places, minutes and amounts as they are; 0 stays 0.
        lines.Should().Contain($"{s.M1};bad-iburg;3;0;0;<3;<3;150;200;<3;<3;<3;0;0;0;0;0;<3;0;0;0");
        lines.Should().Contain($"{s.M1};melle;0;4;1;3;<3;90;120;<3;<3;<3;0;0;0;0;0;0;0;<3;0");
        lines.Should().Contain($"{s.M2};melle;0;6;0;3;<3;0;0;0;0;0;0;<3;0;0;<3;0;0;0;<3");
        lines.Should().Contain($"{s.M2};wallenhorst;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0");
        lines[^2].Should().Be($"total;;3;6;2;5;3;300;320;<3;<3;<3;<3;<3;<3;0;<3;<3;<3;<3;<3");
        Encoding.UTF8.GetString(bytes).Should().NotContain("Amina").And.NotContain("Yusuf");
    }

    [Fact]
    public async Task The_PDF_for_the_committee_has_German_headings_the_targets_masked_counts_and_names_no_person()
    {
        var s = await Seed();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/placements?from={s.M1}&to={s.M2}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        var response = await (await As("official", null, "off-district-report")).SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var text = Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());

        var m1First = DateOnly.ParseExact(s.M1 + "-01", "yyyy-MM-dd");
        text.Should().Contain("Landkreis Osnabrück")
            .And.Contain("Bericht an den Ausschuss: Arbeitsgelegenheiten nach § 5 AsylbLG")
            .And.Contain($"Zeitraum: {m1First:dd.MM.yyyy} bis {s.M2Last:dd.MM.yyyy}")
            .And.Contain($"Stand: {s.Today2:dd.MM.yyyy}")
            .And.Contain($"Plätze und Zielwerte am {s.Today2:dd.MM.yyyy}")
            .And.Contain("Kommunen").And.Contain("3 von 150 Plätzen")
            .And.Contain("Landkreis").And.Contain("6 von 50 Plätzen")
            .And.Contain("Gemeinnützige Träger").And.Contain("2 von 100 Plätzen")
            .And.Contain("Monatswerte des Landkreises").And.Contain("Gemeinden im Zeitraum")
            .And.Contain("Bad Iburg").And.Contain("Melle").And.Contain("Gesamt")
            .And.Contain("<3")
            .And.Contain("3,20 EUR").And.Contain("2,00 EUR").And.Contain("1,20 EUR");
        // The month of Bad Iburg's two placed persons, masked; Melle's three entitled persons, exact.
        text.Should().Contain($"{s.M1[5..]}.{s.M1[..4]} 3 4 1 5 3 4 3,20 EUR");
        text.Should().NotContain("Amina").And.NotContain("Yusuf").And.NotContain("AZ-50-");
    }

    [Fact]
    public async Task Coordinators_officials_and_auditors_read_it_an_official_of_a_municipality_only_its_rows()
    {
        var s = await Seed();
        var url = $"/api/reports/placements?from={s.M1}&to={s.M2}";
        await GetOk(await As("coordinator", null, "co-read"), url);
        await GetOk(await As("auditor", null, "aud-report"), url);
        (await GetOk(await As("official", null, "off-all"), url))["rows"]!.AsArray().Should().HaveCount(42);
        var own = await GetOk(await As("official", "melle", "off-melle"), url);
        own["rows"]!.AsArray().Select(r => r!["municipality"]!.GetValue<string>()).Should().OnlyContain(m => m == "melle").And.HaveCount(2);
        own["totals"]!["personsEntitled"]!.GetValue<int>().Should().Be(3);
        own["totals"]!["placesOffered"]!.ToJsonString().Should().Be("""{"municipality":0,"district":6,"nonprofit":0}""");

        await ShouldBeProblem(await (await Caseworker("bad-iburg", "cw-report-read")).GetAsync(url), 403);
        await ShouldBeProblem(await (await As("payroll", null, "pay-report-read")).GetAsync(url), 403);
        await ShouldBeProblem(await Factory.CreateClient().GetAsync(url), 401);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2026-01")]
    [InlineData("?to=2026-01")]
    [InlineData("?from=2026-1&to=2026-02")]
    [InlineData("?from=2026-13&to=2027-01")]
    [InlineData("?from=2026-01-01&to=2026-02")]
    [InlineData("?from=01.2026&to=2026-02")]
    [InlineData("?from=2026-03&to=2026-02")]
    [InlineData("?from=2024-01&to=2027-01")]
    [InlineData("?from=2026-01&from=2026-02&to=2026-03")]
    [InlineData("?from=0001-01&to=0001-02")]
    [InlineData("?from=%00&to=%ZZ")]
    public async Task Bad_months_a_reversed_range_or_more_than_36_months_are_400(string query)
    {
        var before = await Factory.EventCount();
        var problem = await ShouldBeProblem(await (await As("auditor", null, "aud-report")).GetAsync($"/api/reports/placements{query}"), 400);
        problem["errors"].Should().NotBeNull();
        (await Factory.EventCount()).Should().Be(before);
    }

    [Fact]
    public async Task Thirty_six_months_are_allowed_ending_with_the_current_one()
    {
        var to = new DateOnly(Today.Year, Today.Month, 1);
        var report = await GetOk(await As("auditor", null, "aud-report"), $"/api/reports/placements?from={Month(to.AddMonths(-35))}&to={Month(to)}");
        report["rows"]!.AsArray().Should().HaveCount(36 * 21);
    }
}
