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

    /// <summary>The file of the run's export <paramref name="sequence"/>, named after it, with the sequence in X-Export-Sequence.</summary>
    public static IResult Answer(HttpContext http, CsvFile csv, PayoutRun run, int sequence)
    {
        http.Response.Headers["X-Export-Sequence"] = sequence.ToString(CultureInfo.InvariantCulture);
        return csv.Answer(http, run.FileName(sequence));
    }

    /// <summary>
    /// Payroll's export, recorded on the ledger (which the caller has locked) as the next sequence, a second one only as a
    /// duplicate: the file and its sequence, or the rejection.
    /// </summary>
    public static async Task<(CsvFile? File, int Sequence, Rejection? Rejection)> Record(IDocumentSession session, PayoutRun run, Actor actor,
        bool duplicate, DateTimeOffset now, CancellationToken ct)
    {
        var file = run.Status == PayoutRunStatus.Released ? await Build(run, session, ct) : null;
        var decision = PayoutDecisions.Export(run, actor.UserId, duplicate,
            file is null ? new PayoutFile("", 0, 0) : new PayoutFile(file.Sha256, file.LineCount, file.ControlTotalCents), now);
        if (decision.Rejection is { } rejection) return (null, 0, rejection);
        CommandActor.Set(session, actor);
        PayoutPreparation.AppendToLedger(session, decision);
        return (file, ((PayoutRunExported)decision.Events[0].Event).Sequence, null);
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
