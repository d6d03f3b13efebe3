using System.Globalization;
using AGH.Api.Placements;

namespace AGH.Api.Timesheets;

/// <summary>The ISO week of a week route: YYYY-Www, a week the year has (400 otherwise).</summary>
public readonly record struct IsoWeek(int Year, int Number)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public override string ToString() => $"{Year:D4}-W{Number:D2}";

    public static IsoWeek? Parse(string? text, Checks v)
    {
        if (text is { Length: 8 } && text[4] == '-' && text[5] == 'W'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200
            && int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
            return new IsoWeek(year, week);
        v.Add("week", "must be an ISO week YYYY-Www that the year has (W01 to W52 or W53).");
        return null;
    }
}

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
    public static async Task<(Offer Offer, IReadOnlyList<PlacementIndex> Index)?> Offer(IQuerySession session, Actor actor, Guid offerId, CancellationToken ct)
    {
        var offer = offerId == Guid.Empty ? null : await session.LoadAsync<Offer>(offerId, ct);
        if (offer is null || !ProviderScope.MaySee(actor, offer)) return null;
        return (offer, await session.Query<PlacementIndex>().Where(p => p.OfferId == offerId).ToListAsync(ct));
    }

    public static async Task<WeekDto?> Read(IQuerySession session, Actor actor, Guid offerId, IsoWeek week, DateOnly today, int dailyLimit, CancellationToken ct)
    {
        if (await Offer(session, actor, offerId, ct) is not { } found) return null;
        var index = found.Index.Where(i => actor.Role != Roles.Caseworker || actor.Municipality is not { } own || i.Municipality == own).ToList();
        var hours = index.Count == 0 ? HourLog.Empty : await HourReads.OfPlacements(session, index.Select(i => i.Id).ToArray(), week.Monday, week.Sunday, ct);
        var persons = (await session.LoadManyAsync<Person>(ct, index.Select(i => i.PersonId).Distinct())).ToDictionary(p => p.Id);
        var rows = new List<WeekRowDto>();
        foreach (var i in index)
        {
            if (!persons.TryGetValue(i.PersonId, out var person) || !person.Placements.TryGetValue(i.Id, out var placement)) continue;
            var logged = hours.EffectiveOf(i.Id).GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.Sum(e => e.Minutes));
            var end = placement.EndedOnAsOf(today) ?? placement.Until;
            var ran = placement.StartsOn <= week.Sunday && (end is null || end >= week.Monday);
            if (!ran && logged.Values.All(m => m == 0)) continue;
            var days = Enumerable.Range(0, 7).Select(d => week.Monday.AddDays(d)).Select(day => new WeekDayDto(day, placement.Covers(day),
                placement.Schedule?.Where(b => (int)b.Weekday == ((int)day.DayOfWeek + 6) % 7).Sum(b => b.Length()) ?? 0,
                logged.GetValueOrDefault(day))).ToList();
            rows.Add(new WeekRowDto(i.Id, new ProviderPersonDto(person.GivenName, person.FamilyName), placement.StartsOn, end,
                placement.Schedule?.Select(b => new ScheduleBlockDto(b.Weekday, b.From(), b.To())).ToList(), days));
        }
        return new WeekDto(offerId, week.ToString(), week.Monday, week.Sunday, dailyLimit,
            rows.OrderBy(r => r.Person.FamilyName, StringComparer.Ordinal).ThenBy(r => r.Person.GivenName, StringComparer.Ordinal).ThenBy(r => r.PlacementId).ToList());
    }
}

/// <summary>An offer's week, person by person and day by day: providers (own offers), caseworkers (their municipality's rows), payroll, auditors.</summary>
[TimesheetReader]
public static class GetWeekEndpoint
{
    [WolverineGet("/api/offers/{id}/weeks/{week}", OperationId = "getOfferWeek"), Tags("Timesheets")]
    [EndpointSummary("An offer's ISO week as a grid: the placements of the week with their schedule and the minutes logged per day")]
    [EndpointDescription("week is YYYY-Www (ISO 8601; a week the year does not have, e.g. W54, is 400). Same roles and rows as the timesheet: "
        + "provider its own offers (another's or unknown: 404), caseworker only the rows of its municipality's persons, payroll and auditors all. "
        + "Rows are the placements that ran in the week or have hours in it; each day says whether it lies within the placement, the planned "
        + "minutes of its weekday and the effective minutes logged.")]
    [ProducesResponseType<WeekDto>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Get(Guid id, string week, HttpContext http, IQuerySession session, Clock clock, Policy policy)
    {
        var v = new Checks();
        var parsed = IsoWeek.Parse(week, v);
        if (v.Failed) return v.Details().Answer();
        return await WeekGrid.Read(session, Access.Actor(http), id, parsed!.Value, clock.Today, policy.DailyCapMinutes, http.RequestAborted) is { } found
            ? Results.Ok(found)
            : Problems.NotFound("offer").Answer();
    }
}

/// <summary>
/// A week's hours of an offer saved in one request (contract v3d): each entry is logged as its own
/// <c>POST /api/placements/{id}/hours</c> would log it (the same loader with its lock, the same decision, its own
/// transaction), so one refused entry stores nothing for that entry only.
/// </summary>
[ProviderOrCaseworker]
public static class LogWeekHoursEndpoint
{
    /// <summary>The most entries one request may carry (a week of 70 participants).</summary>
    public const int MaxEntries = 500;

    public sealed record Entry([property: Required] Guid? PlacementId, [property: Required] DateOnly? Date, [property: Required] int? Minutes);

    public sealed record Request([property: Required, System.ComponentModel.Description("1 to 500 entries.")] IReadOnlyList<Entry?>? Entries);

    public sealed record EntryResult(Guid PlacementId, DateOnly Date,
        [property: System.ComponentModel.Description("201 stored; 404 placement not visible to the caller; 409 or 422 refused as the hours route refuses it, nothing stored.")]
        int Status,
        [property: System.ComponentModel.Description("The problem code of a refusal: not-in-offer, outside-week, not-found, or the hours route's (daily-limit, weekly-limit, outside-placement, outside-offer, month-confirmed...).")]
        string? Code,
        string? Detail,
        Guid? EntryId);

    public sealed record Answer(Guid OfferId, string Week, IReadOnlyList<EntryResult> Results);

    public static ProblemDetails Validate(Request? body, string week)
    {
        var v = new Checks();
        IsoWeek.Parse(week, v);
        if (body is null) v.Add("$", "A JSON object is required.");
        else if (body.Entries is null) v.Add("entries", "is required.");
        else if (body.Entries.Count is 0 or > MaxEntries) v.Add("entries", $"must hold 1 to {MaxEntries} entries.");
        else
            for (var i = 0; i < body.Entries.Count; i++)
            {
                if (body.Entries[i] is not { } e) { v.Add($"entries[{i}]", "is required."); continue; }
                v.Id(e.PlacementId, $"entries[{i}].placementId");
                v.Date(e.Date, $"entries[{i}].date");
                if (e.Minutes is not > 0 || e.Minutes % 15 != 0) v.Add($"entries[{i}].minutes", "must be a positive multiple of 15.");
            }
        return v.Details();
    }

    [WolverinePost("/api/offers/{id}/weeks/{week}/hours", OperationId = "logOfferWeekHours"), Tags("Timesheets")]
    [EndpointSummary("Log a week's hours of an offer in one request; each entry is checked and stored as its own hours command")]
    [EndpointDescription("Caseworkers (persons of their municipality) and providers (their own offers; another's or unknown offer: 404). "
        + "Body errors (an entry without placementId or date, minutes not a positive multiple of 15, no or more than 500 entries) are 400 and store nothing. "
        + "Otherwise 200 with one result per entry, in order: 201 with entryId when stored; 422 not-in-offer when the placement is not one of this offer; "
        + "422 outside-week when the date lies outside the week; 404 not-found when the placement's person is not visible to the caller; otherwise "
        + "the status and code POST /api/placements/{id}/hours answers (422 daily-limit across placements, 422 weekly-limit, 422 outside-placement, "
        + "422 outside-offer, 409 month-confirmed for providers...). Each entry is its own transaction: a refused entry stores nothing, the others are stored. "
        + "Entries are logged as new entries (two for the same day add up); correct an entry with POST /api/placements/{id}/hours/{entryId}/correction.")]
    [ProducesResponseType<Answer>(200), AnswersProblems(400, 403, 404)]
    public static async Task<IResult> Post(Guid id, string week, Request body, HttpContext http, IDocumentStore store, IQuerySession query,
        Policy policy, Clock clock)
    {
        var ct = http.RequestAborted;
        var actor = Access.Actor(http);
        if (await WeekGrid.Offer(query, actor, id, ct) is not { } found) return Problems.NotFound("offer").Answer();
        var w = IsoWeek.Parse(week, new Checks())!.Value;
        var inOffer = found.Index.Select(i => i.Id).ToHashSet();
        var results = new List<EntryResult>(body.Entries!.Count);
        foreach (var e in body.Entries!)
        {
            var (placementId, date) = (e!.PlacementId!.Value, e.Date!.Value);
            if (!inOffer.Contains(placementId))
                results.Add(new(placementId, date, 422, "not-in-offer", "The placement is not one of this offer.", null));
            else if (date < w.Monday || date > w.Sunday)
                results.Add(new(placementId, date, 422, "outside-week", $"{date:yyyy-MM-dd} lies outside {w}.", null));
            else
                results.Add(await Log(store, actor, http, policy, clock, new LogHours(placementId, Guid.CreateVersion7(), date, e.Minutes!.Value), ct));
        }
        return Results.Ok(new Answer(id, w.ToString(), results));
    }

    // One entry as the hours route runs it: the same loader (person locked in its own transaction), decision and append.
    private static async Task<EntryResult> Log(IDocumentStore store, Actor actor, HttpContext http, Policy policy, Clock clock, LogHours command,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        CommandActor.Set(session, actor);
        if (await HoursStream.Load(session, command, http, ct) is not { } stream)
            return new(command.PlacementId, command.Date, 404, "not-found", "No placement with this id is visible to you.", null);
        var decision = LogHoursEndpoint.Decide(command, stream, policy, clock, http);
        if (decision.Rejection is { } r)
        {
            var problem = Problems.Details(r);
            return new(command.PlacementId, command.Date, problem.Status!.Value, r.Code, r.Detail, null);
        }
        StreamSteps.Append(session, decision, stream);
        await session.SaveChangesAsync(ct);
        return new(command.PlacementId, command.Date, 201, null, null, command.EntryId);
    }
}
