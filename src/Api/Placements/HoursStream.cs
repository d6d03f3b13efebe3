namespace AGH.Api.Placements;

/// <summary>
/// A placement fetched for writing hours, with the last day of its offer (null when open-ended) and the person's hours
/// of the ISO week the command touches (all placements: the daily cap and the person's weekly cap count across them).
/// The offer is read, not locked: hours are not written to the offer's stream, and an offer's period does not change
/// once registered. The week is read after the person's stream is locked, and hour rows (<see cref="HourRows"/>) are written inline in
/// the same transaction as the person's events, so it is the week as the lock holder sees it.
/// </summary>
public sealed record HoursStream(PlacementStream Placement, DateOnly? OfferEndsOn, HourLog Week)
{
    /// <summary>The placement's offer as read (its provider and confirmed months, contract v3c).</summary>
    public Offer? Offer { get; init; }

    /// <summary>The write model to keep for the next hour command (<see cref="HoursCopies"/>); null where none is kept.</summary>
    public HoursCopies.Pending? Pending { get; init; }

    /// <summary>Whether the provider confirmed the month of <paramref name="day"/>; offers without a provider never are.</summary>
    public bool Confirmed(DateOnly day) => Offer is { ProviderId: not null } o && o.IsConfirmed(day);

    /// <remarks>
    /// The hot path: the placement's owner (its index entry, read once per process: <see cref="PlacementOwners"/>), then
    /// this node's copy of the write model when it holds one for the week (<see cref="HoursCopies"/>: no read at all), else
    /// one round trip with the lock first, then the person, the offer and the week. PostgreSQL runs a batch's statements
    /// in order, each with its own snapshot (read committed), so the person and the week are read after the lock is
    /// granted, as the lock holder's commit left them. Only a request that is one hour command passes the copies: the week
    /// route stores several entries, each in a transaction of its own, and reads under the lock (a failed entry must not
    /// run the request again).
    /// </remarks>
    public static async Task<HoursStream?> Load(IDocumentSession session, LogHours command, HttpContext http, CancellationToken ct,
        HoursCopies? copies = null)
    {
        if (await CommandStreams.VisiblePlacement(session, command.PlacementId, Access.Actor(http), ct) is not { } index) return null;
        if (copies?.Take(session, index.PersonId, command, http) is { } kept) return kept;
        // The lock must be taken inside the command's transaction, so it holds until the commit.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var locked = batch.Events.FetchForExclusiveWriting<Person>(index.PersonId);
        var offer = batch.Load<Offer>(index.OfferId);
        var week = HourReads.Week(batch, index.PersonId, command.Date);
        await batch.Execute(ct);
        if (CommandStreams.Placed(await locked, command.PlacementId) is not { } stream) return null;
        var read = await offer;
        var pending = copies is null ? null : HoursCopies.Read(http, stream.Person, stream.Stream.StartingVersion!.Value, read, HourRows.MondayOf(command.Date), await week);
        return new HoursStream(stream, read?.EndsOn, await week) { Offer = read, Pending = pending };
    }

    /// <summary>The week of the entry named (an original or a correction); an empty week when the entry does not exist.</summary>
    public static Task<HoursStream?> Load(IDocumentSession session, CorrectHours command, HttpContext http, CancellationToken ct) =>
        Load(session, command.PlacementId, http, ct, (personId, ct2) => HourReads.WeekOfEntry(session, personId, command.EntryId, ct2));

    /// <summary>The week of the refusal's day (contract v3d: no no-show on a day with hours).</summary>
    public static Task<HoursStream?> Load(IDocumentSession session, RecordRefusal command, HttpContext http, CancellationToken ct) =>
        Load(session, command.PlacementId, http, ct, (personId, ct2) => HourReads.Week(session, personId, command.Date, ct2));

    private static async Task<HoursStream?> Load(IDocumentSession session, Guid placementId, HttpContext http, CancellationToken ct,
        Func<Guid, CancellationToken, Task<HourLog>> week)
    {
        if (await CommandStreams.Placement(session, placementId, http, ct) is not { } stream) return null;
        var offer = await session.LoadAsync<Offer>(stream.Placement.OfferId, ct);
        return new HoursStream(stream, offer?.EndsOn, await week(stream.Person.Id, ct)) { Offer = offer };
    }
}
