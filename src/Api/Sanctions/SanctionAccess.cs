using AGH.Api.Persons;

namespace AGH.Api.Sanctions;

/// <summary>A proposal lives in its person's stream: found through the proposal index, visible as the person is.</summary>
public static class SanctionAccess
{
    public static async Task<Guid?> PersonOf(IQuerySession session, Guid proposalId, CancellationToken ct = default) =>
        (await session.LoadAsync<ProposalIndex>(proposalId, ct))?.PersonId;

    /// <summary>The proposal and its person, or null where it does not exist or its person is not visible to the caller.</summary>
    public static async Task<(Person Person, SanctionProposal Proposal)?> Visible(IQuerySession session, Actor actor, Guid id, CancellationToken ct)
    {
        var personId = await PersonOf(session, id, ct);
        var person = personId is { } pid ? await VersionedPerson.LoadCurrent(session, pid, ct) : null;
        return PersonAccess.Visible(actor, person) && person!.Proposals.TryGetValue(id, out var proposal) ? (person, proposal) : null;
    }

    /// <summary>What <see cref="Actor.MaySee"/> allows, for SQL: the one municipality the caller sees, "" for none, or null for all.</summary>
    public static string? VisibleMunicipality(Actor actor) =>
        actor.Role == Roles.Auditor || (actor.Municipality is null && actor.Role == Roles.Official) ? null : actor.Municipality ?? "";
}
