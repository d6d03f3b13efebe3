using System.Globalization;

namespace AGH.Tests.Web;

/// <summary>The ISO weeks the journeys log hours in, as the week routes name them.</summary>
public static class Weeks
{
    /// <summary>Monday of the week before this one: all seven days lie in the past.</summary>
    public static DateOnly LastMonday(DateOnly today) => today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);

    /// <summary>"2026-W48": the week segment of /app/offers/{id}/weeks/{week} and the week API.</summary>
    public static string Code(DateOnly monday)
    {
        var dt = monday.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
    }
}
