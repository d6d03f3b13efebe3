using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Sanctions;

public sealed record SuspendRestriction(
    Guid ProposalId,
    SuspensionKind Kind,
    SuspensionScope? Scope,
    string? Court,
    string? FileNumber,
    DateOnly DecidedOn,
    DateOnly From,
    string Note,
    string RecordedBy);

public sealed record EndSuspension(Guid ProposalId, SuspensionOutcome Outcome, DateOnly On, string Note, string EndedBy);

/// <summary>
/// A court (§ 86b Abs. 1 S. 1 Nr. 2, Abs. 2 SGG) or the authority itself (§ 86a Abs. 3 SGG) suspends a restriction; the
/// suspension ends with reinstatement (the period is not moved) or withdrawal.
/// </summary>
public static class RestrictionSuspensions
{
    /// <summary>Checks in the contract's order: 404, 409 state, 422 dates.</summary>
    public static Decision Suspend(Person person, SuspendRestriction c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { } r)
            return Rejection.Unprocessable("not-approved", "No restriction was approved on this proposal; there is nothing to suspend.");
        if (r.IsSuspended)
            return Rejection.Conflict("already-suspended", $"The restriction is already suspended from {r.Suspension!.From:yyyy-MM-dd}.");
        if (r.StatusOn(today) is not (RestrictionStatus.InForce or RestrictionStatus.AwaitingNotification))
            return Rejection.Conflict("restriction-not-in-force", "The restriction is not in force; there is nothing to suspend.");
        if (c.DecidedOn > today)
            return Rejection.Unprocessable("date-in-future", "decidedOn lies in the future.");
        if (c.From < r.StartsOn)
            return Rejection.Unprocessable("end-before-start", $"from lies before the restriction's start on {r.StartsOn:yyyy-MM-dd}.");
        return Decision.Accept(new StreamEvent(person.Id, new RestrictionSuspended(proposal.ProposalId, person.Id, c.Kind, c.Scope, c.Court,
            c.FileNumber, c.DecidedOn, c.From, c.Note, r.WasInForce, c.RecordedBy)));
    }

    public static Decision End(Person person, EndSuspension c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { IsSuspended: true } r)
            return Rejection.Conflict("not-suspended", "The restriction is not suspended.");
        if (c.On > today)
            return Rejection.Unprocessable("date-in-future", "on lies in the future.");
        if (c.On < r.Suspension!.From)
            return Rejection.Unprocessable("end-before-start", $"on lies before the suspension's start on {r.Suspension.From:yyyy-MM-dd}.");
        return Decision.Accept(new StreamEvent(person.Id, new RestrictionSuspensionEnded(proposal.ProposalId, person.Id, c.Outcome, c.On, c.Note, c.EndedBy)));
    }
}
