using System.Net;
using System.Text;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>A database of its own: payout runs pay the whole district.</summary>
public sealed class CsvExportFactory : AghFactory;

[CollectionDefinition(Name)]
public sealed class CsvExportCollection : ICollectionFixture<CsvExportFactory>
{
    public const string Name = "csv-export";
}

[Collection(CsvExportCollection.Name)]
public sealed class CsvExportTests(CsvExportFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task The_cash_office_export_never_hands_a_spreadsheet_a_formula_and_keeps_negative_amounts_numbers()
    {
        var cw = await Caseworker(userId: "cw-csv");
        var preparer = await As("payroll", userId: "pay-csv-1");
        var releaser = await As("payroll", userId: "pay-csv-2");
        var first = Month.Of(Today).Previous.Previous;
        var second = Month.Of(Today).Previous;
        var person = IdOf(await Ok(await Post(cw, "/api/persons", new
        {
            municipality = "bad-iburg",
            givenName = "=HYPERLINK(\"http://x\";\"y\")",
            familyName = "Yusuf;Ali",
            dateOfBirth = D(Today.AddYears(-30)),
            confirmedNotDuplicate = true, entitledSince = D(Today.AddYears(-2)),
            fileReference = "-AZ 1",
        }), HttpStatusCode.Created));
        var placement = await NewPlacement(cw, await NewOffer(cw), person, notice: first.First.AddDays(-7), startsOn: first.First);
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(first.First.AddDays(9)), minutes = 60 }),
            HttpStatusCode.Created), "entryId");

        async Task<string[]> PreparedReleasedExported(Month month)
        {
            var run = IdOf(await Ok(await Post(preparer, "/api/payout-runs", new { month = month.ToString() }), HttpStatusCode.Created));
            await Ok(await Post(releaser, $"/api/payout-runs/{run}/release", new { }));
            var response = await preparer.GetAsync($"/api/payout-runs/{run}/export");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        }

        var rows = await PreparedReleasedExported(first);
        rows.Should().Equal(
            "fileReference;familyName;givenName;month;minutes;amountCents;amountEuro",
            $"'-AZ 1;\"Yusuf;Ali\";\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";{first};60;80;0,80");

        // Reduced after the release: a recovery, never a negative line (contract v3b); the next file holds no row for it.
        await Ok(await Post(cw, $"/api/placements/{placement}/hours/{entry}/correction", new { minutes = 30, reason = "Träger korrigiert" }),
            HttpStatusCode.Created);
        rows = await PreparedReleasedExported(second);
        rows.Should().Equal("fileReference;familyName;givenName;month;minutes;amountCents;amountEuro");
    }
}
