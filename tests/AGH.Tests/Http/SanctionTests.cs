using System.Net;
using AGH.Domain.Placements;

namespace AGH.Tests.Http;

[Collection(HttpCollection.Name)]
public sealed class SanctionTests(AghFactory factory) : HttpTest(factory)
{
    private async Task<(HttpClient Cw, Guid Person, Guid Placement, Guid Refusal)> RefusedPlacement(string proposer = "cw-anna")
    {
        var cw = await Caseworker(userId: proposer);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "no-show", statedReason = "keine Angabe" }), HttpStatusCode.Created), "refusalId");
        return (cw, person, placement, refusal);
    }

    [Fact]
    public async Task Full_refusal_lifecycle_to_an_approved_restriction_by_a_second_official()
    {
        var (cw, person, placement, refusal) = await RefusedPlacement();
        var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";

        await Rejected(() => Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "zu früh" }), 422, "sanction-preconditions");

        var assessed = await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "Kein wichtiger Grund vorgetragen" }));
        assessed["refusals"]!.AsArray().Single()!["assessment"]!["goodCause"]!.GetValue<bool>().Should().BeFalse();
        await Rejected(() => Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "ohne Anhörung" }), 422, "sanction-preconditions");

        await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Person äußert sich nicht" }));

        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Unentschuldigtes Fernbleiben trotz Belehrung" }), HttpStatusCode.Created));
        (await GetOk(cw, $"/api/sanction-proposals/{proposal}"))["status"]!.GetValue<string>().Should().Be("pending");
        (await GetOk(cw, $"/api/placements/{placement}"))["sanctionProposals"]!.AsArray().Should().ContainSingle();

        await Rejected(async () => await Post(await As("official", "bad-iburg", "cw-anna"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "x", startsOn = "2026-03-01", amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 403, "four-eyes");
        await Rejected(async () => await Post(await As("official", "melle", "off-melle"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "x", startsOn = "2026-03-01", amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 404);
        await Rejected(() => Post(cw, $"/api/sanction-proposals/{proposal}/decision", new { approved = true, reasoning = "x", startsOn = "2026-03-01", amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 403);
        var official = await As("official", "bad-iburg", "off-bernd");
        await Rejected(() => Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = true, reasoning = "ohne Datum", amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }), 400);

        var decided = await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        decided["status"]!.GetValue<string>().Should().Be("approved");
        decided["endsOn"]!.GetValue<string>().Should().Be(D(AGH.Domain.Common.Dates.EndOfMonthsPeriod(Today, 6)));
        // Contract v3a: the restriction takes effect once its notice is notified.
        await NotifyDecision(person, decided);

        var restriction = (await GetOk(cw, $"/api/persons/{person}"))["restriction"]!;
        restriction["startsOn"]!.GetValue<string>().Should().Be(D(Today));
        restriction["endsOn"]!.GetValue<string>().Should().Be(D(AGH.Domain.Common.Dates.EndOfMonthsPeriod(Today, 6)));

        await Rejected(() => Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = false, reasoning = "nochmal" }), 409, "already-decided");
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/sanction-proposals/{proposal}"), 404);
    }

    [Fact]
    public async Task Restriction_lasts_six_months_as_BGB_counts_them()
    {
        var (cw, person, placement, refusal) = await RefusedPlacement("cw-carl");
        var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-9)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }), HttpStatusCode.Created));

        // The next 31 August, not before today, six months before a leap day: there is no 31 February, so the period ends
        // on the month's last day, 29 February (from 2027-08-31 to 2028-02-29, as the contract's example).
        var year = Today.Year;
        while (new DateOnly(year, 8, 31) < Today || !DateTime.IsLeapYear(year + 1)) year++;
        var startsOn = new DateOnly(year, 8, 31);
        var leapDay = new DateOnly(year + 1, 2, 29);

        var decided = await Ok(await Post(await As("official", null, "off-dora"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "r", startsOn = D(startsOn), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        decided["startsOn"]!.GetValue<string>().Should().Be(D(startsOn));
        decided["endsOn"]!.GetValue<string>().Should().Be(D(leapDay));
        await NotifyDecision(person, decided);
        (await GetOk(cw, $"/api/persons/{person}"))["restriction"]!["endsOn"]!.GetValue<string>().Should().Be(D(leapDay));
    }

    [Fact]
    public async Task Good_cause_rules_out_a_proposal_and_refusal_dates_are_checked()
    {
        var (cw, _, placement, refusal) = await RefusedPlacement("cw-emil");
        var baseUrl = $"/api/placements/{placement}/refusals/{refusal}";
        await Rejected(() => Post(cw, $"{baseUrl}/assessment", new { goodCause = true, reasoning = "krank" }), 400);
        await Ok(await Post(cw, $"{baseUrl}/assessment", new { goodCause = true, reason = "illness", reasoning = "Attest liegt vor" }));
        await Rejected(() => Post(cw, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "doch nicht" }), 409);
        await Rejected(() => Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(-11)), statement = "vor der Ablehnung" }), 422);
        await Rejected(() => Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today.AddDays(1)), statement = "Zukunft" }), 422);
        await Ok(await Post(cw, $"{baseUrl}/hearing", new { heldOn = D(Today), statement = "Attest", form = "oral", heldInPerson = true }));
        await Rejected(() => Post(cw, $"/api/placements/{placement}/sanction-proposals", new { refusalId = refusal, reasoning = "r" }), 422, "sanction-preconditions");

        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today.AddDays(1)), kind = "explicit", statedReason = "" }), 422);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today.AddDays(-21)), kind = "explicit", statedReason = "" }), 422);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals", new { date = D(Today), kind = "refused", statedReason = "" }), 400);
        await Rejected(() => Post(cw, $"/api/placements/{placement}/refusals/{Guid.NewGuid()}/hearing", new { heldOn = D(Today), statement = "keine Äußerung", form = "oral", heldInPerson = true }), 404);
    }

    [Fact]
    public async Task Every_step_is_stored_as_an_event_with_actor_legal_basis_and_time()
    {
        var (cw, person, placement, refusal) = await RefusedPlacement("cw-frida");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "r" }));

        var events = await Factory.Stream(person);
        events.Select(e => e.Data.GetType().Name).Should().ContainInOrder(
            "PersonRegistered", "PersonAssigned", "RefusalRecorded", "RefusalAssessed");
        var assessed = events.Last();
        assessed.Data.Should().BeOfType<RefusalAssessed>();
        assessed.Headers.Should().ContainKey("actor");
        assessed.Headers!["actor"].ToString().Should().Contain("cw-frida").And.Contain("caseworker").And.Contain("bad-iburg");
        assessed.Headers["legalBasis"].ToString().Should().Contain("§ 5 Abs. 3 AsylbLG");
        assessed.Headers.Should().ContainKey("recordedAt");
        events.Single(e => e.Data is PersonAssigned).Headers!["legalBasis"].ToString().Should().Contain("§ 5 Abs. 4 AsylbLG");
        assessed.Timestamp.Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
