namespace AGH.Api.Municipalities;

public sealed record Municipality(string Id, string Name);

/// <summary>The 21 member municipalities of Landkreis Osnabrück (17 Einheitsgemeinden, 4 Samtgemeinden).</summary>
public static class MunicipalityCatalog
{
    public static readonly IReadOnlyList<Municipality> All =
    [
        new("bad-essen", "Bad Essen"),
        new("bad-iburg", "Bad Iburg"),
        new("bad-laer", "Bad Laer"),
        new("bad-rothenfelde", "Bad Rothenfelde"),
        new("belm", "Belm"),
        new("bissendorf", "Bissendorf"),
        new("bohmte", "Bohmte"),
        new("bramsche", "Bramsche"),
        new("dissen", "Dissen am Teutoburger Wald"),
        new("georgsmarienhuette", "Georgsmarienhütte"),
        new("glandorf", "Glandorf"),
        new("hagen", "Hagen am Teutoburger Wald"),
        new("hasbergen", "Hasbergen"),
        new("hilter", "Hilter am Teutoburger Wald"),
        new("melle", "Melle"),
        new("ostercappeln", "Ostercappeln"),
        new("wallenhorst", "Wallenhorst"),
        new("sg-artland", "Samtgemeinde Artland"),
        new("sg-bersenbrueck", "Samtgemeinde Bersenbrück"),
        new("sg-fuerstenau", "Samtgemeinde Fürstenau"),
        new("sg-neuenkirchen", "Samtgemeinde Neuenkirchen"),
    ];

    private static readonly HashSet<string> Ids = All.Select(m => m.Id).ToHashSet();

    public static bool Exists(string? id) => id is not null && Ids.Contains(id);

    public static string Check(Checks checks, string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id)) checks.Add(field, "is required.");
        else if (!Exists(id)) checks.Add(field, "is not one of the 21 member municipalities (see GET /api/municipalities).");
        return id ?? "";
    }
}
