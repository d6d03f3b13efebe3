using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Api.Sanctions;

/// <summary>The answer of a proposal command: the proposal as its decision's events leave it.</summary>
public static class ProposalResults
{
    public static SanctionProposalDto After(ProposalStream stream, Decision decision, DateOnly today, Policy policy)
    {
        var after = decision.Events.Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        // A command that issues a notice answers with its id (contract v3, "exact rules": top-level noticeId).
        var issued = decision.Events.Select(e => e.Event).OfType<NoticeIssued>().LastOrDefault()?.NoticeId;
        return SanctionProposalDto.From(after, after.Proposals[stream.ProposalId], today, policy, issued);
    }

    public static IResult Ok(ProposalStream stream, Decision decision, DateOnly today) =>
        new DeferredAnswer(http => Results.Ok(After(stream, decision, today, DeferredAnswer.PolicyOf(http))));

    public static IResult Created(ProposalStream stream, Decision decision, DateOnly today) =>
        new DeferredAnswer(http => Results.Created($"/api/sanction-proposals/{stream.ProposalId}", After(stream, decision, today, DeferredAnswer.PolicyOf(http))));
}
