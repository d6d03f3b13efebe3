using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>The persons behind a list of proposals or reviews, read once each, for their names and file references.</summary>
public static class PersonNames
{
    public static async Task<IReadOnlyDictionary<Guid, PersonDto>> Load(AghClient api, IEnumerable<Guid> ids)
    {
        var found = new Dictionary<Guid, PersonDto>();
        foreach (var id in ids.Distinct())
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
        return found;
    }

    public static string Of(IReadOnlyDictionary<Guid, PersonDto> persons, Guid id) =>
        persons.TryGetValue(id, out var p) ? $"{p.FamilyName}, {p.GivenName}" : "(Person nicht lesbar)";
}
