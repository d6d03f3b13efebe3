using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database and clock of their own: the test moves the service's today past the notice's remedy deadline.</summary>
public sealed class RecoveryProcedureFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Payouts:Rates:0:From", "0001-01-01"),
        new("Payouts:Rates:0:Cents", "95"),
    ];
}

[CollectionDefinition(Name)]
public sealed class RecoveryProcedureCollection : ICollectionFixture<RecoveryProcedureFactory>
{
    public const string Name = "recovery-procedure";
}

/// <summary>Its own database: each test pays one month the whole district's run covers.</summary>
public sealed class RecoveryNoticeFactory : AghFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Payouts:Rates:0:From", "0001-01-01"),
        new("Payouts:Rates:0:Cents", "95"),
    ];
}

[CollectionDefinition(Name)]
public sealed class RecoveryNoticeCollection : ICollectionFixture<RecoveryNoticeFactory>
{
    public const string Name = "recovery-notice";
}

/// <summary>Two recoveries of one person, and what the tests of the procedure share.</summary>
public abstract class RecoveryTestBase(AghFactory factory) : HttpTest(factory)
{
    protected static readonly object Decide = new { outcome = "recover", reasoning = "Zu viel gezahlte Aufwandsentschädigung, kein Vertrauensschutz" };

    /// <summary>A released run paid 120 minutes; two corrections (to 60, then 30) open recoveries of 95 and 48 cents.</summary>
    protected async Task<(HttpClient Cw, Guid Person, Guid Bigger, Guid Smaller)> TwoRecoveries(string tag)
    {
        var cw = await Caseworker(userId: $"cw-{tag}");
        var pay1 = await As("payroll", userId: $"pay1-{tag}");
        var pay2 = await As("payroll", userId: $"pay2-{tag}");
        var month = Month.Of(Today).Previous;
        var offer = await NewOffer(cw, places: 5, hoursPerWeek: 20);
        var placement = await NewPlacement(cw, offer, notice: month.First.AddDays(-7), startsOn: month.First, hoursPerWeek: 20);
        var person = IdOf(await GetOk(cw, $"/api/placements/{placement}"), "personId");
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 120 }),
            HttpStatusCode.Created), "entryId");
        var run = await Ok(await Post(pay1, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created);
        await Ok(await Post(pay2, $"/api/payout-runs/{IdOf(run)}/release", new { }));
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 60, reason = "Träger korrigiert" }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 30, reason = "nochmals korrigiert" }), HttpStatusCode.Created);
        var ids = (await GetOk(pay1, $"/api/recoveries?personId={person}")).AsArray().Select(r => (Id: IdOf(r!), Cents: r!["amountCents"]!.GetValue<long>())).ToList();
        ids.Select(x => x.Cents).Should().BeEquivalentTo([95L, 48L]); // 60 min × 95 / 60; 30 min → 47.5 → 48
        return (cw, person, ids.Single(x => x.Cents == 95).Id, ids.Single(x => x.Cents == 48).Id);
    }

    protected static async Task<string[]> Export(HttpClient c)
    {
        var response = await c.GetAsync("/api/recoveries/export");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    protected static string Status(JsonNode r) => r["status"]!.GetValue<string>();
}

/// <summary>
/// Contract v3b Money and v3 legal corrections: a recovery is heard (caseworker), decided by another (official; recover issues an
/// Erstattungsbescheid, a notice like any other), objected to (collection suspended) and exported to the cash office only once final.
/// </summary>
[Collection(RecoveryProcedureCollection.Name)]
public sealed class RecoveryProcedureTests(RecoveryProcedureFactory factory) : RecoveryTestBase(factory)
{
    /// <summary>One recovery by id (the staff app's page): payroll, auditors and the person's office read it; another municipality gets 404.</summary>
    private async Task ReadsById(HttpClient cw, Guid person, Guid recovery, long cents, int minutes)
    {
        foreach (var reader in new[] { cw, await As("payroll", userId: "pay-g"), await As("auditor", userId: "aud-g"),
                     await As("official", "bad-iburg", userId: "off-g"), await As("official", userId: "off-district-g") })
        {
            var r = await GetOk(reader, $"/api/recoveries/{recovery}");
            r["personId"]!.GetValue<string>().Should().Be(person.ToString());
            r["amountCents"]!.GetValue<long>().Should().Be(cents);
            r["minutes"]!.GetValue<int>().Should().Be(minutes);
            r["openedOn"]!.GetValue<string>().Should().Be(D(Today));
            Status(r).Should().Be("open");
            r["heardOn"].Should().BeNull();
        }
        await ShouldBeProblem(await (await As("coordinator", userId: "co-g")).GetAsync($"/api/recoveries/{recovery}"), 403);
        await ShouldBeProblem(await (await Caseworker("dissen")).GetAsync($"/api/recoveries/{recovery}"), 404);
        await ShouldBeProblem(await (await As("official", "dissen", userId: "off-dg")).GetAsync($"/api/recoveries/{recovery}"), 404);
        await ShouldBeProblem(await cw.GetAsync($"/api/recoveries/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task A_recovery_is_heard_decided_by_another_with_an_Erstattungsbescheid_and_exported_only_once_final()
    {
        var (cw, person, objected, collected) = await TwoRecoveries("a");
        var official = await As("official", "bad-iburg", userId: "off-a");
        var hearing = new { heldOn = D(Today), statement = "keine Äußerung" };
        // The correction from 120 to 60 paid minutes takes back 60 (95 ct).
        await ReadsById(cw, person, objected, 95, 60);

        // Order of checks: role, other municipality (404), state (409), then dates (422); bad input changes nothing.
        await ShouldBeProblem(await Post(official, $"/api/recoveries/{objected}/decision", Decide), 409, "not-heard");
        await ShouldBeProblem(await Post(official, $"/api/recoveries/{objected}/hearing", hearing), 403);
        await ShouldBeProblem(await Post(await As("payroll", userId: "pay-x"), $"/api/recoveries/{objected}/hearing", hearing), 403);
        await ShouldBeProblem(await Post(await Caseworker("dissen"), $"/api/recoveries/{objected}/hearing", hearing), 404);
        await ShouldBeProblem(await Post(await As("official", "dissen", userId: "off-d"), $"/api/recoveries/{objected}/decision", Decide), 404);
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{Guid.NewGuid()}/hearing", hearing), 404);
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/hearing", new { heldOn = D(Today.AddDays(1)), statement = "x" }), 422, "date-in-future");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/hearing", new { heldOn = D(Today.AddDays(-1)), statement = "x" }), 422,
            "hearing-before-opening");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/hearing", new { heldOn = D(Today) }), 400);
        (await GetOk(cw, $"/api/recoveries?personId={person}&status=open")).AsArray().Should().HaveCount(2, "nothing was heard yet");

        foreach (var id in new[] { objected, collected })
            Status(await Ok(await Post(cw, $"/api/recoveries/{id}/hearing", hearing))).Should().Be("heard");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/hearing", hearing), 409, "not-open");
        (await GetOk(cw, $"/api/recoveries/{objected}"))["heardOn"]!.GetValue<string>().Should().Be(D(Today));

        // Four eyes: the one who held the hearing does not decide, even as an official; caseworkers never decide.
        await ShouldBeProblem(await Post(await As("official", "bad-iburg", userId: "cw-a"), $"/api/recoveries/{objected}/decision", Decide), 403, "four-eyes");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/decision", Decide), 403);
        await ShouldBeProblem(await Post(official, $"/api/recoveries/{objected}/decision", new { outcome = "forgive", reasoning = "x" }), 400);

        var decided = await Ok(await Post(official, $"/api/recoveries/{objected}/decision", Decide));
        Status(decided).Should().Be("decided");
        var noticeId = IdOf(decided, "noticeId");
        var notice = await GetOk(cw, $"/api/notices/{noticeId}");
        notice["kind"]!.GetValue<string>().Should().Be("erstattungsbescheid");
        notice["subjectId"]!.GetValue<string>().Should().Be(objected.ToString());
        notice["remedy"]!.GetValue<string>().Should().Be("widerspruch");
        notice["issuedOn"]!.GetValue<string>().Should().Be(D(Today));
        (await GetOk(cw, $"/api/notices?personId={person}")).AsArray().Select(n => n!["id"]!.GetValue<string>()).Should().Contain(noticeId.ToString());
        await ShouldBeProblem(await Post(official, $"/api/recoveries/{objected}/decision", Decide), 409, "already-decided");
        var second = IdOf(await Ok(await Post(official, $"/api/recoveries/{collected}/decision", Decide)), "noticeId");

        // Objections: only against a decided recovery, dated between the notice and today.
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{collected}/objection", new { receivedOn = D(Today.AddDays(1)), statement = "x" }), 422, "date-in-future");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{collected}/objection", new { receivedOn = D(Today.AddDays(-1)), statement = "x" }), 422,
            "objection-before-issue");
        await ShouldBeProblem(await Post(await As("payroll", userId: "pay-x"), $"/api/recoveries/{collected}/objection", new { receivedOn = D(Today), statement = "x" }), 403);
        var filed = await Post(official, $"/api/recoveries/{objected}/objection", new { receivedOn = D(Today), statement = "Ich habe nichts zu viel bekommen" });
        Status(await Ok(filed, HttpStatusCode.Created)).Should().Be("decided");
        filed.Headers.Location.Should().NotBeNull();
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{objected}/objection", new { receivedOn = D(Today), statement = "nochmal" }), 409, "objection-exists");
        foreach (var other in new[] { await Caseworker("dissen", "cw-dissen-o"), await As("official", "dissen", userId: "off-dissen-o") })
            await ShouldBeProblem(await Post(other, $"/api/recoveries/{collected}/objection", new { receivedOn = D(Today), statement = "x" }), 404);

        // Not final yet (not even notified): nothing for the cash office; only payroll exports.
        var payroll = await As("payroll", userId: "pay-a");
        (await Export(payroll)).Should().Equal(AGH.Api.Recoveries.ExportRecoveriesEndpoint.CsvHeader);
        await ShouldBeProblem(await cw.GetAsync("/api/recoveries/export"), 403);
        await ShouldBeProblem(await official.GetAsync("/api/recoveries/export"), 403);

        foreach (var n in new[] { noticeId, second })
            await Ok(await Post(cw, $"/api/notices/{n}/dispatch", new { method = "handed-over", on = D(Today) }));
        var dispatched = await GetOk(cw, $"/api/notices/{second}");
        dispatched["notifiedOn"]!.GetValue<string>().Should().Be(D(Today));
        var deadline = DateOnly.Parse(dispatched["remedyDeadline"]!.GetValue<string>());

        // On the deadline itself still decided; the day after, final unless a timely objection was recorded.
        Factory.AdvanceTo(deadline);
        payroll = await As("payroll", userId: "pay-a2"); // tokens issued before the jump have expired
        Status((await GetOk(payroll, $"/api/recoveries?personId={person}")).AsArray().Single(r => IdOf(r!) == collected)!).Should().Be("decided");
        (await Export(payroll)).Should().HaveCount(1);
        Factory.Time.Advance(TimeSpan.FromDays(1));
        (payroll, cw) = (await As("payroll", userId: "pay-a3"), await Caseworker(userId: "cw-a"));
        var statuses = (await GetOk(payroll, $"/api/recoveries?personId={person}")).AsArray().ToDictionary(r => IdOf(r!), r => Status(r!));
        statuses[objected].Should().Be("decided", "the objection suspends collection (§ 86a Abs. 1 SGG)");
        statuses[collected].Should().Be("final");
        (await GetOk(payroll, $"/api/recoveries?personId={person}&status=final")).AsArray().Select(r => IdOf(r!)).Should().Equal(collected);
        (await GetOk(payroll, $"/api/recoveries?personId={person}&status=decided")).AsArray().Select(r => IdOf(r!)).Should().Equal(objected);
        var rows = await Export(payroll);
        rows.Should().HaveCount(2);
        var cells = rows[1].Split(';');
        cells[3..].Should().Equal(collected.ToString(), "48", "0,48", second.ToString(), notice["issuedOn"]!.GetValue<string>(),
            dispatched["notifiedOn"]!.GetValue<string>(), D(deadline.AddDays(1)));
        cells[1].Should().NotBeEmpty("the person's family name");

        // A late objection is recorded but does not suspend collection: the recovery stays final.
        Status(await Ok(await Post(cw, $"/api/recoveries/{collected}/objection", new { receivedOn = D(Today), statement = "zu spät" }), HttpStatusCode.Created))
            .Should().Be("final");
        (await Export(payroll)).Should().HaveCount(2);
    }
}

/// <summary>The Erstattungsbescheid's PDF and a waiver.</summary>
[Collection(RecoveryNoticeCollection.Name)]
public sealed class RecoveryNoticeTests(RecoveryNoticeFactory factory) : RecoveryTestBase(factory)
{
    [Fact]
    public async Task A_waived_recovery_has_no_notice_and_the_Erstattungsbescheid_prints_amount_entry_hearing_reasoning_basis_and_Belehrung()
    {
        var (cw, person, bigger, smaller) = await TwoRecoveries("b");
        var official = await As("official", "bad-iburg", userId: "off-b");
        foreach (var id in new[] { bigger, smaller })
            await Ok(await Post(cw, $"/api/recoveries/{id}/hearing", new { heldOn = D(Today), statement = "Ich wusste nichts von der Korrektur" }));

        var waived = await Ok(await Post(official, $"/api/recoveries/{bigger}/decision", new { outcome = "waive", reasoning = "Geringfügig, Verzicht" }));
        Status(waived).Should().Be("waived");
        waived["noticeId"].Should().BeNull();
        await ShouldBeProblem(await Post(official, $"/api/recoveries/{bigger}/decision", Decide), 409, "already-decided");
        await ShouldBeProblem(await Post(cw, $"/api/recoveries/{bigger}/objection", new { receivedOn = D(Today), statement = "x" }), 409, "not-decided");

        var noticeId = IdOf(await Ok(await Post(official, $"/api/recoveries/{smaller}/decision",
            new { outcome = "recover", reasoning = "Die Stunden wurden nicht geleistet; Vertrauensschutz besteht nicht." })), "noticeId");
        var response = await cw.GetAsync($"/api/notices/{noticeId}/pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        var text = Unit.PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        var entryDay = Month.Of(Today).Previous.First.AddDays(3);
        text.Should().ContainAll("Erstattungsbescheid", "0,48 EUR", entryDay.ToString("dd.MM.yyyy"), "0:30 Stunden", "nochmals korrigiert",
            Today.ToString("dd.MM.yyyy"), "Ich wusste nichts von der Korrektur", "Die Stunden wurden nicht geleistet; Vertrauensschutz besteht nicht.",
            "§ 50 Abs. 2 SGB X in Verbindung mit §§ 45, 48 SGB X und § 9 Abs. 4 AsylbLG", "Rechtsbehelfsbelehrung", "Widerspruch", "§ 86a Abs. 1 SGG",
            "Test off-b", "Landkreis Osnabrück");
        await ShouldBeProblem(await cw.GetAsync($"/api/notices/{noticeId}/pdf?annex=ar"), 422, "annex-not-available");
        person.Should().NotBeEmpty();
    }
}
