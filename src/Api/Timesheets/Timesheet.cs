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
        var offer = offerId == Guid.Empty ? null : await session.LoadAsync<Offer>(offerId, ct);
        if (offer is null || !ProviderScope.MaySee(actor, offer)) return null;
        var query = session.Query<PlacementIndex>().Where(p => p.OfferId == offerId);
        // A caseworker sees the rows of its municipality's persons only (contract v3 roles table).
        if (actor.Role == Roles.Caseworker && actor.Municipality is { } own) query = query.Where(p => p.Municipality == own);
        var index = await query.ToListAsync(ct);
        var hours = index.Count == 0 ? HourLog.Empty : await HourReads.OfPlacements(session, index.Select(i => i.Id).ToArray(), month.First, month.Last, ct);
        var persons = (await session.LoadManyAsync<Person>(ct, index.Select(i => i.PersonId).Distinct())).ToDictionary(p => p.Id);
        var rows = new List<TimesheetRow>();
        foreach (var i in index)
        {
            if (!persons.TryGetValue(i.PersonId, out var person) || !person.Placements.TryGetValue(i.Id, out var placement)) continue;
            var days = hours.EffectiveOf(i.Id).GroupBy(e => e.Date).Select(g => new TimesheetDay(g.Key, g.Sum(e => e.Minutes)))
                .Where(d => d.Minutes > 0).OrderBy(d => d.Date).ToList();
            var end = placement.EndedOnAsOf(today) ?? placement.Until;
            var ran = placement.StartsOn <= month.Last && (end is null || end >= month.First);
            if (!ran && days.Count == 0) continue;
            rows.Add(new TimesheetRow(i.Id, new ProviderPersonDto(person.GivenName, person.FamilyName),
                placement.Schedule?.Select(b => new ScheduleBlockDto(b.Weekday, b.From(), b.To())).ToList(), days));
        }
        var confirmed = offer.Confirmations.TryGetValue(month.ToString(), out var c) ? new TimesheetConfirmationDto(c.By, c.At) : null;
        return (offer, new TimesheetDto(offer.Id, month.ToString(), confirmed,
            rows.OrderBy(r => r.Person.FamilyName, StringComparer.Ordinal).ThenBy(r => r.Person.GivenName, StringComparer.Ordinal).ThenBy(r => r.PlacementId).ToList()));
    }
}

/// <summary>The month's timesheet of an offer: providers (own offers), caseworkers (their municipality's rows), payroll, auditors.</summary>
[TimesheetReader]
public static class GetTimesheetEndpoint
{
    [WolverineGet("/api/offers/{id}/timesheets/{month}", OperationId = "getTimesheet"), Tags("Timesheets")]
    [EndpointSummary("An offer's hours of a month, person by person and day by day, and whether the provider confirmed them")]
    [EndpointDescription("Provider: its own offers only (another's or unknown: 404); caseworker: only the rows of its municipality's persons; "
        + "payroll and auditors: all. month is YYYY-MM (400 otherwise). Days list the effective minutes (corrections applied); confirmed is null "
        + "until the provider confirms the month.")]
    [ProducesResponseType<TimesheetDto>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Get(Guid id, string month, HttpContext http, IQuerySession session, Clock clock, Policy policy)
    {
        var v = new Checks();
        var parsed = TimesheetMonth.Parse(month, v);
        if (v.Failed) return v.Details().Answer();
        return await Timesheets.Read(session, Access.Actor(http), id, parsed!.Value, clock.Today, http.RequestAborted) is { } found
            ? Results.Ok(found.Sheet with { DailyLimitMinutes = policy.DailyCapMinutes })
            : Problems.NotFound("offer").Answer();
    }
}
