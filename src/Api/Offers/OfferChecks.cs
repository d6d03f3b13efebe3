namespace AGH.Api.Offers;

/// <summary>The v3c offer fields, checked alike on registration and on a change of provider.</summary>
public static class OfferChecks
{
    public static string? ProviderId(Checks v, string? value)
    {
        if (value is null) return null;
        if (!ProviderScope.IsProviderId(value)) v.Add("providerId", ProviderScope.ProviderIdRule);
        return value;
    }

    public static string? AccidentInsurer(Checks v, string? value)
    {
        if (value is null) return null;
        if (string.IsNullOrWhiteSpace(value)) v.Add("accidentInsurer", "must be 1-200 characters when given.");
        return v.OptionalText(value, "accidentInsurer", 200);
    }
}
