namespace AGH.Web.Infrastructure;

/// <summary>Display names of the member municipalities, for screens that show an id the API returned.</summary>
public static class Municipalities
{
    private static IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>Filled once from GET /api/municipalities (reference data every role may read).</summary>
    public static async Task EnsureLoaded(AGH.Web.Api.AghClient api)
    {
        if (Known) return;
        _names = (await api.ListMunicipalitiesAsync()).ToDictionary(m => m.Id, m => m.Name);
    }

    public static IEnumerable<(string Id, string Name)> All => _names.Select(x => (x.Key, x.Value)).OrderBy(x => x.Value);

    public static bool Known => _names.Count > 0;

    public static string Name(string? id) => id is null ? "" : _names.TryGetValue(id, out var n) ? n : id;
}
