namespace AGH.Domain.Notices;

/// <summary>How a notice reached, or was sent to, the person.</summary>
public enum DispatchMethod
{
    HandedOver,
    Post,
    Pzu,
    Electronic,
}

/// <summary>
/// The dates the procedure hangs on: when a notice counts as notified (Bekanntgabe) and when the month or year to
/// object ends. Pure calendar arithmetic; which date applies to which notice is the caller's business.
/// </summary>
public static class NoticeCalendar
{
    /// <summary>
    /// Handed over and PZU (the Zustellungsurkunde's date): that day. Post and electronic: the fourth day after
    /// (§ 41 Abs. 2 VwVfG as amended from 2025-01-01 i. V. m. § 1 Abs. 1 NVwVfG), moved to the next working day where it
    /// is a Saturday, Sunday or Lower Saxony holiday: the reading in the person's favour.
    /// </summary>
#pragma warning disable CS8524 // a number outside the enum throws; every named method is listed
    public static DateOnly NotifiedOn(DispatchMethod method, DateOnly on) => method switch
    {
        DispatchMethod.HandedOver or DispatchMethod.Pzu => on,
        DispatchMethod.Post or DispatchMethod.Electronic => LowerSaxonyHolidays.OnOrNextWorkingDay(on.AddDays(4)),
    };
#pragma warning restore CS8524

    /// <summary>
    /// End of a one-month period from <paramref name="from"/> (§ 64 Abs. 2 and 3 SGG): the day of the next month with
    /// the same number, else that month's last day; off Saturdays, Sundays and holidays to the next working day.
    /// </summary>
    public static DateOnly MonthDeadline(DateOnly from) => LowerSaxonyHolidays.OnOrNextWorkingDay(from.AddMonths(1));

    /// <summary>The one-year period where the Rechtsbehelfsbelehrung is missing or wrong (§ 66 Abs. 2 SGG), counted as § 64 SGG counts.</summary>
    public static DateOnly YearDeadline(DateOnly from) => LowerSaxonyHolidays.OnOrNextWorkingDay(from.AddYears(1));

    /// <summary>
    /// The earliest answer deadline of a hearing invitation: 14 days after its presumed receipt, which is the day it
    /// was handed over or, when posted, the notification day of a posted notice.
    /// </summary>
    public static DateOnly EarliestHearingDeadline(DateOnly invitedOn, bool posted) =>
        (posted ? NotifiedOn(DispatchMethod.Post, invitedOn) : invitedOn).AddDays(14);
}
