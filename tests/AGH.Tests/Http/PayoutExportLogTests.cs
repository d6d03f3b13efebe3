using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;
using Npgsql;

namespace AGH.Tests.Http;

/// <summary>A database of its own: each test releases a run of its own month for the whole district.</summary>
public sealed class PayoutExportLogFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class PayoutExportLogCollection : ICollectionFixture<PayoutExportLogFactory>
{
    public const string Name = "payout-export-log";
}

/// <summary>Contract v3b "Money" and v3 exact rules "Exports": every payroll export is recorded; a second one only as a duplicate.</summary>
[Collection(PayoutExportLogCollection.Name)]
public sealed class PayoutExportLogTests(PayoutExportLogFactory factory) : HttpTest(factory)
{
    private Month M(int monthsBack)
    {
        var m = Month.Of(Today);
        for (var i = 0; i < monthsBack; i++) m = m.Previous;
        return m;
    }

    /// <summary>A run of the month with one person's hours, released by a second clerk.</summary>
    private async Task<(Guid Run, Month Month)> Released(int monthsBack, string prefix)
    {
        var cw = await Caseworker();
        var month = M(monthsBack);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: month.First.AddDays(-7), startsOn: month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 90 }), HttpStatusCode.Created);
        var run = IdOf(await Ok(await Post(await As("payroll", userId: prefix + "-prep"), "/api/payout-runs", new { month = month.ToString() }),
            HttpStatusCode.Created));
        await Ok(await Post(await As("payroll", userId: prefix + "-rel"), $"/api/payout-runs/{run}/release", new { }));
        return (run, month);
    }

    private sealed record Export(int Sequence, string FileName, string Sha256, int Lines, long Total, byte[] Bytes);

    /// <summary>A 200 export with every header checked against the bytes received.</summary>
    private static async Task<Export> Exported(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(bytes));
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string H(string name) => response.Headers.GetValues(name).Single();
        H("X-Content-SHA256").Should().Be(sha, "the header is the SHA-256 of the bytes sent, BOM included");
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var rows = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        int.Parse(H("X-Line-Count")).Should().Be(rows.Length - 1, "data rows, header excluded");
        long.Parse(H("X-Control-Total-Cents")).Should().Be(rows.Skip(1).Sum(r => long.Parse(r.Split(';')[5])));
        return new Export(int.Parse(H("X-Export-Sequence")), response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), sha,
            rows.Length - 1, long.Parse(H("X-Control-Total-Cents")), bytes);
    }

    private async Task<JsonArray> ExportsOf(Guid run) => (await GetOk(await As("auditor"), $"/api/payout-runs/{run}"))["exports"]!.AsArray();

    private async Task<List<PayoutRunExported>> Recorded(Guid run) =>
        (await Factory.Stream(PayoutRun.LedgerId)).Select(e => e.Data).OfType<PayoutRunExported>().Where(e => e.RunId == run).ToList();

    [Fact]
    public async Task Payrolls_first_export_is_recorded_as_sequence_1_and_a_second_needs_duplicate_true_and_is_named_DUPLIKAT()
    {
        var (run, month) = await Released(2, "xl1");
        var pay = await As("payroll", userId: "xl1-pay");
        (await ExportsOf(run)).Should().BeEmpty();
        await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"), 409, "not-exported");

        var first = await Exported(await pay.GetAsync($"/api/payout-runs/{run}/export"));
        first.Sequence.Should().Be(1);
        first.FileName.Should().Be($"aufwandsentschaedigung-{month}.csv");
        first.Lines.Should().Be(1);
        first.Total.Should().Be(RateTable.Amount(90, 80));
        var recorded = (await Recorded(run)).Should().ContainSingle().Subject;
        recorded.Should().BeEquivalentTo(new { Sequence = 1, ExportedBy = "xl1-pay", Sha256 = first.Sha256, LineCount = 1, ControlTotalCents = first.Total, Month = month.ToString() });
        var exports = await ExportsOf(run);
        exports.Should().ContainSingle();
        exports[0]!["sequence"]!.GetValue<int>().Should().Be(1);
        exports[0]!["exportedBy"]!.GetValue<string>().Should().Be("xl1-pay");
        exports[0]!["sha256"]!.GetValue<string>().Should().Be(first.Sha256);
        exports[0]!["at"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

        await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export"), 409, "already-exported");
        await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export?duplicate=false"), 409, "already-exported");

        var second = await Exported(await pay.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"));
        second.Sequence.Should().Be(2);
        second.FileName.Should().Be($"aufwandsentschaedigung-{month}-DUPLIKAT-2.csv");
        second.Bytes.Should().Equal(first.Bytes, "a duplicate is the same file");
        var third = await Exported(await (await As("payroll", userId: "xl1-pay-b")).GetAsync($"/api/payout-runs/{run}/export?duplicate=true"));
        third.Sequence.Should().Be(3);
        third.FileName.Should().Be($"aufwandsentschaedigung-{month}-DUPLIKAT-3.csv");
        (await Recorded(run)).Select(e => (e.Sequence, e.ExportedBy)).Should().Equal((1, "xl1-pay"), (2, "xl1-pay"), (3, "xl1-pay-b"));
        (await ExportsOf(run)).Select(x => x!["sequence"]!.GetValue<int>()).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task An_auditor_gets_the_latest_recorded_file_and_records_nothing_and_409_not_exported_before_the_first()
    {
        var (run, month) = await Released(3, "xl2");
        var auditor = await As("auditor", userId: "xl2-aud");
        var pay = await As("payroll", userId: "xl2-pay");
        await Rejected(() => auditor.GetAsync($"/api/payout-runs/{run}/export"), 409, "not-exported");

        var first = await Exported(await pay.GetAsync($"/api/payout-runs/{run}/export"));
        var before = await Factory.EventCount();
        var read = await Exported(await auditor.GetAsync($"/api/payout-runs/{run}/export"));
        read.Sequence.Should().Be(1);
        read.FileName.Should().Be($"aufwandsentschaedigung-{month}.csv");
        read.Sha256.Should().Be(first.Sha256, "the auditor sees the file as recorded");
        read.Bytes.Should().Equal(first.Bytes);
        // duplicate asks payroll's question; for an auditor it changes nothing.
        (await Exported(await auditor.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"))).Sequence.Should().Be(1);
        (await Factory.EventCount()).Should().Be(before, "an auditor's export records nothing");

        await Exported(await pay.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"));
        var latest = await Exported(await auditor.GetAsync($"/api/payout-runs/{run}/export"));
        latest.Sequence.Should().Be(2);
        latest.FileName.Should().Be($"aufwandsentschaedigung-{month}-DUPLIKAT-2.csv");
        latest.Sha256.Should().Be((await Recorded(run)).Last().Sha256);
        (await Recorded(run)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_run_not_released_answers_run_not_released_first_and_bad_duplicate_values_are_400()
    {
        var cw = await Caseworker();
        var month = M(4);
        var person = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: month.First.AddDays(-7), startsOn: month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 30 }), HttpStatusCode.Created);
        var pay = await As("payroll", userId: "xl3-pay");
        var run = IdOf(await Ok(await Post(pay, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created));
        await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export"), 409, "run-not-released");
        await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"), 409, "run-not-released");
        var auditor = await As("auditor");
        await Rejected(() => auditor.GetAsync($"/api/payout-runs/{run}/export"), 409, "run-not-released");
        foreach (var bad in new[] { "yes", "TRUE", "1", "", "true&duplicate=true" })
            await Rejected(() => pay.GetAsync($"/api/payout-runs/{run}/export?duplicate={bad}"), 400);
        await Rejected(() => pay.GetAsync($"/api/payout-runs/{Guid.NewGuid()}/export"), 404);
        await Rejected(() => cw.GetAsync($"/api/payout-runs/{run}/export"), 403);
        (await ExportsOf(run)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_run_stored_before_exports_were_recorded_shows_none_and_its_first_export_is_sequence_1()
    {
        var (run, month) = await Released(6, "xl5");
        await using (var conn = new NpgsqlConnection(Factory.ConnectionString))
        {
            await conn.OpenAsync();
            await using var strip = new NpgsqlCommand("update agh.mt_doc_payoutrun set data = data - 'exports' - 'Exports' where id = @id", conn);
            strip.Parameters.AddWithValue("id", run);
            (await strip.ExecuteNonQueryAsync()).Should().Be(1);
        }
        (await ExportsOf(run)).Should().BeEmpty();
        var first = await Exported(await (await As("payroll", userId: "xl5-pay")).GetAsync($"/api/payout-runs/{run}/export"));
        first.Sequence.Should().Be(1);
        first.FileName.Should().Be($"aufwandsentschaedigung-{month}.csv");
        (await ExportsOf(run)).Should().ContainSingle();
    }

    [Fact]
    public async Task Concurrent_payroll_exports_get_distinct_sequences_never_two_of_one()
    {
        var (run, _) = await Released(5, "xl4");
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => As("payroll", userId: $"xl4-pay-{i}")));

        var firsts = await Task.WhenAll(clients.Select(c => c.GetAsync($"/api/payout-runs/{run}/export")));
        firsts.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1, "one first export; the others see it recorded");
        foreach (var refused in firsts.Where(r => r.StatusCode != HttpStatusCode.OK)) await ShouldBeProblem(refused, 409, "already-exported");

        var duplicates = await Task.WhenAll(clients.Select(c => c.GetAsync($"/api/payout-runs/{run}/export?duplicate=true")));
        var sequences = new List<int>();
        foreach (var d in duplicates) sequences.Add((await Exported(d)).Sequence);
        sequences.Order().Should().Equal(2, 3, 4, 5);
        (await Recorded(run)).Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        (await ExportsOf(run)).Select(x => x!["sequence"]!.GetValue<int>()).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task The_persons_Art_15_export_names_each_cash_office_file_that_named_them_and_no_staff()
    {
        var cw = await Caseworker();
        var month = M(7);
        var person = await NewPerson(cw);
        var unpaid = await NewPerson(cw);
        var placement = await NewPlacement(cw, personId: person, notice: month.First.AddDays(-7), startsOn: month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 90 }), HttpStatusCode.Created);
        var run = IdOf(await Ok(await Post(await As("payroll", userId: "xl7-prep"), "/api/payout-runs", new { month = month.ToString() }),
            HttpStatusCode.Created));
        await Ok(await Post(await As("payroll", userId: "xl7-rel"), $"/api/payout-runs/{run}/release", new { }));
        var payroll = await As("payroll", userId: "xl7-exp");
        await Exported(await payroll.GetAsync($"/api/payout-runs/{run}/export"));
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        await Exported(await payroll.GetAsync($"/api/payout-runs/{run}/export?duplicate=true"));
        var exports = (await GetOk(payroll, $"/api/payout-runs/{run}"))["exports"]!.AsArray();

        var export = await GetOk(cw, $"/api/persons/{person}/export");

        var disclosures = export["recipients"]!.AsArray().Where(r => r!["kind"]!.GetValue<string>() == "disclosure").ToList();
        disclosures.Should().HaveCount(2, "the file was sent twice, the second time as a duplicate");
        disclosures.Select(r => r!["recipient"]!.GetValue<string>()).Should().AllBe("Kreiskasse");
        disclosures.Select(r => r!["runId"]!.GetValue<Guid>()).Should().AllBeEquivalentTo(run);
        disclosures.Select(r => r!["month"]!.GetValue<string>()).Should().AllBe(month.ToString());
        disclosures.Select(r => r!["at"]!.GetValue<DateTimeOffset>()).Should()
            .Equal(exports.Select(x => x!["at"]!.GetValue<DateTimeOffset>()), "each recorded export is one disclosure");
        export["recipients"]!.ToJsonString().Should().NotContain("xl7-", "recipients are organisations, never staff");

        foreach (var field in new[] { "purposes", "legalBases", "recipients", "retention", "rights", "sources" })
            export[field]!.AsArray().Should().NotBeEmpty(field).And.AllSatisfy(x => x.Should().BeOfType<JsonObject>());
        export["sources"]!.AsArray().Select(x => (x!["kind"]!.GetValue<string>(), x["municipality"]!.GetValue<string>()))
            .Should().Equal(("office", "bad-iburg"));
        export["rights"]!.AsArray().Single(r => r!["basis"]!.GetValue<string>() == "Art. 77 DSGVO")!["how"]!.GetValue<string>()
            .Should().Contain("Landesbeauftragte für den Datenschutz Niedersachsen");
        export["retention"]!.AsArray().Single(r => r!["recordClass"]!.GetValue<string>() == "fallakte")!["years"]!.GetValue<int>()
            .Should().Be(6, "the configured Retention:PersonYears");
        export["legalBases"]!.AsArray().Select(b => b!["basis"]!.GetValue<string>()).Should().Contain("§ 5 AsylbLG")
            .And.Contain(b => b.StartsWith("Art. 9 Abs. 2 lit. b"), "health data needs an Art. 9 basis");

        var other = await GetOk(cw, $"/api/persons/{unpaid}/export");
        other["recipients"]!.AsArray().Should().NotBeEmpty("the categories the data will go to are named before any transfer")
            .And.OnlyContain(r => r!["kind"]!.GetValue<string>() == "category");
    }
}
