namespace AGH.Domain.Notices;

/// <summary>
/// The public holidays of Lower Saxony (§ 2 Abs. 1 NFeiertagsG, with the Reformationstag since 2018). Deadlines and
/// notification days move off them, off Saturdays and off Sundays (§ 64 Abs. 3 SGG, § 31 Abs. 3 VwVfG).
/// </summary>
public static class LowerSaxonyHolidays
{
    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),    // Neujahr
            easter.AddDays(-2),          // Karfreitag
            easter.AddDays(1),           // Ostermontag
            new DateOnly(year, 5, 1),    // Tag der Arbeit
            easter.AddDays(39),          // Christi Himmelfahrt
            easter.AddDays(50),          // Pfingstmontag
            new DateOnly(year, 10, 3),   // Tag der Deutschen Einheit
            new DateOnly(year, 10, 31),  // Reformationstag
            new DateOnly(year, 12, 25),  // 1. Weihnachtstag
            new DateOnly(year, 12, 26),  // 2. Weihnachtstag
        ];
    }

    public static bool IsHoliday(DateOnly day) => Of(day.Year).Contains(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public static DateOnly OnOrNextWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
