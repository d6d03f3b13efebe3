using AGH.Web.Api;

namespace AGH.Web.Pages.Offers;

/// <summary>The German words for the API's offer and provider values.</summary>
public static class OfferTexts
{
    public static readonly IReadOnlyList<(ProviderType Type, string Value, string Label)> ProviderTypes =
    [
        (ProviderType.Municipality, "municipality", "Kommune"),
        (ProviderType.District, "district", "Landkreis"),
        (ProviderType.Nonprofit, "nonprofit", "gemeinnütziger Träger"),
    ];

    public static string Label(ProviderType type) => ProviderTypes.First(p => p.Type == type).Label;

    public static string Value(ProviderType type) => ProviderTypes.First(p => p.Type == type).Value;

    public static ProviderType? Parse(string? value) =>
        ProviderTypes.Where(p => p.Value == value).Select(p => (ProviderType?)p.Type).FirstOrDefault();

    public static string Status(OfferStatus status) => status == OfferStatus.Open ? "offen" : "zurückgezogen";
}
