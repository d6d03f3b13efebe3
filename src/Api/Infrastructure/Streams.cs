using System.Collections.Concurrent;
using AGH.Api.Placements;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Fetches the streams a decision reads for writing: the folded aggregate with its version, locked for the transaction
/// (<c>select … for update</c>), so a concurrent command on the same stream waits instead of losing a race. Several
/// streams are always locked in one order, offer before person, so two commands never deadlock.
/// </summary>
public static class Streams
{
    public static async Task<IEventStream<Offer>?> Offer(IDocumentSession session, Guid id, CancellationToken ct) =>
        id == Guid.Empty ? null : Existing(await session.Events.FetchForExclusiveWriting<Offer>(id, ct));

    public static async Task<IEventStream<Person>?> Person(IDocumentSession session, Guid id, CancellationToken ct) =>
        id == Guid.Empty ? null : Existing(await session.Events.FetchForExclusiveWriting<Person>(id, ct));

    private static IEventStream<T>? Existing<T>(IEventStream<T> stream) where T : class => stream.Aggregate is null ? null : stream;

    /// <summary>A fetched stream, as <see cref="Append"/> takes it.</summary>
    public sealed record Fetched(Guid Id, Action<object[]> AppendMany);

    public static Fetched Of<T>(IEventStream<T> stream) where T : class => new(stream.Id, events => stream.AppendMany(events));

    /// <summary>Appends a decision's events: to the fetched streams (checked against the version read), others as they come.</summary>
    public static void Append(IDocumentSession session, Decision decision, params Fetched[] fetched)
    {
        foreach (var group in decision.Events.GroupBy(e => e.StreamId))
        {
            var events = group.Select(e => e.Event).ToArray();
            if (fetched.FirstOrDefault(s => s.Id == group.Key) is { } stream) stream.AppendMany(events);
            else if (events[0] is IStartsStream) session.Events.StartStream(group.Key, events);
            else session.Events.Append(group.Key, events);
        }
    }
}

/// <summary>
/// A placement's person stream, fetched for writing, and the placement in it. <see cref="HoursAfter"/> holds the
/// person's hours after a day when the loader was asked for them (ending a placement), else none.
/// </summary>
public sealed record PlacementStream(IEventStream<Person> Stream, Placement Placement)
{
    public Person Person => Stream.Aggregate!;

    public HourLog HoursAfter { get; init; } = HourLog.Empty;
}

/// <summary>
/// A sanction proposal's person stream, fetched for writing. <see cref="HoursAfterRefusal"/> holds the person's hours
/// after the refusal's day when the loader was asked for them (reviewing a restriction), else none.
/// </summary>
public sealed record ProposalStream(IEventStream<Person> Stream, Guid ProposalId)
{
    public Person Person => Stream.Aggregate!;

    public HourLog HoursAfterRefusal { get; init; } = HourLog.Empty;
}

/// <summary>A person's stream, fetched for writing, with the person's hours after a day (ending the entitlement).</summary>
public sealed record PersonStream(IEventStream<Person> Stream, HourLog HoursAfter)
{
    public Person Person => Stream.Aggregate!;
}

public static class CommandStreams
{
    /// <summary>
    /// The placement's person, locked; null (404) when there is none or the caller may not see it. A command that also
    /// writes the offer (ending frees the place) locks the offer first, in the order every command keeps.
    /// </summary>
    /// <remarks>With <paramref name="hoursAfter"/> the person's hours of the weeks after that day are read too, once locked.</remarks>
    public static async Task<PlacementStream?> Placement(IDocumentSession session, Guid placementId, HttpContext http, CancellationToken ct,
        bool writesOffer = false, DateOnly? hoursAfter = null)
    {
        if (await VisiblePlacement(session, placementId, Access.Actor(http), ct) is not { } index) return null;
        if (writesOffer) await Streams.Offer(session, index.OfferId, ct);
        if (Placed(await Streams.Person(session, index.PersonId, ct), placementId) is not { } found) return null;
        return found with
        {
            HoursAfter = hoursAfter is { } day ? await HourReads.After(session, index.PersonId, day, ct) : HourLog.Empty,
        };
    }

    /// <summary>Whose the placement is when it exists and the caller may see it; nothing is locked (commands and queries).</summary>
    /// <remarks>
    /// A provider sees the placements on its own offers (<see cref="ProviderScope"/>), never by municipality.
    /// Every caller then reads the person and finds the placement in it (404 otherwise), so an owner from
    /// <see cref="PlacementOwners"/> answers exactly as the index document would.
    /// </remarks>
    public static async Task<PlacementOwner?> VisiblePlacement(IQuerySession session, Guid placementId, Actor actor, CancellationToken ct)
    {
        if (placementId == Guid.Empty || await PlacementOwners.Find(session, placementId, ct) is not { } owner) return null;
        if (ProviderScope.IsProvider(actor)) return await ProviderScope.OwnsPlacement(session, actor, owner.OfferId, ct) ? owner : null;
        return actor.MaySee(owner.Municipality) ? owner : null;
    }

    /// <summary>The placement in its person's locked stream; null when the stream or the placement is missing.</summary>
    public static PlacementStream? Placed(IEventStream<Person>? stream, Guid placementId) =>
        stream?.Aggregate is { } person && person.Placements.TryGetValue(placementId, out var placement) ? new PlacementStream(stream, placement) : null;

    /// <summary>The proposal's person, locked; null (404) when there is none or the caller may not see it.</summary>
    /// <remarks>With <paramref name="hoursAfterRefusal"/> the person's hours after the refusal's day are read too, once locked.</remarks>
    public static async Task<ProposalStream?> Proposal(IDocumentSession session, Guid proposalId, HttpContext http, CancellationToken ct,
        bool hoursAfterRefusal = false)
    {
        if (proposalId == Guid.Empty) return null;
        var index = await session.LoadAsync<ProposalIndex>(proposalId, ct);
        if (index is null) return null;
        var stream = await Streams.Person(session, index.PersonId, ct);
        if (stream is null || !Access.Actor(http).MaySee(stream.Aggregate!.Municipality) || !stream.Aggregate.Proposals.ContainsKey(proposalId)) return null;
        return new ProposalStream(stream, proposalId)
        {
            HoursAfterRefusal = hoursAfterRefusal
                ? await HourReads.After(session, index.PersonId, SanctionDecisions.RefusalDate(stream.Aggregate, proposalId), ct)
                : HourLog.Empty,
        };
    }

    /// <summary>
    /// A person the caller may see, locked; null (404) otherwise. With <paramref name="writesActiveOffer"/> the offer of
    /// the person's active placement is locked first (ending the entitlement frees its place).
    /// </summary>
    public static async Task<IEventStream<Person>?> Person(IDocumentSession session, Guid personId, HttpContext http, CancellationToken ct,
        bool writesActiveOffer = false)
    {
        if (writesActiveOffer && personId != Guid.Empty && (await session.LoadAsync<Person>(personId, ct))?.ActivePlacement is { } active)
            await Streams.Offer(session, active.OfferId, ct);
        return await Streams.Person(session, personId, ct) is { } stream && Access.Actor(http).MaySee(stream.Aggregate!.Municipality) ? stream : null;
    }

    /// <summary>As the overload without a day, with the person's hours of the weeks after <paramref name="hoursAfter"/>, read once locked.</summary>
    public static async Task<PersonStream?> Person(IDocumentSession session, Guid personId, DateOnly hoursAfter, HttpContext http, CancellationToken ct,
        bool writesActiveOffer = false) =>
        await Person(session, personId, http, ct, writesActiveOffer) is { } stream
            ? new PersonStream(stream, await HourReads.After(session, personId, hoursAfter, ct))
            : null;
}

/// <summary>The person, offer and municipality a placement belongs to (its <see cref="PlacementIndex"/> entry without its status).</summary>
public sealed record PlacementOwner(Guid PlacementId, Guid PersonId, Guid OfferId, string Municipality);

/// <summary>
/// Whose a placement is, read from the index once per process. <c>PersonAssigned</c> writes these three values once and
/// no later event changes them (<c>PlacementEnded</c> only ends it; erasure masks texts and deletes no document; a
/// rebuild writes the same values), so a kept owner is never stale on any node. Saves every command on a placement a
/// round trip to the database before its transaction (measured in bench/results/throughput-*.json).
/// </summary>
public static class PlacementOwners
{
    // About 150 bytes an entry: a district's placements of several years fit; beyond the bound it starts over.
    private const int Bound = 200_000;
    private static readonly ConcurrentDictionary<Guid, PlacementOwner> Known = new();

    public static async Task<PlacementOwner?> Find(IQuerySession session, Guid placementId, CancellationToken ct)
    {
        if (Known.TryGetValue(placementId, out var owner)) return owner;
        if (await session.LoadAsync<PlacementIndex>(placementId, ct) is not { } index) return null;
        if (Known.Count >= Bound) Known.Clear();
        return Known[placementId] = new PlacementOwner(index.Id, index.PersonId, index.OfferId, index.Municipality);
    }
}
