using AGH.Api.Placements;

namespace AGH.Api.Timesheets;

/// <summary>Who confirmed a month (the provider's user id) and when.</summary>
public sealed record TimesheetConfirmationDto(string By, DateTimeOffset At);

public sealed record TimesheetDay(DateOnly Date, int Minutes);

public sealed record TimesheetRow(Guid PlacementId, ProviderPersonDto Person, IReadOnlyList<ScheduleBlockDto>? Schedule, IReadOnlyList<TimesheetDay> Days);

public sealed record TimesheetDto(Guid OfferId, string Month, TimesheetConfirmationDto? Confirmed, IReadOnlyList<TimesheetRow> Placements)
{
    /// <summary>The daily cap across a person's placements (Policy:DailyCapMinutes), so a grid shows the limit the hours route applies.</summary>
    [System.ComponentModel.Description("The most minutes a person may work on one day across placements (422 daily-limit above it).")]
    public int DailyLimitMinutes { get; init; }
}

/// <summary>
/// An offer's hours of one month, person by person and day by day (contract v3c): the placements that ran in the month or
/// have hours in it, with the effective minutes per day (corrections applied, days without minutes left out).
/// </summary>
public static class Timesheets
{
    /// <summary>The offer, 404 (null) for a provider's foreign or an unknown one; the rows the caller may see.</summary>
    public static async Task<(Offer Offer, TimesheetDto Sheet)?> Read(IQuerySession session, Actor actor, Guid offerId, Month month, DateOnly today,
        CancellationToken ct)
    {
        if (await OfferSheet.Read(session, actor, offerId, month.First, month.Last, today, ct) is not { } found) return null;
        var rows = found.Rows.Select(r => new TimesheetRow(r.PlacementId, r.PersonDto, r.ScheduleDto,
            r.Logged.Where(d => d.Value > 0).OrderBy(d => d.Key).Select(d => new TimesheetDay(d.Key, d.Value)).ToList())).ToList();
        var confirmed = found.Offer.Confirmations.TryGetValue(month.ToString(), out var c) ? new TimesheetConfirmationDto(c.By, c.At) : null;
        return (found.Offer, new TimesheetDto(offerId, month.ToString(), confirmed, rows));
    }
}
