using AGH.Api.Infrastructure;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Projections;
using Marten;

namespace AGH.Api.Sanctions;

/// <summary>A proposal lives in its person's stream: found through the proposal index, visible as the person is.</summary>
public static class SanctionAccess
{
    public static readonly string[] Readers = [Roles.Caseworker, Roles.Official, Roles.Auditor];

    public static async Task<Guid?> PersonOf(IQuerySession session, Guid proposalId, CancellationToken ct = default) =>
        (await session.LoadAsync<ProposalIndex>(proposalId, ct))?.PersonId;

    /// <summary>
    /// Runs a sanction command: 404 for a proposal the caller may not see, 412 for a stale If-Match, else the pure
    /// decision; answers with the proposal as it is afterwards (201 with a Location when <paramref name="created"/>).
    /// </summary>
    public static Task<IResult> Run(CommandRunner runner, Actor actor, Guid proposalId, HttpContext http, Func<Person, Decision> decide,
        bool created = false) =>
        runner.Run(actor, async ws =>
        {
            var person = await PersonOf(ws.Query, proposalId, http.RequestAborted) is { } personId ? await ws.LoadPerson(personId) : null;
            if (!PersonAccess.Visible(actor, person) || !person!.Proposals.ContainsKey(proposalId))
                return Outcome.Stop(Problems.NotFound("sanction proposal"));
            // The proposal's ETag is its person's revision, like a placement's.
            if (Preconditions.Check(http, person.Revision) is { } stale) return Outcome.Stop(stale);
            var decision = decide(person);
            return Outcome.Of(decision, () =>
            {
                var after = decision.Events.Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!);
                var dto = SanctionProposalDto.From(after.Proposals[proposalId], runner.Clock.Today);
                return created ? Results.Created($"/api/sanction-proposals/{proposalId}", dto) : Results.Ok(dto);
            });
        }, http.RequestAborted);
}
