using AGH.Api.Persons;
using Marten;

namespace AGH.Api.Sanctions;

/// <summary>One proposal as its person's case holds it; the person's revision is its ETag.</summary>
[CaseReader]
public static class GetSanctionProposalEndpoint
{
    [WolverineGet("/api/sanction-proposals/{id}", OperationId = "getSanctionProposal"), Tags("Refusals and sanctions")]
    [EndpointSummary("One sanction proposal with its decision, restriction and objection")]
    [ProducesResponseType<SanctionProposalDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock, Policy policy)
    {
        if (await SanctionAccess.Visible(session, Access.Actor(http), id, http.RequestAborted) is not ({ } person, { } proposal))
            return Problems.NotFound("sanction proposal").Answer();
        Preconditions.SetETag(http, person.Revision);
        return Results.Ok(SanctionProposalDto.From(person, proposal, clock.Today, policy));
    }
}
