using System.Globalization;

namespace AGH.Web.Infrastructure;

/// <summary>Amounts typed in German form ("441", "441,5", "1.234,56 €") as integer cents; null when it is no amount ≥ 0.</summary>
public static class Money
{
    public static long? ParseCents(string? text)
    {
        var t = (text ?? "").Replace("€", "").Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Replace(" ", "").Replace(".", "").Trim();
        if (t.Length == 0) return null;
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.GetCultureInfo("de-DE"), out var euro)
            && euro >= 0 && euro <= 1_000_000 && decimal.Round(euro, 2) == euro
            ? (long)(euro * 100)
            : null;
    }
}
