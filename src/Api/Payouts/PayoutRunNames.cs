namespace AGH.Api.Payouts;

/// <summary>
/// Only what the cash-office file holds of each person of a run (contract v3d): names and file reference; payroll reads
/// no person otherwise.
/// </summary>
public static class PayoutRunNames
{
    public static async Task<Dictionary<Guid, (string FamilyName, string GivenName, string? FileReference)>> Of(IQuerySession session, PayoutRun run,
        CancellationToken ct)
    {
        var ids = run.Lines.Select(l => l.PersonId).Distinct().ToArray();
        var persons = ids.Length == 0 ? [] : await session.Query<AGH.Domain.Persons.Person>().Where(p => ids.Contains(p.Id))
            .Select(p => new NameRow { Id = p.Id, FamilyName = p.FamilyName, GivenName = p.GivenName, FileReference = p.FileReference })
            .ToListAsync(ct);
        return persons.ToDictionary(p => p.Id, p => (p.FamilyName, p.GivenName, p.FileReference));
    }

    private sealed class NameRow
    {
        public Guid Id { get; set; }
        public string FamilyName { get; set; } = "";
        public string GivenName { get; set; } = "";
        public string? FileReference { get; set; }
    }
}
