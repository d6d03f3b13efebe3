namespace AGH.Api.Persons;

/// <summary>
/// A person's view with the version of their stream, which is the ETag of the person and of their placements and
/// proposals (the view skips hour events, the stream counts them). One round trip; the version is read first, so a
/// write in between leaves the ETag older than the view, never newer: a stale If-Match is refused, never let through.
/// </summary>
public static class VersionedPerson
{
    public static async Task<(Person? Person, long Version)> Load(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var state = batch.Events.FetchStreamState(personId);
        var person = batch.Load<Person>(personId);
        await batch.Execute(ct);
        return (await person, (await state)?.Version ?? 0);
    }

    /// <summary>The view with its <c>Revision</c> set to the stream's version, for answers that take the ETag from the person.</summary>
    public static async Task<Person?> LoadCurrent(IQuerySession session, Guid personId, CancellationToken ct)
    {
        var (person, version) = await Load(session, personId, ct);
        return person is null ? null : person with { Revision = version };
    }

    /// <summary>The person as recorded up to an instant: the stream replayed, not the inline view (which only knows now).</summary>
    public static async Task<Person?> AsRecorded(IQuerySession session, Guid personId, DateTimeOffset until, CancellationToken ct) =>
        Person.Fold((await session.Events.FetchStreamAsync(personId, token: ct)).Where(e => EventHeaders.RecordedAtOf(e) <= until).Select(e => e.Data));
}
