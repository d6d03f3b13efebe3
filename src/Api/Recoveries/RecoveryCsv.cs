using System.Globalization;
using AGH.Api.Payouts;

namespace AGH.Api.Recoveries;

/// <summary>The final recoveries as the cash office's file (<see cref="ExportRecoveriesEndpoint.CsvHeader"/>), by person.</summary>
public static class RecoveryCsv
{
    /// <summary>Only recoveries whose Erstattungsbescheid can no longer be contested on <paramref name="today"/>.</summary>
    public static async Task<CsvFile> Final(IQuerySession session, Policy policy, DateOnly today, CancellationToken ct)
    {
        var decided = await session.Query<Recovery>().Where(r => r.Status == RecoveryStatus.Decided).ToListAsync(ct);
        var persons = (await session.LoadManyAsync<Person>(ct, decided.Select(r => r.PersonId).Distinct())).ToDictionary(p => p.Id);
        var final = decided.Where(r => persons.TryGetValue(r.PersonId, out var p)
                && RecoveryDto.StatusOf(r, p, policy, today) == RecoveryStatus.Final)
            .OrderBy(r => r.PersonId).ThenBy(r => r.Id).ToList();
        var csv = new Csv(ExportRecoveriesEndpoint.CsvHeader);
        foreach (var r in final)
        {
            var person = persons[r.PersonId];
            var notice = person.Notices[r.NoticeId!.Value];
            csv.Row(CsvCell.Text(person.FileReference), CsvCell.Text(person.FamilyName), CsvCell.Text(person.GivenName), r.Id,
                r.AmountCents, PayoutRunQueries.Euro(r.AmountCents), notice.NoticeId, Iso(notice.IssuedOn),
                Iso(notice.NotifiedOn!.Value), Iso(notice.RemedyDeadline(policy)!.Value.AddDays(1)));
        }
        return CsvFile.Of(csv, final.Sum(r => r.AmountCents));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
