using AGH.Domain.Notices;

namespace AGH.Tests.Domain;

public class NoticeCalendarTests
{
    // Lower Saxony's holidays as published for each year (Easter: 5 Apr 2026, 28 Mar 2027, 16 Apr 2028, 1 Apr 2029, 21 Apr 2030).
    public static readonly TheoryData<int, string[]> PublishedHolidays = new()
    {
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-10-03", "2026-10-31", "2026-12-25", "2026-12-26"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17", "2027-10-03", "2027-10-31", "2027-12-25", "2027-12-26"] },
        { 2028, ["2028-01-01", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-25", "2028-06-05", "2028-10-03", "2028-10-31", "2028-12-25", "2028-12-26"] },
        { 2029, ["2029-01-01", "2029-03-30", "2029-04-02", "2029-05-01", "2029-05-10", "2029-05-21", "2029-10-03", "2029-10-31", "2029-12-25", "2029-12-26"] },
        { 2030, ["2030-01-01", "2030-04-19", "2030-04-22", "2030-05-01", "2030-05-30", "2030-06-10", "2030-10-03", "2030-10-31", "2030-12-25", "2030-12-26"] },
    };

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void The_holidays_of_a_year_are_the_published_ones(int year, string[] published)
    {
        LowerSaxonyHolidays.Of(year).Should().Equal(published.Select(T.P));
    }

    [Theory]
    [MemberData(nameof(PublishedHolidays))]
    public void A_letter_whose_fourth_day_is_a_holiday_counts_as_notified_on_the_next_working_day(int year, string[] published)
    {
        _ = year;
        foreach (var holiday in published.Select(T.P))
        {
            var notified = NoticeCalendar.NotifiedOn(DispatchMethod.Post, holiday.AddDays(-4));

            notified.Should().BeAfter(holiday, "posted four days before {0}", holiday);
            notified.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);
            for (var day = holiday; day < notified; day = day.AddDays(1))
                LowerSaxonyHolidays.IsWorkingDay(day).Should().BeFalse("{0} lies before the notification day {1}", day, notified);
        }
    }

    [Theory]
    [InlineData("2027-01-07", "2027-01-11")] // Thursday → Monday (the contract's example: the fourth day is a Monday)
    [InlineData("2026-12-03", "2026-12-07")] // Thursday → Monday
    [InlineData("2026-12-02", "2026-12-07")] // Wednesday → Sunday → Monday
    [InlineData("2026-12-01", "2026-12-07")] // Tuesday → Saturday → Monday
    [InlineData("2026-11-30", "2026-12-04")] // Monday → Friday
    [InlineData("2026-12-21", "2026-12-28")] // before Christmas: Friday 25th, Saturday 26th, Sunday → Monday
    [InlineData("2026-12-22", "2026-12-28")]
    [InlineData("2026-12-23", "2026-12-28")]
    [InlineData("2026-12-28", "2027-01-04")] // New Year's Day on a Friday, then the weekend
    [InlineData("2027-03-22", "2027-03-30")] // Good Friday 26 March, weekend, Easter Monday 29 March
    public void A_posted_notice_counts_as_notified_on_the_fourth_day_off_weekends_and_holidays(string postedOn, string notifiedOn)
    {
        NoticeCalendar.NotifiedOn(DispatchMethod.Post, T.P(postedOn)).Should().Be(T.P(notifiedOn));
        NoticeCalendar.NotifiedOn(DispatchMethod.Electronic, T.P(postedOn)).Should().Be(T.P(notifiedOn));
    }

    [Theory]
    [InlineData("2026-12-25")]
    [InlineData("2027-01-09")]
    public void Handed_over_and_PZU_notify_on_the_day_itself_even_on_a_holiday_or_weekend(string on)
    {
        NoticeCalendar.NotifiedOn(DispatchMethod.HandedOver, T.P(on)).Should().Be(T.P(on));
        NoticeCalendar.NotifiedOn(DispatchMethod.Pzu, T.P(on)).Should().Be(T.P(on));
    }

    [Theory]
    [InlineData("2028-01-31", "2028-02-29")] // no 31 February: the month's last day, a leap year (a Tuesday)
    [InlineData("2029-01-31", "2029-02-28")] // the last day of February 2029 is a Wednesday
    [InlineData("2027-01-31", "2027-03-01")] // 28 February 2027 is a Sunday: the next working day
    [InlineData("2026-03-15", "2026-04-15")] // the same day number
    [InlineData("2027-04-17", "2027-05-18")] // 17 May 2027 is Whit Monday
    [InlineData("2027-02-26", "2027-03-30")] // Good Friday, the weekend, Easter Monday
    [InlineData("2026-11-25", "2026-12-28")] // 25 December 2026 is a Friday: holidays and the weekend
    [InlineData("2028-09-30", "2028-10-30")] // a Monday, the day before the Reformationstag
    public void The_objection_deadline_ends_a_month_later_as_64_SGG_counts(string notifiedOn, string deadline)
    {
        NoticeCalendar.MonthDeadline(T.P(notifiedOn)).Should().Be(T.P(deadline));
    }

    [Theory]
    [InlineData("2028-02-29", "2029-02-28")] // no 29 February in 2029: the month's end
    [InlineData("2026-12-25", "2027-12-27")] // 25 and 26 December 2027 are a Saturday and a Sunday: Monday 27th
    [InlineData("2026-06-10", "2027-06-10")]
    public void The_one_year_period_of_66_SGG_is_counted_the_same_way(string notifiedOn, string deadline)
    {
        NoticeCalendar.YearDeadline(T.P(notifiedOn)).Should().Be(T.P(deadline));
    }

    [Theory]
    [InlineData("2026-12-01", false, "2026-12-15")] // handed over: 14 days from the day itself
    [InlineData("2026-12-01", true, "2026-12-21")]  // posted: from the fourth day, moved to Monday 7th
    [InlineData("2026-12-21", true, "2027-01-11")]  // posted before Christmas: received Monday 28th
    public void A_hearing_deadline_runs_at_least_14_days_from_the_presumed_receipt(string invitedOn, bool posted, string earliest)
    {
        NoticeCalendar.EarliestHearingDeadline(T.P(invitedOn), posted).Should().Be(T.P(earliest));
    }

    [Theory]
    [InlineData(1961, "1961-04-02")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Easter_Sunday_is_computed_for_any_year(int year, string easter)
    {
        LowerSaxonyHolidays.EasterSunday(year).Should().Be(T.P(easter));
    }
}
