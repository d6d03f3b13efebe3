using AGH.Api.Persons;
using AGH.Domain.Persons;
using AGH.Domain.Sanctions;
using AGH.Projections;
using Marten;

namespace AGH.Api.Sanctions;

public sealed record DueReviewDto(Guid ProposalId, Guid PersonId, string Municipality, DateOnly StartsOn, DateOnly EndsOn, bool DutyLapsed);

public static class SanctionQueries
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/sanction-proposals/{id:guid}", Get)
            .WithName("getSanctionProposal")
            .WithTags("Refusals and sanctions")
            .WithSummary("One sanction proposal with its decision, restriction and objection")
            .Produces<SanctionProposalDto>()
            .ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/sanction-proposals", List)
            .WithName("listSanctionProposals")
            .WithTags("Refusals and sanctions")
            .WithSummary("The sanction proposals the caller may see, by proposal status and/or objection status; paged, total in X-Total-Count")
            .WithDescription("`status` is pending, approved or rejected (pending: to be decided); `objection` is pending, upheld or "
                + "dismissed (pending: a Widerspruch to be decided). Ordered by the person's name. Visible as the proposal itself: "
                + "officials and caseworkers of the person's municipality (officials without one: all), auditors all.")
            .Produces<IReadOnlyList<SanctionProposalDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(403);
        api.MapGet("/restrictions/due-for-review", DueForReview)
            .WithName("listRestrictionsDueForReview")
            .WithTags("Refusals and sanctions")
            .WithSummary("Restrictions due for the § 14 Abs. 2 AsylbLG review (Wiedervorlage); total in X-Total-Count, paged on request")
            .WithDescription("Restrictions in force ending within `within` days (1-366, default 30) whose period was not reviewed yet; "
                + "and at once those of a person whose placement has since ended on regular-employment, training or studies (dutyLapsed: "
                + "the official ends them with duty-lapsed). Without `page` and `pageSize` the whole list, as in v2; with either, "
                + "one page as every list (`pageSize` 1-500, default 50).")
            .Produces<IReadOnlyList<DueReviewDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(403);
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock)
    {
        var (actor, denied) = Access.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied.Answer();
        var personId = await SanctionAccess.PersonOf(session, id, http.RequestAborted);
        var (person, version) = personId is { } pid ? await VersionedPerson.Load(session, pid, http.RequestAborted) : (null, 0);
        if (!PersonAccess.Visible(actor!, person) || !person!.Proposals.TryGetValue(id, out var proposal))
            return Problems.NotFound("sanction proposal").Answer();
        Preconditions.SetETag(http, version);
        return Results.Ok(SanctionProposalDto.From(proposal, clock.Today));
    }

    private static readonly string[] Statuses = ["pending", "approved", "rejected"];
    private static readonly string[] ObjectionStatuses = ["pending", "upheld", "dismissed"];

    public static async Task<IResult> List(HttpContext http, IQuerySession session, Clock clock, string? status, string? objection,
        string? page, string? pageSize)
    {
        var (actor, denied) = Access.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied.Answer();
        var checks = new Checks();
        if (status is not null && !Statuses.Contains(status)) checks.Add("status", "must be one of: " + string.Join(", ", Statuses) + ".");
        if (objection is not null && !ObjectionStatuses.Contains(objection))
            checks.Add("objection", "must be one of: " + string.Join(", ", ObjectionStatuses) + ".");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();

        var ct = http.RequestAborted;
        var today = clock.Today;
        // A store whose index documents predate their status fields (until `projections rebuild`) is answered the old way.
        if (await session.Query<ProposalIndex>().AnyAsync(x => x.Status == null || x.ObjectionStatus == null, ct))
            return await ListFromPersons(http, session, actor!, status, objection, paging, today);

        // The index filters by status, the person's document by municipality and orders by name ("C": ordinal, as before);
        // only the page's persons are loaded.
        var where = new List<string> { "(p.data -> 'proposals' -> (x.id::text)) is not null" };
        var parameters = new List<object>();
        if (status is not null) { where.Add("x.data ->> 'status' = ?"); parameters.Add(status); }
        if (objection is not null) { where.Add("x.data ->> 'objectionStatus' = ?"); parameters.Add(objection); }
        if (VisibleMunicipality(actor!) is { } visible)
        {
            if (visible.Length == 0) { paging.Announce(http, 0); return Results.Ok(Array.Empty<SanctionProposalDto>()); }
            where.Add("p.data ->> 'municipality' = ?");
            parameters.Add(visible);
        }
        var from = $"from {MartenSetup.Schema}.mt_doc_proposalindex x join {MartenSetup.Schema}.mt_doc_person p "
            + $"on p.id = (x.data ->> 'personId')::uuid where {string.Join(" and ", where)}";
        var total = (await session.AdvancedSql.QueryAsync<long>($"select count(*) {from}", ct, parameters.ToArray())).Single();
        paging.Announce(http, (int)total);
        if (total <= paging.Skip) return Results.Ok(Array.Empty<SanctionProposalDto>());
        // One text column "proposal person": Marten reads several columns only as nested documents.
        var rows = (await session.AdvancedSql.QueryAsync<string>(
            $"select x.id::text || ' ' || p.id::text {from} order by p.data ->> 'familyName' collate \"C\", "
            + $"p.data ->> 'givenName' collate \"C\", x.id limit {paging.PageSize} offset {paging.Skip}", ct, parameters.ToArray()))
            .Select(row => row.Split(' ')).Select(ids => (Proposal: Guid.Parse(ids[0]), Person: Guid.Parse(ids[1]))).ToList();
        var persons = (await session.LoadManyAsync<Person>(ct, rows.Select(r => r.Person).Distinct())).ToDictionary(p => p.Id);
        return Results.Ok(rows.Select(r => SanctionProposalDto.From(persons[r.Person].Proposals[r.Proposal], today)).ToList());
    }

    /// <summary>What <see cref="Actor.MaySee"/> allows, for SQL: the one municipality the caller sees, "" for none, or null for all.</summary>
    private static string? VisibleMunicipality(Actor actor) =>
        actor.Role == Roles.Auditor || (actor.Municipality is null && actor.Role == Roles.Official) ? null : actor.Municipality ?? "";

    private static async Task<IResult> ListFromPersons(HttpContext http, IQuerySession session, Actor actor, string? status,
        string? objection, Paging paging, DateOnly today)
    {
        var candidates = session.Query<ProposalIndex>().AsQueryable();
        if (status is not null) candidates = candidates.Where(x => x.Status == status || x.Status == null);
        if (objection is not null) candidates = candidates.Where(x => x.ObjectionStatus == objection || x.ObjectionStatus == null);
        var rows = await candidates.ToListAsync(http.RequestAborted);
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, rows.Select(r => r.PersonId).Distinct()))
            .Where(p => actor.MaySee(p.Municipality)).ToDictionary(p => p.Id);
        var matching = rows
            .Where(r => persons.ContainsKey(r.PersonId) && persons[r.PersonId].Proposals.ContainsKey(r.Id))
            .Select(r => (Person: persons[r.PersonId], Proposal: SanctionProposalDto.From(persons[r.PersonId].Proposals[r.Id], today)))
            .Where(x => status is null || Json.EnumValue(x.Proposal.Status) == status)
            .Where(x => objection is null || (x.Proposal.Objection is { } o && Json.EnumValue(o.Status) == objection))
            .OrderBy(x => x.Person.FamilyName, StringComparer.Ordinal).ThenBy(x => x.Person.GivenName, StringComparer.Ordinal)
            .ThenBy(x => x.Proposal.Id)
            .Select(x => x.Proposal).ToList();
        paging.Announce(http, matching.Count);
        return Results.Ok(matching.Skip(paging.Skip).Take(paging.PageSize).ToList());
    }

    public static async Task<IResult> DueForReview(HttpContext http, IQuerySession session, Clock clock, string? within, string? page, string? pageSize)
    {
        var (actor, denied) = Access.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied.Answer();
        var checks = new Checks();
        var days = 30;
        if (within is not null && (!int.TryParse(within, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days)
                || days is < 1 or > 366))
            checks.Add("within", "must be a whole number of days between 1 and 366.");
        // v2 clients read the whole list; paging is opt-in so their answer stays as it was.
        Paging? paging = page is null && pageSize is null ? null : Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();

        var today = clock.Today;
        // Only restrictions that may still run, of persons the caller sees, are candidates (the database narrows both);
        // the domain decides which are due.
        var visible = VisibleMunicipality(actor!);
        if (visible == "")
        {
            http.Response.Headers[Paging.TotalCountHeader] = "0";
            return Results.Ok(Array.Empty<DueReviewDto>());
        }
        var sql = $"select distinct p.id from {MartenSetup.Schema}.mt_doc_proposalindex x join {MartenSetup.Schema}.mt_doc_person p "
            + "on p.id = (x.data ->> 'personId')::uuid where (x.data ->> 'restrictionEndsOn')::date >= ?"
            + (visible is null ? "" : " and p.data ->> 'municipality' = ?");
        var personIds = await session.AdvancedSql.QueryAsync<Guid>(sql, http.RequestAborted,
            visible is null ? [today] : [today, visible]);
        var persons = await session.LoadManyAsync<Person>(http.RequestAborted, personIds);
        var due = persons.Where(p => actor!.MaySee(p.Municipality))
            .SelectMany(p => SanctionDecisions.DueForReview(p, today, days))
            .OrderBy(d => d.DutyLapsed ? 0 : 1).ThenBy(d => d.EndsOn).ThenBy(d => d.ProposalId)
            .Select(d => new DueReviewDto(d.ProposalId, d.PersonId, d.Municipality, d.StartsOn, d.EndsOn, d.DutyLapsed))
            .ToList();
        if (paging is not { } p)
        {
            http.Response.Headers[Paging.TotalCountHeader] = due.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Ok(due);
        }
        p.Announce(http, due.Count);
        return Results.Ok(due.Skip(p.Skip).Take(p.PageSize).ToList());
    }
}
