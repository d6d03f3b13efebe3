using AGH.Api.Persons;
using Marten.Events;

namespace AGH.Api.Notices;

/// <summary>A notice lives in its person's stream: found through the notice index, visible as the person is.</summary>
public static class NoticeAccess
{
    /// <summary>The notice and its person, or null where it does not exist or its person is not visible to the caller.</summary>
    public static async Task<(Person Person, Notice Notice)?> Visible(IQuerySession session, Actor actor, Guid id, CancellationToken ct)
    {
        if (id == Guid.Empty || await session.LoadAsync<NoticeIndex>(id, ct) is not { } index) return null;
        var person = await VersionedPerson.LoadCurrent(session, index.PersonId, ct);
        return PersonAccess.Visible(actor, person) && person!.Notices.TryGetValue(id, out var notice) ? (person, notice) : null;
    }

    /// <summary>
    /// Who recorded the placements behind notices the fold inferred (recorded before v3, no issuer of their own): read
    /// from the assignments' headers, only when such a notice is asked for.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, Actor>> LegacyIssuers(IQuerySession session, Guid personId, IEnumerable<Notice> notices,
        CancellationToken ct)
    {
        var placements = notices.Where(n => n.IssuedBy.Length == 0 && n.Kind == NoticeKind.Heranziehungsbescheid).Select(n => n.SubjectId).ToHashSet();
        if (placements.Count == 0) return new Dictionary<Guid, Actor>();
        var assigned = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == personId && e.EventTypesAre(typeof(PersonAssigned)))
            .ToListAsync(ct);
        var issuers = new Dictionary<Guid, Actor>();
        foreach (var e in assigned)
            if (e.Data is PersonAssigned a && placements.Contains(a.PlacementId) && EventHeaders.ActorOf(e) is { } actor)
                issuers[NoticeIssuing.IdFor(a.PlacementId, NoticeKind.Heranziehungsbescheid, 0)] = actor;
        return issuers;
    }

    public static async Task<NoticeDto> Dto(IQuerySession session, Guid personId, Notice notice, NoticeSettings settings, Policy policy, CancellationToken ct) =>
        NoticeDto.From(personId, notice, settings, policy, (await LegacyIssuers(session, personId, [notice], ct)).GetValueOrDefault(notice.NoticeId));
}
