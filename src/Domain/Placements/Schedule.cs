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
/// One block of working time on a weekday, <paramref name="From"/> to <paramref name="To"/> as "HH:MM" in quarter hours
/// (§ 5 Abs. 3 AsylbLG: the notice must say when the work is to be done, so it is reasonable "nach Zeit").
/// </summary>
public sealed record ScheduleBlock(Weekday Weekday, string From, string To)
{
    // Methods, not properties: the record is stored in events and answered as JSON, minutes are not part of it.
    public int FromMinutes() => Schedule.Minutes(From) ?? 0;
    public int ToMinutes() => Schedule.Minutes(To) ?? 0;
    public int Length() => ToMinutes() - FromMinutes();
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

    /// <summary>Why the blocks do not make up the week of <paramref name="hoursPerWeek"/> hours (blocks overlapping on a day, another total), or null.</summary>
    public static string? Mismatch(IReadOnlyList<ScheduleBlock> blocks, int hoursPerWeek)
    {
        foreach (var day in blocks.GroupBy(b => b.Weekday))
        {
            var sorted = day.OrderBy(b => b.FromMinutes()).ToList();
            for (var i = 1; i < sorted.Count; i++)
                if (sorted[i].FromMinutes() < sorted[i - 1].ToMinutes())
                    return $"The blocks on {day.Key.ToString().ToLowerInvariant()} overlap.";
        }
        var total = blocks.Sum(b => b.Length());
        return total == hoursPerWeek * 60 ? null
            : $"The schedule adds up to {total / 60.0:0.##} hours a week, the assignment to {hoursPerWeek}.";
    }
}
