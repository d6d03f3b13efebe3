namespace AGH.Api.Sanctions;

/// <summary>
/// One page of the sanction proposals the caller may see, by proposal and objection status, in the person's name order:
/// filtered by the index in SQL, or, while index documents predate their status fields, read from the persons.
/// </summary>
public static class SanctionProposalListing
{
    public static async Task<IReadOnlyList<SanctionProposalDto>> Page(HttpContext http, IQuerySession session, Actor actor, string? status,
        string? objection, Paging paging, DateOnly today, Policy policy)
    {
        var ct = http.RequestAborted;
        // A store whose index documents predate their status fields (until `projections rebuild`) is answered the old way.
        if (await session.Query<ProposalIndex>().AnyAsync(x => x.Status == null || x.ObjectionStatus == null, ct))
            return await FromPersons(http, session, actor, status, objection, paging, today, policy);

        // The index filters by status, the person's document by municipality and orders by name ("C": ordinal, as before);
        // only the page's persons are loaded.
        var where = new List<string> { "(p.data -> 'proposals' -> (x.id::text)) is not null" };
        var parameters = new List<object>();
        if (status is not null) { where.Add("x.data ->> 'status' = ?"); parameters.Add(status); }
        if (objection is not null) { where.Add("x.data ->> 'objectionStatus' = ?"); parameters.Add(objection); }
        if (SanctionAccess.VisibleMunicipality(actor) is { } visible)
        {
            if (visible.Length == 0) { paging.Announce(http, 0); return []; }
            where.Add("p.data ->> 'municipality' = ?");
            parameters.Add(visible);
        }
        var from = $"from {MartenSetup.Schema}.mt_doc_proposalindex x join {MartenSetup.Schema}.mt_doc_person p "
            + $"on p.id = (x.data ->> 'personId')::uuid where {string.Join(" and ", where)}";
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {from}", ct, parameters.ToArray())).Single();
        paging.Announce(http, (int)total);
        if (total <= paging.Skip) return [];
        // One text column "proposal person": Marten reads several columns only as nested documents.
        var rows = (await session.AdvancedSql.QueryAsync<string>(
            $"select x.id::text || ' ' || p.id::text {from} order by p.data ->> 'familyName' collate \"C\", "
            + $"p.data ->> 'givenName' collate \"C\", x.id limit {paging.PageSize} offset {paging.Skip}", ct, parameters.ToArray()))
            .Select(row => row.Split(' ')).Select(ids => (Proposal: Guid.Parse(ids[0]), Person: Guid.Parse(ids[1]))).ToList();
        var persons = (await session.LoadManyAsync<Person>(ct, rows.Select(r => r.Person).Distinct())).ToDictionary(p => p.Id);
        return rows.Select(r => SanctionProposalDto.From(persons[r.Person], persons[r.Person].Proposals[r.Proposal], today, policy)).ToList();
    }

    private static async Task<IReadOnlyList<SanctionProposalDto>> FromPersons(HttpContext http, IQuerySession session, Actor actor, string? status,
        string? objection, Paging paging, DateOnly today, Policy policy)
    {
        var candidates = session.Query<ProposalIndex>().AsQueryable();
        if (status is not null) candidates = candidates.Where(x => x.Status == status || x.Status == null);
        if (objection is not null) candidates = candidates.Where(x => x.ObjectionStatus == objection || x.ObjectionStatus == null);
        var rows = await candidates.ToListAsync(http.RequestAborted);
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, rows.Select(r => r.PersonId).Distinct()))
            .Where(p => actor.MaySee(p.Municipality)).ToDictionary(p => p.Id);
        var matching = rows
            .Where(r => persons.ContainsKey(r.PersonId) && persons[r.PersonId].Proposals.ContainsKey(r.Id))
            .Select(r => (Person: persons[r.PersonId], Proposal: SanctionProposalDto.From(persons[r.PersonId], persons[r.PersonId].Proposals[r.Id], today, policy)))
            .Where(x => status is null || Json.EnumValue(x.Proposal.Status) == status)
            .Where(x => objection is null || ObjectionStatusOf(x.Proposal) == objection)
            .OrderBy(x => x.Person.FamilyName, StringComparer.Ordinal).ThenBy(x => x.Person.GivenName, StringComparer.Ordinal)
            .ThenBy(x => x.Proposal.Id)
            .Select(x => x.Proposal).ToList();
        return paging.Cut(http, matching);
    }

    // As the index counts it: pending while any period's objection waits, else the latest period's.
    private static string? ObjectionStatusOf(SanctionProposalDto proposal) =>
        proposal.Objections.Any(o => o.Status == Domain.Sanctions.ObjectionStatus.Pending) ? "pending"
        : proposal.Objection is { } latest ? Json.EnumValue(latest.Status) : null;
}
