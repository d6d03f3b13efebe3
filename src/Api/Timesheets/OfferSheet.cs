using AGH.Api.Placements;

namespace AGH.Api.Timesheets;

/// <summary>
/// One placement's row of an offer's sheet over some days (a month's timesheet, a week's grid): its person, its last day
/// (the day it ended, else its planned end) and the effective minutes logged per day (corrections applied).
/// </summary>
public sealed record SheetRow(Guid PlacementId, Person Person, Placement Placement, DateOnly? End, IReadOnlyDictionary<DateOnly, int> Logged)
{
    public ProviderPersonDto PersonDto => new(Person.GivenName, Person.FamilyName);

    public IReadOnlyList<ScheduleBlockDto>? ScheduleDto => Placement.Schedule?.Select(b => new ScheduleBlockDto(b.Weekday, b.From(), b.To())).ToList();
}

/// <summary>
/// The read behind the timesheet, its PDF and the week grid: the offer (404 for a provider's foreign or an unknown one) and
/// the placements that ran in the days or have hours in them, in the person's name order. A caseworker sees its
/// municipality's persons only (contract v3 roles table).
/// </summary>
public static class OfferSheet
{
    /// <summary>The offer as the caller may see it, with all its placements (the week's hours command checks against all of them).</summary>
    public static async Task<(Offer Offer, IReadOnlyList<PlacementIndex> Index)?> Offer(IQuerySession session, Actor actor, Guid offerId, CancellationToken ct)
    {
        var offer = offerId == Guid.Empty ? null : await session.LoadAsync<Offer>(offerId, ct);
        if (offer is null || !ProviderScope.MaySee(actor, offer)) return null;
        return (offer, await session.Query<PlacementIndex>().Where(p => p.OfferId == offerId).ToListAsync(ct));
    }

    public static async Task<(Offer Offer, IReadOnlyList<SheetRow> Rows)?> Read(IQuerySession session, Actor actor, Guid offerId, DateOnly first,
        DateOnly last, DateOnly today, CancellationToken ct)
    {
        if (await Offer(session, actor, offerId, ct) is not { } found) return null;
        var index = found.Index.Where(i => actor.Role != Roles.Caseworker || actor.Municipality is not { } own || i.Municipality == own).ToList();
        var hours = index.Count == 0 ? HourLog.Empty : await HourReads.OfPlacements(session, index.Select(i => i.Id).ToArray(), first, last, ct);
        var persons = (await session.LoadManyAsync<Person>(ct, index.Select(i => i.PersonId).Distinct())).ToDictionary(p => p.Id);
        var rows = new List<SheetRow>();
        foreach (var i in index)
        {
            if (!persons.TryGetValue(i.PersonId, out var person) || !person.Placements.TryGetValue(i.Id, out var placement)) continue;
            var logged = hours.EffectiveOf(i.Id).GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.Sum(e => e.Minutes));
            var end = placement.EndedOnAsOf(today) ?? placement.Until;
            var ran = placement.StartsOn <= last && (end is null || end >= first);
            if (ran || logged.Values.Any(m => m > 0)) rows.Add(new SheetRow(i.Id, person, placement, end, logged));
        }
        return (found.Offer, rows.OrderBy(r => r.Person.FamilyName, StringComparer.Ordinal).ThenBy(r => r.Person.GivenName, StringComparer.Ordinal)
            .ThenBy(r => r.PlacementId).ToList());
    }
}
