namespace AGH.Api.Infrastructure;

/// <summary>
/// A command on a resource that lives on a person's stream but is found by its own view (an expense, a recovery): the
/// view names the person, the person's stream is locked, and the view is read again, since under read committed it is
/// only after the lock as the lock holder's commit left it. Null (404) when missing or not visible to the caller.
/// </summary>
public static class LockedView
{
    public static async Task<(IEventStream<Person> Stream, T View)?> Load<T>(IDocumentSession session, Guid id, Func<T, Guid> personId,
        Func<T, bool> visible, CancellationToken ct) where T : class
    {
        if (id == Guid.Empty || await session.LoadAsync<T>(id, ct) is not { } seen || !visible(seen)) return null;
        if (await Streams.Person(session, personId(seen), ct) is not { } stream) return null;
        session.Eject(seen);
        return await session.LoadAsync<T>(id, ct) is { } view ? (stream, view) : null;
    }
}
