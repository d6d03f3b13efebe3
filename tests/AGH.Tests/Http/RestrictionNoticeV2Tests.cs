using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Http;

/// <summary>A clock of its own (a continuation is decided months after the approval); the operator set the court's address.</summary>
public sealed class RestrictionNoticeV2Factory : AghFactory
{
    public const string CourtAddress = "Hakenstraße 15, 49074 Osnabrück";

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Notices:Court:Address", CourtAddress)];
}

[CollectionDefinition(Name)]
public sealed class RestrictionNoticeV2Collection : ICollectionFixture<RestrictionNoticeV2Factory>
{
    public const string Name = "restriction-notice-v2";
}

/// <summary>
/// Contract v3b "Einschränkungsbescheid (einschraenkungsbescheid-v2)" and "Objection decisions (§ 85 SGG)" through the real
/// host: the approval's and continuation's terms (400 / 422 amount-not-reduced), what the PDFs print (read back with PdfPig),
/// outcome and costs of objection decisions, partly upheld with two notices, and the court in every Widerspruchsbescheid.
/// </summary>
[Collection(RestrictionNoticeV2Collection.Name)]
public sealed class RestrictionNoticeV2Tests(RestrictionNoticeV2Factory factory) : HttpTest(factory)
{
    private const string Municipality = "hilter";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static string Dd(DateOnly d) => d.ToString("dd.MM.yyyy");

    private static string S(JsonNode? node) => node!.GetValue<string>();

    private Task<HttpClient> Official(string? id = null) => As("official", Municipality, id ?? Unique("off"));

    private static async Task<string> PdfText(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
    }

    private async Task<string> NoticePdf(Guid noticeId) =>
        await PdfText(await (await As("auditor", null, Unique("aud"))).GetAsync($"/api/notices/{noticeId}/pdf"));

    /// <summary>A refusal ten days ago, assessed, heard, proposed.</summary>
    private async Task<(HttpClient Cw, Guid Person, Guid Proposal)> Proposed()
    {
        var cw = await Caseworker(Municipality, Unique("cw"));
        var person = await NewPerson(cw, Municipality);
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, Municipality), personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        return (cw, person, proposal);
    }

    private async Task<(HttpClient Cw, Guid Person, Guid Proposal, JsonNode Approved)> Restricted(object? body = null, string? approver = null)
    {
        var (cw, person, proposal) = await Proposed();
        var approved = await Ok(await Post(await Official(approver), $"/api/sanction-proposals/{proposal}/decision",
            body ?? new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NotifyDecision(person, approved);
        return (cw, person, proposal, approved);
    }

    [Fact]
    public async Task An_approval_requires_amounts_special_circumstances_and_the_approval_notice_and_a_rejection_does_not()
    {
        var (_, _, proposal) = await Proposed();
        var url = $"/api/sanction-proposals/{proposal}/decision";
        var official = await Official();
        var notice = new { date = D(Today.AddMonths(-2)), basis = "section-48" };

        async Task Invalid(object body, string field) =>
            ((JsonObject)(await Rejected(() => Post(official, url, body), 400, "validation"))["errors"]!).Select(kv => kv.Key).Should().Contain(field);

        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), specialCircumstances = V3bTerms.Special, approvalNotice = notice }, "amounts");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, approvalNotice = notice }, "specialCircumstances");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special }, "approvalNotice");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = new { monthlyBeforeCents = -1, monthlyAfterCents = 0 },
            specialCircumstances = V3bTerms.Special, approvalNotice = notice }, "amounts.monthlyBeforeCents");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = new { monthlyBeforeCents = 44100 },
            specialCircumstances = V3bTerms.Special, approvalNotice = notice }, "amounts.monthlyAfterCents");
        await Rejected(() => PostRaw(official, url, "{\"approved\":true,\"reasoning\":\"r\",\"startsOn\":\"" + D(Today)
            + "\",\"amounts\":{\"monthlyBeforeCents\":441.5,\"monthlyAfterCents\":0},\"specialCircumstances\":{\"considered\":true,\"granted\":[],\"reasoning\":\"r\"},"
            + "\"approvalNotice\":{\"date\":\"" + D(Today) + "\",\"basis\":\"section-48\"}}"), 400);
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts,
            specialCircumstances = new { considered = false, granted = Array.Empty<string>(), reasoning = "r" }, approvalNotice = notice }, "specialCircumstances.considered");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special,
            approvalNotice = new { date = D(Today.AddMonths(-2)), basis = "section-45" } }, "approvalNotice.discretionReasoning");
        await Invalid(new { approved = true, reasoning = "r", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special,
            approvalNotice = new { date = D(Today.AddMonths(-2)), basis = "section-44" } }, "approvalNotice.basis");

        // After not below before: 422, and only after the 409s (a decided proposal answers already-decided).
        await Rejected(() => Post(official, url, new { approved = true, reasoning = "r", startsOn = D(Today),
            amounts = new { monthlyBeforeCents = 44100, monthlyAfterCents = 44100 }, specialCircumstances = V3bTerms.Special, approvalNotice = notice }), 422, "amount-not-reduced");

        // A rejection restricts nothing: it needs none of them.
        var (_, _, other) = await Proposed();
        var rejected = await Ok(await Post(official, $"/api/sanction-proposals/{other}/decision", new { approved = false, reasoning = "Attest liegt vor" }));
        S(rejected["status"]).Should().Be("rejected");
        await Rejected(() => Post(official, $"/api/sanction-proposals/{other}/decision", new { approved = true, reasoning = "r", startsOn = D(Today),
            amounts = new { monthlyBeforeCents = 100, monthlyAfterCents = 200 }, specialCircumstances = V3bTerms.Special, approvalNotice = notice }), 409, "already-decided");
    }

    [Fact]
    public async Task The_Einschraenkungsbescheid_v2_prints_amounts_hardship_the_approval_notice_and_its_basis_and_is_signed_by_name()
    {
        var approvalDate = Today.AddMonths(-4);
        var (_, person, proposal, approved) = await Restricted(new
        {
            approved = true, reasoning = "Die Voraussetzungen des § 1a Abs. 1 AsylbLG liegen vor", startsOn = D(Today),
            amounts = new { monthlyBeforeCents = 44100, monthlyAfterCents = 22050 },
            specialCircumstances = new { considered = true, granted = new[] { "Schulbedarf des Kindes", "Fahrtkosten zum Arzt" }, reasoning = "Das Kind besucht die Schule." },
            approvalNotice = new { date = D(approvalDate), basis = "section-45", discretionReasoning = "Vertrauensschutz überwiegt nicht, Leistungen wurden nicht verbraucht." },
        }, approver: "off-v2-sign");
        S(approved["noticeVersion"]).Should().Be(NoticeVersions.RestrictionNoticeV2);

        var text = await NoticePdf(IdOf(approved, "noticeId"));
        text.Should().ContainAll("Textfassung einschraenkungsbescheid-v2", "441,00 EUR", "220,50 EUR",
            "Schulbedarf des Kindes", "Fahrtkosten zum Arzt", "Das Kind besucht die Schule.", "§ 1a Abs. 1 S. 3 AsylbLG",
            $"Bescheid vom {Dd(approvalDate)}", "§ 45 SGB X", "zurückgenommen", "Vertrauensschutz überwiegt nicht",
            "§ 4 AsylbLG werden nicht eingeschränkt", "Familienangehörigen werden nicht eingeschränkt", "Test off-v2-sign");
        text.Should().NotContain("§ 48 SGB X", "the basis is § 45 SGB X here");
        text.Should().ContainAll("Rechtsbehelfsbelehrung", "§ 84 Abs. 1 SGG");

        var stored = (SanctionDecided)(await Factory.Stream(person)).Single(e => e.Data is SanctionDecided).Data;
        (stored.Amounts, stored.HardshipGranted, stored.ApprovalNoticeDate, stored.RevocationBasis)
            .Should().BeEquivalentTo((new RestrictionAmounts(44100, 22050), new[] { "Schulbedarf des Kindes", "Fahrtkosten zum Arzt" }, approvalDate, RevocationBasis.Section45));

        // § 48 SGB X, nothing granted: the notice says so after consideration.
        var (_, _, _, plain) = await Restricted();
        var plainText = await NoticePdf(IdOf(plain, "noticeId"));
        plainText.Should().ContainAll("§ 48 SGB X", "aufgehoben", "keine weiteren Leistungen gewährt", "Keine besonderen Umstände vorgetragen");
        plainText.Should().NotContain("§ 45 SGB X");
    }

    [Fact]
    public async Task Objection_decisions_take_outcome_and_costs_and_partly_upheld_shortens_the_period_with_two_notices()
    {
        var (cw, person, proposal, _) = await Restricted();
        var url = $"/api/sanction-proposals/{proposal}/objection";
        var endsOn = Dates.EndOfMonthsPeriod(Today, 6);
        await Rejected(() => Post(cw, url, new { receivedOn = D(Today.AddDays(-1)), statement = "zu früh" }), 422, "objection-before-issue");
        await Ok(await Post(cw, url, new { receivedOn = D(Today), statement = "Die Einschränkung ist zu lang." }), HttpStatusCode.Created);
        var official = await Official();
        var decide = $"{url}/decision";

        await Rejected(() => Post(official, decide, new { outcome = "dismissed", reasoning = "r" }), 400);
        await Rejected(() => Post(official, decide, new { upheld = true, outcome = "upheld", costs = "none", reasoning = "r" }), 400);
        await Rejected(() => Post(official, decide, new { outcome = "partly-upheld", costs = "partial", reasoning = "r" }), 400);
        await Rejected(() => Post(official, decide, new { outcome = "partly-upheld", costs = "partial", reasoning = "r", newEndsOn = D(endsOn) }), 422, "not-a-reduction");
        await Rejected(() => Post(official, decide, new { outcome = "partly-upheld", costs = "partial", reasoning = "r", newEndsOn = D(endsOn.AddDays(1)) }), 422, "not-a-reduction");
        await Rejected(() => Post(official, decide, new { outcome = "partly-upheld", costs = "partial", reasoning = "r", newStartsOn = D(Today.AddDays(-1)) }), 422, "not-a-reduction");
        await Rejected(() => Post(official, decide, new { outcome = "partly-upheld", costs = "partial", reasoning = "r",
            newStartsOn = D(Today.AddDays(40)), newEndsOn = D(Today.AddDays(30)) }), 422, "not-a-reduction");

        var newStartsOn = Today.AddDays(10);
        var newEndsOn = Today.AddMonths(3);
        var decided = await Ok(await Post(official, decide, new
        {
            outcome = "partly-upheld", costs = "partial", reasoning = "Drei Monate genügen, um den Zweck zu erreichen.",
            newStartsOn = D(newStartsOn), newEndsOn = D(newEndsOn),
        }));
        var ids = decided["noticeIds"]!.AsArray().Select(n => Guid.Parse(S(n))).ToList();
        ids.Should().HaveCount(2);
        IdOf(decided, "noticeId").Should().Be(ids[1]);
        var objection = decided["objections"]!.AsArray().Single()!;
        (S(objection["status"]), S(objection["costs"]), IdOf(objection, "noticeId")).Should().Be(("partly-upheld", "partial", ids[1]));
        var restriction = decided["restriction"]!;
        (S(restriction["startsOn"]), S(restriction["endsOn"]), S(restriction["effectiveFrom"])).Should().Be((D(newStartsOn), D(newEndsOn), D(newStartsOn)));
        var personRestriction = (await GetOk(cw, $"/api/persons/{person}"))["restriction"]!;
        S(personRestriction["endsOn"]).Should().Be(D(newEndsOn), "the person follows the restriction");

        var notices = await GetOk(cw, $"/api/notices?personId={person}");
        notices.AsArray().Where(n => ids.Contains(IdOf(n!, "id"))).Select(n => (S(n!["kind"]), S(n["remedy"])))
            .Should().BeEquivalentTo(new[] { ("abhilfebescheid", "none"), ("widerspruchsbescheid", "klage") });

        var relief = await NoticePdf(ids[0]);
        relief.Should().ContainAll("Abhilfebescheid", "teilweise abgeholfen", $"vom {Dd(newStartsOn)} bis zum {Dd(newEndsOn)}",
            "zum Teil erstattet", "§ 80 VwVfG i. V. m. § 1 NVwVfG", "Gebühren werden", "Textfassung abhilfebescheid-einschraenkung-v1");
        relief.Should().NotContain("Rechtsmittelbelehrung");
        var rest = await NoticePdf(ids[1]);
        rest.Should().ContainAll("Widerspruchsbescheid (§ 85 Abs. 2 SGG)", "zurückgewiesen, soweit ihm nicht", "Rechtsmittelbelehrung",
            "Klage", $"Sozialgericht Osnabrück, {RestrictionNoticeV2Factory.CourtAddress}", "innerhalb eines Monats nach seiner Bekanntgabe", "§ 87 SGG",
            "Drei Monate genügen", "§ 80 VwVfG i. V. m. § 1 NVwVfG", "Textfassung widerspruchsbescheid-einschraenkung-v1");
        await Rejected(() => Post(official, decide, new { outcome = "dismissed", costs = "none", reasoning = "r" }), 409, "already-decided");
    }

    [Fact]
    public async Task An_upheld_objection_gets_an_Abhilfebescheid_a_dismissed_one_a_Widerspruchsbescheid_and_v2_bodies_still_work()
    {
        var (cw, _, proposal, _) = await Restricted();
        await Ok(await Post(cw, $"/api/sanction-proposals/{proposal}/objection", new { receivedOn = D(Today), statement = "s" }), HttpStatusCode.Created);
        var upheld = await Ok(await Post(await Official(), $"/api/sanction-proposals/{proposal}/objection/decision",
            new { outcome = "upheld", costs = "full", reasoning = "Das Attest lag vor." }));
        S(upheld["restriction"]!["status"]).Should().Be("withdrawn");
        upheld["noticeIds"]!.AsArray().Should().HaveCount(1);
        var relief = await NoticePdf(IdOf(upheld, "noticeId"));
        relief.Should().ContainAll("Abhilfebescheid (§ 85 Abs. 1 SGG)", "in vollem Umfang erstattet", "Das Attest lag vor.");
        S(upheld["objections"]!.AsArray().Single()!["costs"]).Should().Be("full");

        var (cw2, _, proposal2, _) = await Restricted();
        await Ok(await Post(cw2, $"/api/sanction-proposals/{proposal2}/objection", new { receivedOn = D(Today), statement = "s" }), HttpStatusCode.Created);
        var dismissed = await Ok(await Post(await Official(), $"/api/sanction-proposals/{proposal2}/objection/decision",
            new { upheld = false, reasoning = "Kein wichtiger Grund." }));
        var o = dismissed["objections"]!.AsArray().Single()!;
        (S(o["status"]), S(o["costs"]), o["timely"]!.GetValue<bool>()).Should().Be(("dismissed", "none", true));
        var text = await NoticePdf(IdOf(dismissed, "noticeId"));
        text.Should().ContainAll("Widerspruchsbescheid", "Ihr Widerspruch vom", "wird zurückgewiesen", "Sozialgericht Osnabrück", "nicht erstattet");
    }

    [Fact]
    public async Task A_continuation_requires_the_terms_and_its_Fortsetzungsbescheid_prints_them()
    {
        var (_, person, proposal, _) = await Restricted();
        var endsOn = Dates.EndOfMonthsPeriod(Today, 6);
        Factory.AdvanceTo(endsOn.AddDays(-10));
        var review = $"/api/sanction-proposals/{proposal}/review";
        var official = await Official();
        await Rejected(() => Post(official, review, new { continueRestriction = true, reasoning = "r", hearingHeldOn = D(Today) }), 400);
        await Rejected(() => Post(official, review, new { continueRestriction = true, reasoning = "r", hearingHeldOn = D(Today),
            amounts = new { monthlyBeforeCents = 30000, monthlyAfterCents = 30001 }, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }),
            422, "amount-not-reduced");
        var continued = await Ok(await Post(official, review, new
        {
            continueRestriction = true, reasoning = "Die Pflichtverletzung dauert an.", hearingHeldOn = D(Today),
            amounts = new { monthlyBeforeCents = 41000, monthlyAfterCents = 20500 },
            specialCircumstances = new { considered = true, granted = new[] { "Winterkleidung" }, reasoning = "Der Winter steht bevor." },
            approvalNotice = new { date = D(Today.AddMonths(-1)), basis = "section-48" },
        }));
        var text = await NoticePdf(IdOf(continued, "noticeId"));
        text.Should().ContainAll("Fortsetzung", "§ 14 Abs. 2 AsylbLG", "410,00 EUR", "205,00 EUR", "Winterkleidung", "Der Winter steht bevor.",
            "§ 48 SGB X", $"Bescheid vom {Dd(Today.AddMonths(-1))}", "§ 4 AsylbLG", "Familienangehörigen", "Rechtsbehelfsbelehrung",
            "Die Pflichtverletzung dauert an.", "Textfassung fortsetzungsbescheid-v2");
        var stored = (RestrictionReviewed)(await Factory.Stream(person)).Single(e => e.Data is RestrictionReviewed).Data;
        stored.Terms!.Amounts.Should().Be(new RestrictionAmounts(41000, 20500));
    }
}
