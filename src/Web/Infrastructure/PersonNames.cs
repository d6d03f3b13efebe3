using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>The persons behind a list (proposals, reviews, payout lines), for their names and file references.</summary>
public static class PersonNames
{
    // Up to this many are read one by one; more (a payout run's lines) page through the person list, 500 at a time.
    private const int ByIdLimit = 50;
    private const int ListPageSize = 500;

    public static async Task<IReadOnlyDictionary<Guid, PersonDto>> Load(AghClient api, IEnumerable<Guid> ids)
    {
        var wanted = ids.ToHashSet();
        var found = new Dictionary<Guid, PersonDto>();
        try
        {
            if (wanted.Count > ByIdLimit) await ByList(api, wanted, found);
            else
                foreach (var id in wanted)
                {
                    try
                    {
                        found[id] = await api.GetPersonAsync(id, null);
                    }
                    catch (AghApiException e) when (e.StatusCode == 404)
                    {
                        // Erased or no longer visible: the row shows without a name.
                    }
                }
        }
        catch (AghApiException e) when (e.StatusCode is 403 or 400)
        {
            // A role that may not read persons (payroll) sees the ids the API gave.
        }
        return found;
    }

    private static async Task ByList(AghClient api, HashSet<Guid> wanted, Dictionary<Guid, PersonDto> found)
    {
        for (var page = 1; found.Count < wanted.Count; page++)
        {
            var persons = (await api.ListPersonsAsync(null, null, null, null, page, ListPageSize)).ToList();
            foreach (var p in persons.Where(p => wanted.Contains(p.Id))) found[p.Id] = p;
            if (persons.Count < ListPageSize) break;
        }
    }

    public static string Of(IReadOnlyDictionary<Guid, PersonDto> persons, Guid id) =>
        persons.TryGetValue(id, out var p) ? $"{p.FamilyName}, {p.GivenName}" : "(Person nicht lesbar)";

    /// <summary>Name and file reference for money lists; a role that may not read persons (payroll) sees the id the API gave.</summary>
    public static string WithReference(IReadOnlyDictionary<Guid, PersonDto> persons, Guid id) =>
        persons.TryGetValue(id, out var p) ? $"{p.FamilyName}, {p.GivenName}{(p.FileReference is { } f ? $" ({f})" : "")}" : id.ToString();
}
