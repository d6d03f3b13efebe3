using AGH.Domain.Persons;
using Marten;

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
}
