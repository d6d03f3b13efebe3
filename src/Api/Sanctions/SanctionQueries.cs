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
