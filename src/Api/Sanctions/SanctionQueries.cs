using AGH.Api.Infrastructure;
using AGH.Api.Persons;
using AGH.Domain.Common;
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
            .WithSummary("Restrictions due for the § 14 Abs. 2 AsylbLG review (Wiedervorlage)")
            .WithDescription("Restrictions in force ending within `within` days (1-366, default 30) whose period was not reviewed yet; "
                + "and at once those of a person whose placement has since ended on regular-employment, training or studies (dutyLapsed: "
                + "the official ends them with duty-lapsed).")
            .Produces<IReadOnlyList<DueReviewDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(403);
    }

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock)
    {
        var (actor, denied) = Caller.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied;
        var personId = await SanctionAccess.PersonOf(session, id, http.RequestAborted);
        var person = personId is { } pid ? await session.LoadAsync<Person>(pid, http.RequestAborted) : null;
        if (!PersonAccess.Visible(actor!, person) || !person!.Proposals.TryGetValue(id, out var proposal))
            return Problems.NotFound("sanction proposal");
        Preconditions.SetETag(http, person.Revision);
        return Results.Ok(SanctionProposalDto.From(proposal, clock.Today));
    }

    private static readonly string[] Statuses = ["pending", "approved", "rejected"];
    private static readonly string[] ObjectionStatuses = ["pending", "upheld", "dismissed"];

    public static async Task<IResult> List(HttpContext http, IQuerySession session, Clock clock, string? status, string? objection,
        string? page, string? pageSize)
    {
        var (actor, denied) = Caller.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied;
        var checks = new Checks();
        if (status is not null && !Statuses.Contains(status)) checks.Add("status", "must be one of: " + string.Join(", ", Statuses) + ".");
        if (objection is not null && !ObjectionStatuses.Contains(objection))
            checks.Add("objection", "must be one of: " + string.Join(", ", ObjectionStatuses) + ".");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Problem();

        // The index narrows to candidates (an index document older than its status fields counts as one); the person's
        // own record then decides, so the answer is exact.
        var candidates = session.Query<ProposalIndex>().AsQueryable();
        if (status is not null) candidates = candidates.Where(x => x.Status == status || x.Status == null);
        if (objection is not null) candidates = candidates.Where(x => x.ObjectionStatus == objection || x.ObjectionStatus == null);
        var rows = await candidates.ToListAsync(http.RequestAborted);
        var persons = (await session.LoadManyAsync<Person>(http.RequestAborted, rows.Select(r => r.PersonId).Distinct()))
            .Where(p => actor!.MaySee(p.Municipality)).ToDictionary(p => p.Id);
        var today = clock.Today;
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

    public static async Task<IResult> DueForReview(HttpContext http, IQuerySession session, Clock clock, string? within)
    {
        var (actor, denied) = Caller.Require(http, SanctionAccess.Readers);
        if (denied is not null) return denied;
        var days = 30;
        if (within is not null && (!int.TryParse(within, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days)
                || days is < 1 or > 366))
            return new Checks().Add("within", "must be a whole number of days between 1 and 366.").Problem();

        var today = clock.Today;
        // Only restrictions that may still run are candidates; their persons are few, and the domain decides.
        var personIds = await session.Query<ProposalIndex>().Where(x => x.RestrictionEndsOn != null && x.RestrictionEndsOn >= today)
            .Select(x => x.PersonId).ToListAsync(http.RequestAborted);
        var persons = await session.LoadManyAsync<Person>(http.RequestAborted, personIds.Distinct());
        var due = persons.Where(p => actor!.MaySee(p.Municipality))
            .SelectMany(p => SanctionDecisions.DueForReview(p, today, days))
            .OrderBy(d => d.DutyLapsed ? 0 : 1).ThenBy(d => d.EndsOn).ThenBy(d => d.ProposalId)
            .Select(d => new DueReviewDto(d.ProposalId, d.PersonId, d.Municipality, d.StartsOn, d.EndsOn, d.DutyLapsed));
        return Results.Ok(due.ToList());
    }
}
