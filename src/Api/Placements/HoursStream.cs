using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;
using AGH.Projections;
using Marten;

namespace AGH.Api.Placements;

/// <summary>
/// A placement fetched for writing hours, with the last day of its offer (null when open-ended) and the person's hours
/// of the ISO week the command touches (all placements: the daily cap and the person's weekly cap count across them).
/// The offer is read, not locked: hours are not written to the offer's stream, and an offer's period does not change
/// once registered. The week is read after the person's stream is locked, and week documents are written inline in the
/// same transaction as the person's events, so it is the week as the lock holder sees it.
/// </summary>
public sealed record HoursStream(PlacementStream Placement, DateOnly? OfferEndsOn, HourLog Week)
{
    /// <remarks>
    /// The hot path: after the placement's index, one round trip with the lock first, then the person, the offer and the
    /// week. PostgreSQL runs a batch's statements in order, each with its own snapshot (read committed), so the person
    /// and the week are read after the lock is granted, as the lock holder's commit left them.
    /// </remarks>
    public static async Task<HoursStream?> Load(IDocumentSession session, LogHours command, HttpContext http, CancellationToken ct)
    {
        if (await CommandStreams.VisiblePlacement(session, command.PlacementId, Access.Actor(http), ct) is not { } index) return null;
        // The lock must be taken inside the command's transaction, so it holds until the commit.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var locked = batch.Events.FetchForExclusiveWriting<Person>(index.PersonId);
        var offer = batch.Load<Offer>(index.OfferId);
        var week = batch.Load<WeekHours>(WeekHours.IdFor(index.PersonId, command.Date));
        await batch.Execute(ct);
        if (CommandStreams.Placed(await locked, command.PlacementId) is not { } stream) return null;
        return new HoursStream(stream, (await offer)?.EndsOn, await week is { } w ? WeekHours.Log([w]) : HourLog.Empty);
    }

    /// <summary>The week of the entry named (an original or a correction); an empty week when the entry does not exist.</summary>
    public static Task<HoursStream?> Load(IDocumentSession session, CorrectHours command, HttpContext http, CancellationToken ct) =>
        Load(session, command.PlacementId, http, ct, (personId, ct2) => WeekHoursReads.WeekOfEntry(session, personId, command.EntryId, ct2));

    private static async Task<HoursStream?> Load(IDocumentSession session, Guid placementId, HttpContext http, CancellationToken ct,
        Func<Guid, CancellationToken, Task<HourLog>> week)
    {
        if (await CommandStreams.Placement(session, placementId, http, ct) is not { } stream) return null;
        var offer = await session.LoadAsync<Offer>(stream.Placement.OfferId, ct);
        return new HoursStream(stream, offer?.EndsOn, await week(stream.Person.Id, ct));
    }
}

/// <summary>Reads of the week documents (<see cref="WeekHours"/>): only the weeks a command or view needs (a placement's answer: <see cref="PlacementHours"/>).</summary>
public static class WeekHoursReads
{
    public static async Task<HourLog> Week(IQuerySession session, Guid personId, DateOnly date, CancellationToken ct) =>
        await session.LoadAsync<WeekHours>(WeekHours.IdFor(personId, date), ct) is { } week ? WeekHours.Log([week]) : HourLog.Empty;

    /// <summary>Corrections are rare, so the containment query over the person's weeks is cheap enough.</summary>
    public static async Task<HourLog> WeekOfEntry(IQuerySession session, Guid personId, Guid entryId, CancellationToken ct)
    {
        var weeks = await session.Query<WeekHours>()
            .Where(w => w.PersonId == personId && w.Entries.Any(e => e.EntryId == entryId))
            .ToListAsync(ct);
        return WeekHours.Log(weeks);
    }

    /// <summary>Every week holding a day after <paramref name="day"/> (an end, a refusal): at least all hours dated after it.</summary>
    public static Task<HourLog> After(IQuerySession session, Guid personId, DateOnly day, CancellationToken ct) =>
        From(session, personId, WeekHours.MondayOf(day), ct);

    /// <summary>The person's weeks from the one holding <paramref name="day"/> on (a placement's period from its start).</summary>
    public static async Task<HourLog> From(IQuerySession session, Guid personId, DateOnly day, CancellationToken ct)
    {
        var monday = WeekHours.MondayOf(day);
        var weeks = await session.Query<WeekHours>().Where(w => w.PersonId == personId && w.Monday >= monday).ToListAsync(ct);
        return WeekHours.Log(weeks);
    }

    /// <summary>
    /// Each person's hours from the week of the earliest refusal under their restrictions on (the review list), read in one
    /// query; persons without a restriction are not asked for.
    /// </summary>
    public static async Task<Dictionary<Guid, HourLog>> AfterRefusals(IQuerySession session, IReadOnlyList<Person> persons, CancellationToken ct)
    {
        var from = persons
            .Select(p => (p.Id, Refusals: p.Proposals.Values.Where(x => x.Restriction is not null).Select(x => SanctionDecisions.RefusalDate(p, x.ProposalId)).ToList()))
            .Where(x => x.Refusals.Count > 0)
            .ToDictionary(x => x.Id, x => WeekHours.MondayOf(x.Refusals.Min()));
        if (from.Count == 0) return [];
        var ids = from.Keys.ToArray();
        var earliest = from.Values.Min();
        var weeks = await session.Query<WeekHours>().Where(w => ids.Contains(w.PersonId) && w.Monday >= earliest).ToListAsync(ct);
        return weeks.Where(w => w.Monday >= from[w.PersonId]).GroupBy(w => w.PersonId).ToDictionary(g => g.Key, g => WeekHours.Log(g));
    }

    public static async Task<HourLog> OfPerson(IQuerySession session, Guid personId, CancellationToken ct) =>
        WeekHours.Log(await session.Query<WeekHours>().Where(w => w.PersonId == personId).ToListAsync(ct));

    /// <summary>Every person's hours dated in or before a day (a payout run's month).</summary>
    public static async Task<Dictionary<Guid, HourLog>> UpTo(IQuerySession session, DateOnly lastDay, CancellationToken ct)
    {
        var weeks = await session.Query<WeekHours>().Where(w => w.Monday <= lastDay).ToListAsync(ct);
        return weeks.GroupBy(w => w.PersonId).ToDictionary(g => g.Key, g => WeekHours.Log(g));
    }
}
