using AGH.Api.Placements;

namespace AGH.Api.Timesheets;

public sealed record WeekDayDto(
    DateOnly Date,
    [property: System.ComponentModel.Description("Whether the day lies within the placement (from startsOn to until); hours on other days are 422 outside-placement.")]
    bool InPlacement,
    [property: System.ComponentModel.Description("Minutes planned for this weekday by the schedule (0 without one).")]
    int PlannedMinutes,
    [property: System.ComponentModel.Description("Effective minutes logged on the day on this placement (corrections applied).")]
    int Minutes);

public sealed record WeekRowDto(
    Guid PlacementId,
    ProviderPersonDto Person,
    DateOnly StartsOn,
    [property: System.ComponentModel.Description("The placement's last day: the day it ended, else its planned end (null: open-ended).")]
    DateOnly? Until,
    IReadOnlyList<ScheduleBlockDto>? Schedule,
    IReadOnlyList<WeekDayDto> Days);

public sealed record WeekDto(Guid OfferId, string Week, DateOnly Monday, DateOnly Sunday,
    [property: System.ComponentModel.Description("The most minutes a person may work on one day across placements (422 daily-limit above it).")]
    int DailyLimitMinutes,
    IReadOnlyList<WeekRowDto> Placements);

/// <summary>
/// An offer's week as a grid (contract v3d, issue 20): the placements that ran in the week or have hours in it, each with
/// its seven days, what the schedule plans and what is logged. Rows are visible as in the timesheet: a caseworker sees
/// its municipality's persons only.
/// </summary>
public static class WeekGrid
{
    public static async Task<WeekDto?> Read(IQuerySession session, Actor actor, Guid offerId, IsoWeek week, DateOnly today, int dailyLimit, CancellationToken ct)
    {
        if (await OfferSheet.Read(session, actor, offerId, week.Monday, week.Sunday, today, ct) is not { } found) return null;
        return new WeekDto(offerId, week.ToString(), week.Monday, week.Sunday, dailyLimit, found.Rows.Select(r => new WeekRowDto(r.PlacementId, r.PersonDto,
            r.Placement.StartsOn, r.End, r.ScheduleDto, Enumerable.Range(0, 7).Select(d => Day(r, week.Monday.AddDays(d))).ToList())).ToList());
    }

    private static WeekDayDto Day(SheetRow row, DateOnly day) => new(day, row.Placement.Covers(day),
        row.Placement.Schedule?.Where(b => (int)b.Weekday == ((int)day.DayOfWeek + 6) % 7).Sum(b => b.Length()) ?? 0, row.Logged.GetValueOrDefault(day));
}
