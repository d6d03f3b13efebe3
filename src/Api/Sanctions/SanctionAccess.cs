using AGH.Projections;
using Marten;

namespace AGH.Api.Sanctions;

/// <summary>A proposal lives in its person's stream: found through the proposal index, visible as the person is.</summary>
public static class SanctionAccess
{
    public static readonly string[] Readers = [Roles.Caseworker, Roles.Official, Roles.Auditor];

    public static async Task<Guid?> PersonOf(IQuerySession session, Guid proposalId, CancellationToken ct = default) =>
        (await session.LoadAsync<ProposalIndex>(proposalId, ct))?.PersonId;
}
