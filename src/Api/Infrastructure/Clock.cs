namespace AGH.Api.Infrastructure;

/// <summary>"Today" is a calendar day in Europe/Berlin, whatever the server's zone.</summary>
public sealed class Clock(TimeProvider time)
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Berlin).DateTime);
}
