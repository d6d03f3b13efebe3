namespace AGH.Api.Sanctions;

/// <summary>The answer of a proposal command: the proposal as its decision's events leave it.</summary>
public static class ProposalResults
{
    public static SanctionProposalDto After(ProposalStream stream, Decision decision, DateOnly today, Policy policy)
    {
        var after = decision.Events.Aggregate(stream.Person, (p, e) => Person.Evolve(p, e.Event)!);
        // A command that issues a notice answers with its id (contract v3, "exact rules": top-level noticeId).
        var all = decision.Events.Select(e => e.Event).OfType<NoticeIssued>().Select(n => n.NoticeId).ToList();
        var issued = all.Count == 0 ? (Guid?)null : all[^1];
        return SanctionProposalDto.From(after, after.Proposals[stream.ProposalId], today, policy, issued) with { NoticeIds = all.Count == 0 ? null : all };
    }

    public static Ok<SanctionProposalDto> Ok(ProposalStream stream, Decision decision, DateOnly today, Policy policy) =>
        TypedResults.Ok(After(stream, decision, today, policy));

    public static Created<SanctionProposalDto> Created(ProposalStream stream, Decision decision, DateOnly today, Policy policy) =>
        TypedResults.Created($"/api/sanction-proposals/{stream.ProposalId}", After(stream, decision, today, policy));
}
