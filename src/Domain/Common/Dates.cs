using System.Globalization;

namespace AGH.Domain.Common;

public static class Dates
{
    /// <summary>Completed years of life; born on 29 February, a year completes only with 28 February's end (§ 187 Abs. 2, § 188 Abs. 3 BGB).</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on < Birthday(birth, on.Year)) age--;
        return age;
    }

    private static DateOnly Birthday(DateOnly birth, int year) =>
        birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, birth.Month, birth.Day);

    /// <summary>
    /// End of a period of months counted from a start day, as § 188 Abs. 2 and 3 BGB count it: the day before the
    /// same day number, or the month's last day where that day number does not exist.
    /// </summary>
    public static DateOnly EndOfMonthsPeriod(DateOnly startsOn, int months)
    {
        var target = startsOn.AddMonths(months);
        var lastDay = DateTime.DaysInMonth(target.Year, target.Month);
        if (startsOn.Day > lastDay) return new DateOnly(target.Year, target.Month, lastDay);
        return new DateOnly(target.Year, target.Month, startsOn.Day).AddDays(-1);
    }

    public static (int Year, int Week) IsoWeek(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return (ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
    }
}
