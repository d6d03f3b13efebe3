using System.Globalization;

namespace AGH.Web.Infrastructure;

/// <summary>German display formats, independent of the host's culture settings (and no floating point for money).</summary>
public static class Format
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Berlin).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr";
    public static string DateTime(DateTimeOffset? instant) => instant is { } i ? DateTime(i) : "–";

    /// <summary>4,20 € from 420; 1.234,56 € from 123456; −4,20 € from −420.</summary>
    public static string Money(long cents)
    {
        var sign = cents < 0 ? "−" : "";
        var abs = Math.Abs(cents);
        var euros = (abs / 100).ToString("#,0", CultureInfo.InvariantCulture).Replace(",", ".");
        return $"{sign}{euros},{abs % 100:00} €";
    }

    /// <summary>Minutes as hours and minutes: 150 → 2:30 Std.</summary>
    public static string Minutes(long minutes) => $"{(minutes < 0 ? "−" : "")}{Math.Abs(minutes) / 60}:{Math.Abs(minutes) % 60:00} Std.";

    public static string Hm(long minutes) => $"{minutes / 60}:{minutes % 60:00}";

    /// <summary>A count with its noun in the right number: 1 Lauf, 2 Läufe, 0 Läufe (German uses the plural for zero).</summary>
    public static string Count(long n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    public static string Month(string yyyyMm)
    {
        var names = new[] { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember" };
        return yyyyMm.Length == 7 && int.TryParse(yyyyMm[5..], out var m) && m is >= 1 and <= 12 ? $"{names[m - 1]} {yyyyMm[..4]}" : yyyyMm;
    }

    public static string Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Monday => "Montag",
        DayOfWeek.Tuesday => "Dienstag",
        DayOfWeek.Wednesday => "Mittwoch",
        DayOfWeek.Thursday => "Donnerstag",
        DayOfWeek.Friday => "Freitag",
        DayOfWeek.Saturday => "Samstag",
        _ => "Sonntag",
    };

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Berlin).DateTime);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
