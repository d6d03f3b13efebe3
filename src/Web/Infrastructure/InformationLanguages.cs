namespace AGH.Web.Infrastructure;

/// <summary>The languages the API accepts for information to the person (its informationLanguage list), in German.</summary>
public static class InformationLanguages
{
    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        ("de", "Deutsch"), ("en", "Englisch"), ("ar", "Arabisch"), ("fa", "Persisch (Farsi/Dari)"), ("ps", "Paschtu"),
        ("ku", "Kurdisch"), ("ti", "Tigrinya"), ("so", "Somali"), ("tr", "Türkisch"), ("ru", "Russisch"), ("uk", "Ukrainisch"),
        ("fr", "Französisch"),
    ];

    public static string Label(string? code) => All.FirstOrDefault(l => l.Code == code).Label ?? code ?? "–";
}
