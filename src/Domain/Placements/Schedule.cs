using System.Globalization;

namespace AGH.Domain.Placements;

/// <summary>A day of the week in the schedule of a Heranziehungsbescheid (contract v3b), Monday first as in German usage.</summary>
public enum Weekday
{
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// <summary>
/// One block of working time on a weekday, <paramref name="FromMinute"/> to <paramref name="ToMinute"/> in minutes after
/// midnight, on quarter hours (§ 5 Abs. 3 AsylbLG: the notice must say when the work is to be done, so it is reasonable
/// "nach Zeit"). Numbers, not text: nothing in it is personal, so erasure has nothing to mask.
/// </summary>
public sealed record ScheduleBlock(Weekday Weekday, int FromMinute, int ToMinute)
{
    public int Length() => ToMinute - FromMinute;

    public string From() => Schedule.Text(FromMinute);

    public string To() => Schedule.Text(ToMinute);
}

public static class Schedule
{
    /// <summary>Minutes after midnight of an exact "HH:MM" on a quarter hour (00:00 to 24:00), else null.</summary>
    public static int? Minutes(string? hhmm)
    {
        if (hhmm is not { Length: 5 } || hhmm[2] != ':'
            || !int.TryParse(hhmm.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(hhmm.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            return null;
        if (m % 15 != 0 || m > 45 || h > 24 || (h == 24 && m != 0)) return null;
        return h * 60 + m;
    }

    public static string Text(int minutes) => $"{minutes / 60:D2}:{minutes % 60:D2}";

    /// <summary>Why the blocks do not make up the week of <paramref name="hoursPerWeek"/> hours (blocks overlapping on a day, another total), or null.</summary>
    public static string? Mismatch(IReadOnlyList<ScheduleBlock> blocks, int hoursPerWeek)
    {
        foreach (var day in blocks.GroupBy(b => b.Weekday))
        {
            var sorted = day.OrderBy(b => b.FromMinute).ToList();
            for (var i = 1; i < sorted.Count; i++)
                if (sorted[i].FromMinute < sorted[i - 1].ToMinute)
                    return $"The blocks on {day.Key.ToString().ToLowerInvariant()} overlap.";
        }
        var total = blocks.Sum(b => b.Length());
        return total == hoursPerWeek * 60 ? null
            : $"The schedule adds up to {total / 60.0:0.##} hours a week, the assignment to {hoursPerWeek}.";
    }
}
