using System.Globalization;

namespace AGH.Api.Timesheets;

/// <summary>The ISO week of a week route: YYYY-Www, a week the year has (400 otherwise).</summary>
public readonly record struct IsoWeek(int Year, int Number)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public override string ToString() => $"{Year:D4}-W{Number:D2}";

    public static IsoWeek? Parse(string? text, Checks v)
    {
        if (text is { Length: 8 } && text[4] == '-' && text[5] == 'W'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            && int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
            return new IsoWeek(year, week);
        v.Add("week", "must be an ISO week YYYY-Www that the year has (W01 to W52 or W53).");
        return null;
    }

    /// <summary>A route's Validate: 400 naming week unless it is a week the year has.</summary>
    public static ProblemDetails Check(string? text)
    {
        var v = new Checks();
        Parse(text, v);
        return v.Details();
    }

    /// <summary>The week of a route that Validate has checked.</summary>
    public static IsoWeek Of(string text) => Parse(text, new Checks())!.Value;
}
