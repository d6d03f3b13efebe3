using AGH.Api.Infrastructure;
using AGH.Api.Persons;
using AGH.Api.Placements;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Projections;
using Marten;

namespace AGH.Api.Sanctions;

/// <summary>
/// An authorised official decides a proposal. An approval restricts benefits to § 1a Abs. 1 AsylbLG for six months
/// (§ 14 AsylbLG); the proposer can never decide their own proposal.
/// </summary>
public static class DecideSanctionEndpoint
{
    public sealed record Request(bool? Approved, string? Reasoning, DateOnly? StartsOn);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/decision", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Decide a sanction proposal (Entscheidung über die Anspruchseinschränkung)")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var approved = v.Required(body.Approved, "approved");
        var reasoning = v.Text(body.Reasoning, "reasoning", 8000);
        DateOnly? startsOn = body.StartsOn is null ? null : v.Date(body.StartsOn, "startsOn");
        if (approved && startsOn is null) v.Add("startsOn", "is required when approved is true.");
        if (v.Failed) return v.Problem();
        var command = new DecideSanction(id, approved, reasoning, startsOn, actor.UserId);

        return await runner.Run(actor, async ws =>
        {
            var person = await SanctionAccess.PersonOf(ws.Query, id) is { } personId ? await ws.LoadPerson(personId) : null;
            if (!PersonAccess.Visible(actor, person)) return Outcome.Stop(Problems.NotFound("sanction proposal"));
            if (Preconditions.Check(http, person!.Revision) is { } stale) return Outcome.Stop(stale);
            var decision = PlacementDecisions.DecideSanction(person!, command);
            return Outcome.Of(decision, () =>
            {
                var after = decision.Events.Aggregate(person!, (p, e) => Person.Evolve(p, e.Event)!);
                return Results.Ok(SanctionProposalDto.From(after.Proposals[id]));
            });
        }, http.RequestAborted);
    }
}

public static class SanctionAccess
{
    public static async Task<Guid?> PersonOf(IQuerySession session, Guid proposalId)
    {
        var index = await session.LoadAsync<ProposalIndex>(proposalId);
        return index?.PersonId;
    }
}

public static class SanctionQueries
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/sanction-proposals/{id:guid}", Get)
            .WithTags("Refusals and sanctions")
            .WithSummary("One sanction proposal with its decision")
            .Produces<SanctionProposalDto>()
            .ProducesProblem(403).ProducesProblem(404);

    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var (actor, denied) = Caller.Require(http, PlacementAccess.Readers);
        if (denied is not null) return denied;
        var personId = await SanctionAccess.PersonOf(session, id);
        var person = personId is { } pid ? await session.LoadAsync<Person>(pid, http.RequestAborted) : null;
        if (!PersonAccess.Visible(actor!, person) || !person!.Proposals.TryGetValue(id, out var proposal))
            return Problems.NotFound("sanction proposal");
        Preconditions.SetETag(http, person.Revision);
        return Results.Ok(SanctionProposalDto.From(proposal));
    }
}
