using AGH.Api.Persons;

namespace AGH.Api.Sanctions;

/// <summary>One proposal as its person's case holds it; the person's revision is its ETag.</summary>
[CaseReader]
public static class GetSanctionProposalEndpoint
{
    /// <summary>One sanction proposal with its decision, restriction and objection</summary>
    [WolverineGet("/api/sanction-proposals/{id}", OperationId = "getSanctionProposal"), Tags("Refusals and sanctions")]
    [ProducesResponseType<SanctionProposalDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Clock clock, Policy policy) =>
        VisibleRead.Answer(SanctionAccess.Visible, "sanction proposal", id, http, session, found =>
        {
            Preconditions.SetETag(http, found.Person.Revision);
            return Task.FromResult(Results.Ok(SanctionProposalDto.From(found.Person, found.Proposal, clock.Today, policy)));
        });
}
