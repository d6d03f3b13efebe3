using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Http;

/// <summary>A clock of its own: a continuation is decided months after the approval.</summary>
public sealed class ObjectionPeriodFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class ObjectionPeriodCollection : ICollectionFixture<ObjectionPeriodFactory>
{
    public const string Name = "objection-periods";
}

/// <summary>
/// Contract v3a/v3 "exact rules" through the real host: an objection per restriction period (409 objection-exists only for
/// the same period), `objections` with `period` and `timely`, deciding by period; an upheld objection against a continued
/// period withdraws only that period.
/// </summary>
[Collection(ObjectionPeriodCollection.Name)]
public sealed class ObjectionPeriodTests(ObjectionPeriodFactory factory) : HttpTest(factory)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static string S(JsonNode? node) => node!.GetValue<string>();

    /// <summary>A refusal ten days ago, assessed, heard, proposed, approved today and handed over today: in force.</summary>
    private async Task<(HttpClient Cw, Guid Person, Guid Proposal)> Restricted()
    {
        var cw = await Caseworker("hagen", Unique("cw"));
        var person = await NewPerson(cw, "hagen");
        var placement = await NewPlacement(cw, offerId: await NewOffer(cw, "hagen"), personId: person, notice: Today.AddDays(-20), startsOn: Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        var approved = await Ok(await Post(await As("official", "hagen", "approver-periods"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NotifyDecision(person, approved);
        return (cw, person, proposal);
    }

    private Task<HttpClient> Official() => As("official", "hagen", Unique("off"));

    [Fact]
    public async Task An_objection_per_period_shows_its_period_and_timeliness_and_an_upheld_one_against_the_continuation_withdraws_only_that_period()
    {
        var (cw, person, proposal) = await Restricted();
        var url = $"/api/sanction-proposals/{proposal}";
        var endsOn = Dates.EndOfMonthsPeriod(Today, 6);
        await Rejected(async () => await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "Widerspruch", period = 2 }),
            404, "period-not-found");

        // Into the continuation window: an objection against period 1 now comes after its month (§ 84 SGG) and is late.
        Factory.AdvanceTo(endsOn.AddDays(-20));
        cw = await Caseworker("hagen", Unique("cw")); // tokens do not outlive the months the clock moved
        var first = await Ok(await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "Widerspruch gegen den Bescheid" }), HttpStatusCode.Created);
        (first["objection"]!["period"]!.GetValue<int>(), first["objection"]!["timely"]!.GetValue<bool>()).Should().Be((1, false));
        await Ok(await Post(await Official(), $"{url}/objection/decision", new { upheld = false, reasoning = "verfristet" }));

        var continued = await Ok(await Post(await Official(), $"{url}/review",
            new { continueRestriction = true, reasoning = "Pflichtverletzung dauert an", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NoticeDispatching.DispatchAsync(Factory, person, IdOf(continued, "noticeId"), DispatchMethod.HandedOver, Today);

        // The default is the latest notified period: the Fortsetzungsbescheid's, a period of its own.
        var second = await Ok(await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "Widerspruch gegen die Fortsetzung" }), HttpStatusCode.Created);
        second["objections"]!.AsArray().Select(o => (o!["period"]!.GetValue<int>(), S(o["status"]), o["timely"]!.GetValue<bool>()))
            .Should().Equal((1, "dismissed", false), (2, "pending", true));
        (second["objection"]!["period"]!.GetValue<int>(), S(second["objection"]!["status"])).Should().Be((2, "pending"), "v2's objection is the latest period's");
        await Rejected(async () => await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "noch einmal" }), 409, "objection-exists");
        await Rejected(async () => await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "noch einmal", period = 1 }), 409, "objection-exists");
        await Rejected(async () => await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "x", period = 0 }), 400);

        await Rejected(async () => await Post(await Official(), $"{url}/objection/decision", new { upheld = true, reasoning = "r", period = 1 }), 409, "already-decided");
        await Rejected(async () => await Post(await Official(), $"{url}/objection/decision", new { upheld = true, reasoning = "r", period = 3 }), 404, "period-not-found");
        var upheld = await Ok(await Post(await Official(), $"{url}/objection/decision", new { upheld = true, reasoning = "Fortsetzung unverhältnismäßig" }));

        var restriction = upheld["restriction"]!;
        restriction["periods"]!.AsArray().Select(p => S(p!["status"])).Should().Equal("in-force", "withdrawn");
        (S(restriction["status"]), S(restriction["endsOn"])).Should().Be(("in-force", D(endsOn)), "period 1 runs on to its end");
        upheld["objections"]!.AsArray().Select(o => S(o!["status"])).Should().Equal("dismissed", "upheld");
        var decided = (await Factory.Stream(person)).Last();
        (decided.Data as ObjectionDecided)!.Period.Should().Be(2);
        decided.Headers!["legalBasis"].ToString().Should().Be(LegalBasis.ObjectionUpheld);

        var read = await GetOk(await As("auditor", null, "aud-periods"), url);
        read["objections"]!.AsArray().Select(o => o!["period"]!.GetValue<int>()).Should().Equal(1, 2);
        S(read["restriction"]!["periods"]!.AsArray()[1]!["status"]).Should().Be("withdrawn");
    }

    [Fact]
    public async Task An_objection_before_a_continuation_is_against_period_1_and_a_timely_one_shows_timely()
    {
        var (cw, _, proposal) = await Restricted();
        var filed = await Ok(await Post(cw, $"/api/sanction-proposals/{proposal}/objection", new { receivedOn = D(Today), statement = "Widerspruch" }),
            HttpStatusCode.Created);
        filed["objections"]!.AsArray().Select(o => (o!["period"]!.GetValue<int>(), o["timely"]!.GetValue<bool>())).Should().Equal((1, true));
        await Rejected(async () => await Post(await Official(), $"/api/sanction-proposals/{proposal}/objection/decision",
            new { upheld = true, reasoning = "r", period = 2 }), 404, "period-not-found");
        var upheld = await Ok(await Post(await Official(), $"/api/sanction-proposals/{proposal}/objection/decision", new { upheld = true, reasoning = "Abhilfe" }));
        (S(upheld["restriction"]!["status"]), upheld["restriction"]!["backPaymentDue"]!.GetValue<bool>()).Should().Be(("withdrawn", true));
    }
    [Fact]
    public async Task A_pending_objection_against_one_period_stays_in_the_officials_work_when_another_periods_objection_is_decided()
    {
        var (cw, person, proposal) = await Restricted();
        var url = $"/api/sanction-proposals/{proposal}";
        Factory.AdvanceTo(Dates.EndOfMonthsPeriod(Today, 6).AddDays(-20));
        cw = await Caseworker("hagen", Unique("cw"));
        await Ok(await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "Widerspruch gegen den Bescheid" }), HttpStatusCode.Created);
        var continued = await Ok(await Post(await Official(), $"{url}/review",
            new { continueRestriction = true, reasoning = "Pflichtverletzung dauert an", hearingHeldOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NoticeDispatching.DispatchAsync(Factory, person, IdOf(continued, "noticeId"), DispatchMethod.HandedOver, Today);
        await Ok(await Post(cw, $"{url}/objection", new { receivedOn = D(Today), statement = "Widerspruch gegen die Fortsetzung", period = 2 }), HttpStatusCode.Created);

        await Ok(await Post(await Official(), $"{url}/objection/decision", new { upheld = false, reasoning = "unbegründet", period = 2 }));

        async Task<IEnumerable<string>> Listed(string objection) =>
            (await GetOk(await Official(), $"/api/sanction-proposals?objection={objection}&pageSize=500")).AsArray().Select(p => S(p!["id"]));
        (await Listed("pending")).Should().Contain(proposal.ToString(), "period 1's Widerspruch still waits for its decision");
        (await Listed("dismissed")).Should().NotContain(proposal.ToString());

        await Ok(await Post(await Official(), $"{url}/objection/decision", new { upheld = false, reasoning = "verfristet", period = 1 }));
        (await Listed("pending")).Should().NotContain(proposal.ToString());
        (await Listed("dismissed")).Should().Contain(proposal.ToString());
    }
}
