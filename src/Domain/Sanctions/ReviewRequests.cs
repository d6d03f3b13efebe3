using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;

namespace AGH.Domain.Sanctions;

public sealed record FileReviewRequest(Guid ProposalId, DateOnly ReceivedOn, string Statement, string FiledBy);

public sealed record DecideReviewRequest(Guid ProposalId, ReviewRequestOutcome Outcome, string Reasoning, Actor By);

/// <summary>
/// § 44 SGB X through § 9 Abs. 4 AsylbLG: the person may ask for review of a restriction at any time, also of an expired
/// or unappealable one; a withdrawal pays back at most one year (§ 9 Abs. 4 S. 2 AsylbLG).
/// </summary>
public static class ReviewRequests
{
    public static Decision File(Person person, FileReviewRequest c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { } r)
            return Rejection.Unprocessable("not-approved", "No restriction was approved on this proposal; there is nothing to review.");
        if (r.ReviewRequest is { Outcome: null } pending)
            return Rejection.Conflict("review-request-exists", $"A review request received on {pending.ReceivedOn:yyyy-MM-dd} is still undecided.");
        if (r.Withdrawn)
            return Rejection.Conflict("already-withdrawn", "The restriction is already withdrawn.");
        if (c.ReceivedOn > today)
            return Rejection.Unprocessable("date-in-future", "receivedOn lies in the future.");
        return Decision.Accept(new StreamEvent(person.Id, new ReviewRequestFiled(proposal.ProposalId, person.Id, c.ReceivedOn, c.Statement, c.FiledBy)));
    }

    /// <summary>Decided by another official than the one who approved the restriction; the decision issues its notice.</summary>
    public static Decision Decide(Person person, DecideReviewRequest c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Decision?.DecidedBy == c.By.UserId)
            return Rejection.Forbidden("four-eyes", "The official who approved the restriction cannot decide the review of it.");
        if (proposal.Restriction?.ReviewRequest is not { Outcome: null } request)
            return Rejection.Conflict("no-pending-review-request", "No undecided review request is on record.");
#pragma warning disable CS8524
        var kind = c.Outcome switch
        {
            ReviewRequestOutcome.Withdrawn => NoticeKind.Aufhebungsbescheid,
            ReviewRequestOutcome.Refused => NoticeKind.Ablehnung,
        };
#pragma warning restore CS8524
        var notice = NoticeIssuing.Issue(person, kind, proposal.ProposalId,
            kind == NoticeKind.Aufhebungsbescheid ? NoticeVersions.ReviewWithdrawalNotice : NoticeVersions.ReviewRefusalNotice, c.By, today);
        var from = c.Outcome == ReviewRequestOutcome.Withdrawn ? BackPaymentFrom(proposal.Restriction, request.ReceivedOn) : null;
        return new Decision([notice, new StreamEvent(person.Id, new ReviewRequestDecided(proposal.ProposalId, person.Id, c.Outcome, c.Reasoning,
            from, c.By.UserId, ((NoticeIssued)notice.Event).NoticeId))], null);
    }

    /// <summary>The later of the first restricted day and 1 January of the year before the request (§ 9 Abs. 4 S. 2 AsylbLG).</summary>
    public static DateOnly? BackPaymentFrom(Restriction r, DateOnly receivedOn)
    {
        if (r.EffectiveFrom is not { } effective) return null;
        var limit = new DateOnly(receivedOn.Year - 1, 1, 1);
        return effective > limit ? effective : limit;
    }
}
