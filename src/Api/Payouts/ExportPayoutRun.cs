using System.Globalization;
using System.Text;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using Marten;

namespace AGH.Api.Payouts;

/// <summary>The released run as the cash office's CSV; 409 before the second clerk released it.</summary>
[PayoutReader]
public static class ExportPayoutRunEndpoint
{
    public const string CsvHeader = "fileReference;familyName;givenName;month;minutes;amountCents;amountEuro";

    [WolverineGet("/api/payout-runs/{id}/export", OperationId = "exportPayoutRun"), Tags("Payouts")]
    [EndpointSummary("CSV for the cash office (Kreiskasse): ;-separated, UTF-8 with BOM, decimal comma")]
    [ProducesResponseType<string>(200, "text/csv"), AnswersProblems(403, 404, 409)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var run = await session.LoadAsync<PayoutRun>(id, http.RequestAborted);
        if (run is null) return Problems.NotFound("payout run").Answer();
        // The cash office pays what two people released, nothing else.
        if (run.Status != PayoutRunStatus.Released)
            return Problems.Create(409, "run-not-released", "Conflict", $"The run is {run.Status.ToString().ToLowerInvariant()}; only a released run is exported.");
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, run.Lines.Select(l => l.PersonId).Distinct()))
            .ToDictionary(x => x.Id);
        var csv = new StringBuilder().Append(CsvHeader).Append("\r\n");
        foreach (var line in run.Lines)
        {
            persons.TryGetValue(line.PersonId, out var person);
            csv.AppendJoin(';', CsvCell.Text(person?.FileReference), CsvCell.Text(person?.FamilyName), CsvCell.Text(person?.GivenName), run.Month,
                    line.Minutes.ToString(CultureInfo.InvariantCulture), line.AmountCents.ToString(CultureInfo.InvariantCulture), PayoutRunQueries.Euro(line.AmountCents))
                .Append("\r\n");
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", $"aufwandsentschaedigung-{run.Month}.csv");
    }
}
