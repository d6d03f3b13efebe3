using AGH.Domain.Common;

namespace AGH.Tests.Domain;

public class DatesTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-08-31")] // the day before the same day number
    [InlineData("2026-01-15", "2026-07-14")]
    [InlineData("2026-01-31", "2026-07-30")]
    [InlineData("2027-08-31", "2028-02-29")] // no 31 February: the month's last day, a leap year
    [InlineData("2026-08-31", "2027-02-28")]
    [InlineData("2026-08-30", "2027-02-28")] // no 30 February either
    [InlineData("2026-08-29", "2027-02-28")] // no 29 February in 2027
    [InlineData("2027-08-29", "2028-02-28")] // 29 February 2028 exists: the day before it
    [InlineData("2026-12-31", "2027-06-30")] // no 31 June
    [InlineData("2026-07-01", "2026-12-31")] // across no year boundary, ends on New Year's Eve
    public void EndOfMonthsPeriod_counts_six_months_as_188_BGB_does(string startsOn, string endsOn)
    {
        Dates.EndOfMonthsPeriod(T.P(startsOn), 6).Should().Be(T.P(endsOn));
    }

    [Theory]
    [InlineData("2026-11-25", 2026, 48)]
    [InlineData("2026-12-31", 2026, 53)]
    [InlineData("2027-01-01", 2026, 53)]
    [InlineData("2027-01-04", 2027, 1)]
    [InlineData("2025-12-29", 2026, 1)]
    [InlineData("2025-12-28", 2025, 52)]
    public void IsoWeek_gives_the_ISO_week_year_and_number(string date, int year, int week)
    {
        Dates.IsoWeek(T.P(date)).Should().Be((year, week));
    }

    [Theory]
    [InlineData("2008-11-23", "2026-11-22", 17)]
    [InlineData("2008-11-23", "2026-11-23", 18)]
    [InlineData("1959-11-23", "2026-11-23", 67)]
    [InlineData("1959-11-24", "2026-11-23", 66)]
    [InlineData("2000-01-01", "2000-01-01", 0)]
    public void AgeOn_counts_completed_years(string birth, string on, int age)
    {
        Dates.AgeOn(T.P(birth), T.P(on)).Should().Be(age);
    }
}
