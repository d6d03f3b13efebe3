using System.Globalization;

namespace AGH.Api.Infrastructure;

/// <summary>
/// "Today" is a calendar day in Europe/Berlin, whatever the server's zone. In Development, <c>Clock:Today</c> fixes it
/// so the date rules (posting before Christmas, a continuation inside its window) can be shown end to end; the time of
/// day, token lifetimes and event timestamps keep running on the real clock.
/// </summary>
public sealed class Clock(TimeProvider time, DateOnly? fixedToday = null)
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => fixedToday ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Berlin).DateTime);

    /// <summary><c>Clock:Today</c> (<c>YYYY-MM-DD</c>) in Development; ignored in every other environment.</summary>
    public static DateOnly? FixedToday(IHostEnvironment environment, IConfiguration configuration)
    {
        var value = configuration["Clock:Today"];
        if (!environment.IsDevelopment() || string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        throw new InvalidOperationException($"Clock:Today must be a date as YYYY-MM-DD, not \"{value}\".");
    }
}
