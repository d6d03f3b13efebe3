using System.Globalization;
using System.Text.RegularExpressions;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Hours as staff type and read them (issue 20): "4,5", "4.5", "4:30", "270 min" and "4" all mean 270 or 240 minutes;
/// shown as German decimals ("4,5"). Whole quarter hours and the caps are the API's to check.
/// </summary>
public static partial class HoursText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Minutes as German decimal hours: 240 → "4", 270 → "4,5", 135 → "2,25".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.##", German);

    /// <summary>Empty is 0 (nothing typed); false when the text cannot be read as hours (or is more than a day).</summary>
    public static bool TryParse(string? text, out int minutes)
    {
        minutes = 0;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var t = text.Trim();
        if (MinutesPattern().Match(t) is { Success: true } m)
        {
            minutes = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return minutes <= 24 * 60;
        }
        if (ClockPattern().Match(t) is { Success: true } c)
        {
            var h = int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture);
            var min = int.Parse(c.Groups[2].Value, CultureInfo.InvariantCulture);
            if (min > 59 || h * 60 + min > 24 * 60) return false;
            minutes = h * 60 + min;
            return true;
        }
        if (DecimalPattern().IsMatch(t)
            && decimal.TryParse(t.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours <= 24)
        {
            var value = hours * 60;
            if (value != decimal.Truncate(value)) return false;
            minutes = (int)value;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(\d{1,4})\s*min\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesPattern();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})$")]
    private static partial Regex ClockPattern();

    [GeneratedRegex(@"^\d{1,2}(?:[.,]\d{1,2})?$")]
    private static partial Regex DecimalPattern();

    /// <summary>Why a typed value is not sent, in German; null when it can be sent (or is empty).</summary>
    public static string? Problem(string? text, out int minutes)
    {
        if (!TryParse(text, out minutes))
            return "Bitte als Stunden angeben, z. B. 4, 4,5, 4:30 oder 270 min.";
        if (minutes == 0 && !string.IsNullOrWhiteSpace(text))
            return "0 Stunden werden nicht eingetragen. Bitte das Feld leer lassen.";
        if (minutes % 15 != 0)
            return "Bitte in Viertelstunden angeben (z. B. 4,25 oder 4:15).";
        return null;
    }
}
