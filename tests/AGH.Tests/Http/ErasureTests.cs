using System.Net;
using AGH.Api.Retention;
using AGH.Domain.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AGH.Tests.Http;

/// <summary>A database and clock of its own: these tests jump years ahead.</summary>
public sealed class ErasureFactory : AghFactory
{
    public async Task<int> Erase()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Erasure>().EraseExpired(CancellationToken.None);
    }

    /// <summary>Rows anywhere in the service's schema (events, headers, views, stored answers) that contain the text.</summary>
    public async Task<int> RowsContaining(string text)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'agh' and table_type = 'BASE TABLE'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var count = 0;
        foreach (var table in tables)
        {
            await using var cmd = new NpgsqlCommand($"select count(*) from agh.\"{table}\" t where t::text like @p", conn);
            cmd.Parameters.AddWithValue("p", "%" + text + "%");
            count += Convert.ToInt32(await cmd.ExecuteScalarAsync());
        }
        return count;
    }
}

[CollectionDefinition(Name)]
public sealed class ErasureCollection : ICollectionFixture<ErasureFactory>
{
    public const string Name = "erasure";
}

[Collection(ErasureCollection.Name)]
public sealed class ErasureTests(ErasureFactory factory) : HttpTest(factory)
{
    private new ErasureFactory Factory => (ErasureFactory)base.Factory;

    [Fact]
    public async Task Expired_persons_are_masked_everywhere_unless_held_and_payouts_stay_correct()
    {
        var cw = await Caseworker("glandorf", "sb-glandorf");
        var month = Month.Of(Today).Previous;
        var offer = await NewOffer(cw, "glandorf");
        var body = new
        {
            municipality = "glandorf", givenName = "Quirinella", familyName = "Vandersmoot", dateOfBirth = "1987-03-17",
            confirmedNotDuplicate = true, entitledSince = "2024-01-01", fileReference = "AZ-GL-778899",
        };
        var person = IdOf(await Ok(await Post(cw, "/api/persons", body), HttpStatusCode.Created));
        var keep = await NewPerson(cw, "glandorf");
        var placement = await NewPlacement(cw, offer, person, month.First.AddDays(-3), month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(1)), minutes = 45 }), HttpStatusCode.Created);
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(month.First.AddDays(2)), kind = "explicit", statedReason = "Schwarzwaldreise-Geheimnis" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(month.First.AddDays(3)), statement = "Anhoerungsaussage-7781" }));
        // Health is Art. 9 data: the reason class and the evidence go with the erasure, not only the note.
        await Ok(await Post(cw, $"/api/persons/{person}/exemptions", new
        {
            reason = "illness", from = D(month.First.AddDays(4)), until = D(month.First.AddDays(5)), note = "Attest-Notiz-4471",
            evidence = new { kind = "au-certificate", receivedOn = D(month.First.AddDays(4)) },
        }), HttpStatusCode.Created);
        (await GetOk(cw, $"/api/persons/{person}"))["exemptions"]![0]!["reason"]!.GetValue<string>().Should().Be("illness");
        var run = IdOf(await Ok(await Post(await As("payroll", userId: "pay-e"), "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created));
        await Ok(await Post(await As("payroll", userId: "pay-e2"), $"/api/payout-runs/{run}/release", new { }));
        // Payroll sent the file before the erasure; an auditor reads the recorded export afterwards (v3b: none before it).
        (await (await As("payroll", userId: "pay-e2")).GetAsync($"/api/payout-runs/{run}/export")).StatusCode.Should().Be(HttpStatusCode.OK);
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "moved-away", note = "Umzug nach Vandersmoot-Hof" }));
        await Ok(await Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today), reason = "Wegzug Vandersmoot" }));
        var official = await As("official", "glandorf", "amt-glandorf");
        await Ok(await Post(official, $"/api/persons/{person}/legal-hold", new { reason = "Klage vor dem Sozialgericht anhängig" }));
        await Rejected(() => Post(official, $"/api/persons/{person}/legal-hold", new { reason = "doppelt" }), 409, "legal-hold-active");

        (await Factory.Erase()).Should().Be(0, "the retention period has not run out");
        Factory.Time.Advance(TimeSpan.FromDays(6 * 366 + 1));
        (await Factory.Erase()).Should().Be(0, "a legal hold keeps the data while the remedy is pending");

        official = await As("official", "glandorf", "amt-glandorf");
        await Ok(await Post(official, $"/api/persons/{person}/legal-hold/release", new { reason = "Klage zurückgenommen" }));
        (await Factory.Erase()).Should().Be(1, "the open case of the other person is kept");
        (await Factory.Erase()).Should().Be(0, "erasure happens once");
        // Erased data cannot be held any more: there is nothing left to keep.
        await Rejected(() => Post(official, $"/api/persons/{person}/legal-hold", new { reason = "Klage erneut erhoben" }), 409, "person-erased");

        var auditor = await As("auditor");
        var view = await GetOk(auditor, $"/api/persons/{person}");
        view["givenName"]!.GetValue<string>().Should().Be("***");
        view["familyName"]!.GetValue<string>().Should().Be("***");
        view["erasedOn"].Should().NotBeNull();
        var exemption = view["exemptions"]!.AsArray().Single()!;
        exemption["reason"].Should().BeNull("the reason class is health data (Art. 9 DSGVO)");
        exemption["evidence"].Should().BeNull();
        exemption["note"].Should().BeNull();
        exemption["from"]!.GetValue<string>().Should().Be(D(month.First.AddDays(4)), "dates stay for the record");
        (await GetOk(auditor, $"/api/persons/{keep}"))["givenName"]!.GetValue<string>().Should().Be("Amina");

        var history = (await GetOk(auditor, $"/api/persons/{person}/history"))["entries"]!.AsArray();
        history.Last()!["type"]!.GetValue<string>().Should().Be("PersonDataErased");
        history.First()!["data"]!["familyName"]!.GetValue<string>().Should().Be("***");
        history.ToJsonString().Should().NotContain("Vandersmoot").And.NotContain("Quirinella").And.NotContain("Anhoerungsaussage")
            .And.NotContain("Schwarzwaldreise").And.NotContain("1987-03-17").And.NotContain("AZ-GL-778899")
            .And.NotContain("Krankheit").And.NotContain("illness").And.NotContain("au-certificate").And.NotContain("Attest-Notiz");
        history.Single(e => e!["type"]!.GetValue<string>() == "ExemptionRecorded")!["summary"]!.GetValue<string>().Should().Contain("Grund gelöscht");

        var payout = await GetOk(auditor, $"/api/payout-runs/{run}");
        payout["totalCents"]!.GetValue<long>().Should().Be(60);
        var csv = await (await auditor.GetAsync($"/api/payout-runs/{run}/export")).Content.ReadAsStringAsync();
        csv.Should().Contain("***;***;***;" + month + ";45;60;0,60").And.NotContain("Vandersmoot");

        var export = await GetOk(auditor, $"/api/persons/{person}/export");
        export.ToJsonString().Should().NotContain("Vandersmoot").And.NotContain("illness").And.NotContain("au-certificate");

        foreach (var secret in new[] { "Vandersmoot", "Quirinella", "Anhoerungsaussage-7781", "Schwarzwaldreise-Geheimnis", "AZ-GL-778899", "1987-03-17", "Attest-Notiz-4471", "au-certificate" })
            (await Factory.RowsContaining(secret)).Should().Be(0, $"'{secret}' must be gone from every table");
    }

    [Fact]
    public async Task The_retention_period_runs_from_the_entitlement_end_and_a_person_still_entitled_is_never_erased()
    {
        var cw = await Caseworker("bohmte", "sb-bohmte");
        var stillEntitled = await NewPerson(cw, "bohmte");
        var placement = await NewPlacement(cw, await NewOffer(cw, "bohmte"), stillEntitled, Today.AddDays(-20), Today.AddDays(-10));
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "other" }));
        var leaver = await NewPerson(cw, "bohmte");
        await Ok(await Post(cw, $"/api/persons/{leaver}/entitlement-end", new { date = D(Today), reason = "Ausreise" }));

        // Seven years on: the last placement of the one and the entitlement of the other ended then.
        Factory.Time.Advance(TimeSpan.FromDays(7 * 366));
        await Factory.Erase();

        var auditor = await As("auditor");
        var kept = await GetOk(auditor, $"/api/persons/{stillEntitled}");
        kept["givenName"]!.GetValue<string>().Should().Be("Amina", "the entitlement continues: the case is open");
        kept["erasedOn"].Should().BeNull();
        var erased = await GetOk(auditor, $"/api/persons/{leaver}");
        erased["givenName"]!.GetValue<string>().Should().Be("***");
        erased["erasedOn"].Should().NotBeNull();
    }

    [Fact]
    public async Task A_court_order_on_a_restriction_holds_the_record_against_erasure_until_it_ended()
    {
        var cw = await Caseworker("melle", "sb-melle-court");
        var person = await NewPerson(cw, "melle");
        var placement = await NewPlacement(cw, await NewOffer(cw, "melle"), person, Today.AddDays(-20), Today.AddDays(-14));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        await NotifyDecision(person, await Ok(await Post(await As("official", "melle", "amt-melle-1"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })));
        await Ok(await Post(await As("official", "melle", "amt-melle-2"), $"/api/sanction-proposals/{proposal}/suspension", new
        {
            kind = "court-order", court = "SG Osnabrück", fileNumber = "S 44 AY 7/26 ER", decidedOn = D(Today), from = D(Today),
            note = "aufschiebende Wirkung angeordnet",
        }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/end", new { date = D(Today), reason = "moved-away" }));
        await Ok(await Post(cw, $"/api/persons/{person}/entitlement-end", new { date = D(Today), reason = "Wegzug" }));

        Factory.Time.Advance(TimeSpan.FromDays(7 * 366));
        await Factory.Erase();
        var kept = await GetOk(await As("auditor", null, "aud-court"), $"/api/persons/{person}");
        kept["erasedOn"].Should().BeNull("the court proceeding on the restriction has not ended");
        kept["givenName"]!.GetValue<string>().Should().NotBe("***");

        await Ok(await Post(await As("official", "melle", "amt-melle-3"), $"/api/sanction-proposals/{proposal}/suspension/end",
            new { outcome = "withdrawn", on = D(Today), note = "Verfahren beendet" }));
        await Factory.Erase();
        var erased = await GetOk(await As("auditor", null, "aud-court"), $"/api/persons/{person}");
        erased["erasedOn"].Should().NotBeNull("the retention period has run out and nothing holds the record any more");
        erased["givenName"]!.GetValue<string>().Should().Be("***");
    }

    [Fact]
    public async Task The_export_holds_everything_about_the_person_and_is_logged()
    {
        var cw = await Caseworker("hilter", "sb-hilter");
        var person = await NewPerson(cw, "hilter");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hilter"), person);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-1)), minutes = 60 }), HttpStatusCode.Created);

        var export = await GetOk(cw, $"/api/persons/{person}/export");
        export["person"]!["id"]!.GetValue<string>().Should().Be(person.ToString());
        export["person"]!["givenName"]!.GetValue<string>().Should().Be("Amina");
        export["placements"]!.AsArray().Single()!["minutesLogged"]!.GetValue<int>().Should().Be(60);
        export["history"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().Equal("PersonRegistered", "PersonAssigned", "NoticeIssued", "NoticeDispatched", "HoursLogged");
        export["legalHold"]!.GetValue<bool>().Should().BeFalse();

        var log = (await GetOk(await As("auditor"), $"/api/persons/{person}/access-log")).AsArray();
        log.Should().ContainSingle().Which!["purpose"]!.GetValue<string>().Should().Be("export");
        await ShouldBeProblem(await (await Caseworker("melle")).GetAsync($"/api/persons/{person}/export"), 404);
        await ShouldBeProblem(await (await As("official", "hilter")).GetAsync($"/api/persons/{person}/export"), 403);
        await Rejected(async () => await Post(await Caseworker("melle"), $"/api/persons/{person}/legal-hold", new { reason = "x" }), 404);
        await Rejected(async () => await Post(await As("payroll"), $"/api/persons/{person}/legal-hold", new { reason = "x" }), 403);
        await Rejected(() => Post(cw, $"/api/persons/{person}/legal-hold/release", new { reason = "x" }), 409, "no-legal-hold");
    }
}
