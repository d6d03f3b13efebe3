using System.Globalization;

namespace AGH.Api.Payouts;

/// <summary>
/// A released run as the cash office's CSV. Amounts and months come from the run and never change after release; names
/// and file references are read from the persons when the file is built, so a corrected or erased name changes a later
/// copy's bytes (and its SHA-256).
/// </summary>
public static class PayoutRunCsv
{
    public const string Header = "fileReference;familyName;givenName;month;minutes;amountCents;amountEuro";

    /// <summary>The file with its sequence in X-Export-Sequence.</summary>
    public static IResult Answer(HttpContext http, CsvFile csv, int sequence, string fileName)
    {
        http.Response.Headers["X-Export-Sequence"] = sequence.ToString(CultureInfo.InvariantCulture);
        return csv.Answer(http, fileName);
    }

    /// <summary>One row per line; names and file references as the persons read now.</summary>
    public static async Task<CsvFile> Build(PayoutRun run, IQuerySession session, CancellationToken ct)
    {
        var persons = (await session.LoadManyAsync<Person>(ct, run.Lines.Select(l => l.PersonId).Distinct())).ToDictionary(x => x.Id);
        var csv = new Csv(Header);
        foreach (var line in run.Lines)
        {
            persons.TryGetValue(line.PersonId, out var person);
            csv.Row(CsvCell.Text(person?.FileReference), CsvCell.Text(person?.FamilyName), CsvCell.Text(person?.GivenName), run.Month,
                line.Minutes, line.AmountCents, PayoutRunQueries.Euro(line.AmountCents));
        }
        return CsvFile.Of(csv, run.Lines.Sum(l => l.AmountCents));
    }
}
