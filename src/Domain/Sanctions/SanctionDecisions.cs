using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Domain.Sanctions;

public sealed record ProposeSanction(Guid PlacementId, Guid ProposalId, Guid RefusalId, string Reasoning, string ProposedBy);

public sealed record DecideSanction(Guid ProposalId, bool Approved, string Reasoning, DateOnly? StartsOn, string DecidedBy);

public sealed record FileObjection(Guid ProposalId, DateOnly ReceivedOn, string Statement, string FiledBy);

public sealed record DecideObjection(Guid ProposalId, bool Upheld, string Reasoning, string DecidedBy);

public sealed record EndRestriction(Guid ProposalId, DateOnly Date, RestrictionEndReason Reason, string Reasoning, string EndedBy);

public sealed record ReviewRestriction(Guid ProposalId, bool ContinueRestriction, string Reasoning, DateOnly? HearingHeldOn, string ReviewedBy);

/// <summary>A restriction the § 14 Abs. 2 review list shows, and why it is due.</summary>
public sealed record DueReview(Guid ProposalId, Guid PersonId, string Municipality, DateOnly StartsOn, DateOnly EndsOn, bool DutyLapsed);

/// <summary>
/// Benefit restrictions for refusing work (§ 5 Abs. 4 S. 2 with § 1a Abs. 1 AsylbLG, § 14 AsylbLG) and the remedies
/// against them. Each decision is pure: it returns the events on the person's stream, or a rejection with a stable code.
/// </summary>
public static class SanctionDecisions
{
    public const int RestrictionMonths = 6;

    /// <summary>Placements ended for these reasons end the duty to work, so a running restriction has lost its ground.</summary>
    public static readonly EndReason[] DutyLapsingEnds = [EndReason.RegularEmployment, EndReason.Training, EndReason.Studies];

    /// <summary>
    /// Only when the notice with Rechtsfolgenbelehrung preceded the refusal, the refusal was assessed without good cause
    /// on a day the person was obliged to work, and the person was heard (§ 28 VwVfG) after the refusal.
    /// </summary>
    public static Decision Propose(Person person, Placement placement, ProposeSanction c)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        var missing = new List<string>();
        // A refusal on or after the notification may ground a proposal: one at the hand-over counts (contract v3a).
        if (!RefusalNotification.Notified(person, placement, refusal.Date)) missing.Add("the notice with Rechtsfolgenbelehrung was not notified by the refusal day");
        if (person.NotObligedReason(refusal.Date) is { } notObliged) missing.Add($"the person had no duty to work on the refusal date ({notObliged}), a good reason by law");
        if (refusal.Assessment is null) missing.Add("the refusal has not been assessed");
        else if (refusal.Assessment.GoodCause) missing.Add("a good cause was recognised");
        if (refusal.Hearing is null) missing.Add("no hearing was held");
        else if (refusal.Hearing.HeldOn < refusal.Date) missing.Add("the hearing lies before the refusal");
        if (missing.Count > 0)
            return Rejection.Unprocessable("sanction-preconditions", "A sanction cannot be proposed: " + string.Join("; ", missing) + ".");
        if (person.Proposals.Values.Any(p => p.RefusalId == c.RefusalId && (p.Decision is null || p.Decision.Approved)))
            return Rejection.Conflict("already-proposed", "A sanction for this refusal is already proposed or approved.");
        return Decision.Accept(new StreamEvent(person.Id,
            new SanctionProposed(c.ProposalId, person.Id, placement.PlacementId, c.RefusalId, c.Reasoning, c.ProposedBy)));
    }

    /// <summary>
    /// Vier-Augen-Prinzip; a restriction starts no earlier than the day it is decided (it is announced before it takes
    /// effect, §§ 41, 43 VwVfG) and never overlaps another restriction of the person in force.
    /// </summary>
    public static Decision Decide(Person person, DecideSanction c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.ProposedBy == c.DecidedBy)
            return Rejection.Forbidden("four-eyes", "The official who proposed the sanction cannot decide it (Vier-Augen-Prinzip).");
        if (proposal.Decision is not null)
            return Rejection.Conflict("already-decided", "The proposal has already been decided.");
        if (!c.Approved)
            return Decision.Accept(new StreamEvent(person.Id,
                new SanctionDecided(proposal.ProposalId, person.Id, proposal.PlacementId, false, c.Reasoning, null, null, c.DecidedBy, NoticeVersions.NoRestrictionNotice)));
        if (c.StartsOn is not { } startsOn)
            return Rejection.Unprocessable("starts-on-required", "An approval needs the day the restriction starts.");
        if (startsOn < today)
            return Rejection.Unprocessable("starts-on-in-past",
                $"startsOn {startsOn:yyyy-MM-dd} lies before the day of the decision ({today:yyyy-MM-dd}); a restriction never applies backwards.");
        var endsOn = Dates.EndOfMonthsPeriod(startsOn, RestrictionMonths);
        if (person.Proposals.Values.FirstOrDefault(p => p.Restriction is { } r && r.StatusOn(today) == RestrictionStatus.InForce
                && r.Overlaps(startsOn, endsOn)) is { Restriction: { } other })
            return Rejection.Conflict("restriction-overlaps",
                $"The person's restriction from {other.StartsOn:yyyy-MM-dd} to {other.EndsOn:yyyy-MM-dd} is in force; a continuation is the § 14 Abs. 2 review.");
        return Decision.Accept(new StreamEvent(person.Id,
            new SanctionDecided(proposal.ProposalId, person.Id, proposal.PlacementId, true, c.Reasoning, startsOn, endsOn, c.DecidedBy, NoticeVersions.RestrictionNotice)));
    }

    /// <summary>The Widerspruch is recorded; the restriction stays in force meanwhile (§ 11 Abs. 4 AsylbLG).</summary>
    public static Decision FileObjection(Person person, FileObjection c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is null)
            return Rejection.Unprocessable("not-approved", "No restriction was approved on this proposal; there is nothing to object to.");
        if (proposal.Objection is not null)
            return Rejection.Conflict("objection-exists", $"An objection received on {proposal.Objection.ReceivedOn:yyyy-MM-dd} is already on record.");
        if (c.ReceivedOn > today)
            return Rejection.Unprocessable("date-in-future", "receivedOn lies in the future.");
        return Decision.Accept(new StreamEvent(person.Id, new ObjectionFiled(proposal.ProposalId, person.Id, c.ReceivedOn, c.Statement, c.FiledBy)));
    }

    /// <summary>Decided by another official than the one who approved the restriction; upheld withdraws it from its start.</summary>
    public static Decision DecideObjection(Person person, DecideObjection c)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Objection is null)
            return Rejection.Conflict("no-objection", "No objection has been filed against this restriction.");
        if (proposal.Decision?.DecidedBy == c.DecidedBy)
            return Rejection.Forbidden("four-eyes", "The official who approved the restriction cannot decide the objection against it.");
        if (proposal.Objection.Status != ObjectionStatus.Pending)
            return Rejection.Conflict("already-decided", "The objection has already been decided.");
        return Decision.Accept(new StreamEvent(person.Id, new ObjectionDecided(proposal.ProposalId, person.Id, c.Upheld, c.Reasoning, c.DecidedBy)));
    }

    /// <summary>
    /// Proportionality: the restriction ends as soon as the person fulfils the duty again, declares in earnest to do
    /// so, or the duty lapsed (§ 9 Abs. 4 AsylbLG with § 48 SGB X).
    /// </summary>
    public static Decision EndRestriction(Person person, EndRestriction c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { } restriction || restriction.StatusOn(today) != RestrictionStatus.InForce)
            return Rejection.Conflict("restriction-not-in-force", "No restriction of this proposal is in force.");
        if (c.Date > today)
            return Rejection.Unprocessable("date-in-future", "date lies in the future.");
        if (c.Date < restriction.StartsOn)
            return Rejection.Unprocessable("end-before-start", $"date lies before the restriction's start on {restriction.StartsOn:yyyy-MM-dd}.");
        return Decision.Accept(new StreamEvent(person.Id,
            new RestrictionEndedEarly(proposal.ProposalId, person.Id, c.Date, c.Reason, c.Reasoning, c.EndedBy)));
    }

    /// <summary>
    /// § 14 Abs. 2 AsylbLG: after six months the restriction may be continued for six more only after a new hearing
    /// and while the breach persists; otherwise it ends as planned. <paramref name="hoursAfterRefusal"/> holds at least
    /// the person's hours of the weeks after the refusal's day (<see cref="RefusalDate"/>).
    /// </summary>
    public static Decision Review(Person person, ReviewRestriction c, HourLog hoursAfterRefusal, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { } restriction || restriction.StatusOn(today) != RestrictionStatus.InForce)
            return Rejection.Conflict("restriction-not-in-force", "No restriction of this proposal is in force.");
        if (restriction.IsReviewedOn(today))
            return Rejection.Conflict("already-reviewed", $"The period up to {restriction.ReviewedUpTo:yyyy-MM-dd} has already been reviewed.");
        if (!c.ContinueRestriction)
            return Decision.Accept(new StreamEvent(person.Id, new RestrictionReviewed(proposal.ProposalId, person.Id, today,
                restriction.EndsOn, false, null, null, c.Reasoning, c.ReviewedBy)));

        if (c.HearingHeldOn is not { } heard || heard < restriction.StartsOn)
            return Rejection.Unprocessable("hearing-required", "A continuation needs a hearing on it held after the restriction began (§ 28 VwVfG).");
        if (heard > today)
            return Rejection.Unprocessable("date-in-future", "hearingHeldOn lies in the future.");
        if (BreachEndedReason(person, proposal, hoursAfterRefusal, today) is { } ended)
            return Rejection.Unprocessable("breach-ended", $"The breach no longer persists: {ended}.");
        var continuesFrom = restriction.EndsOn.AddDays(1) < today ? today : restriction.EndsOn.AddDays(1);
        var newEnd = Dates.EndOfMonthsPeriod(continuesFrom, RestrictionMonths);
        return Decision.Accept(new StreamEvent(person.Id, new RestrictionReviewed(proposal.ProposalId, person.Id, today,
            restriction.EndsOn, true, newEnd, heard, c.Reasoning, c.ReviewedBy)));
    }

    /// <summary>The breach has ended when the person worked after the refusal, has no active placement, or has no duty today.</summary>
    public static string? BreachEndedReason(Person person, SanctionProposal proposal, HourLog hoursAfterRefusal, DateOnly today)
    {
        var refusalDate = RefusalDate(person, proposal.ProposalId);
        var worked = hoursAfterRefusal.Effective.Where(e => e.Minutes > 0 && e.Date > refusalDate)
            .Select(e => e.Date).Order().FirstOrDefault();
        if (worked != default) return $"hours were logged on {worked:yyyy-MM-dd}, after the refusal on {refusalDate:yyyy-MM-dd}";
        if (person.ActivePlacement is null) return "the person has no active placement";
        if (person.NotObligedReason(today) is { } why) return why;
        return null;
    }

    /// <summary>The day of the refusal a proposal rests on (DateOnly.MinValue when the proposal is unknown).</summary>
    public static DateOnly RefusalDate(Person person, Guid proposalId) =>
        person.Proposals.TryGetValue(proposalId, out var proposal)
        && person.Placements.TryGetValue(proposal.PlacementId, out var placement) && placement.Refusals.TryGetValue(proposal.RefusalId, out var r)
            ? r.Date : DateOnly.MinValue;

    /// <summary>
    /// Restrictions in force that end within <paramref name="withinDays"/> days and whose period was not reviewed yet;
    /// and, at once, those of a person whose placement has since ended on work, training or studies (the duty lapsed).
    /// </summary>
    public static IEnumerable<DueReview> DueForReview(Person person, DateOnly today, int withinDays)
    {
        foreach (var proposal in person.Proposals.Values)
        {
            if (proposal.Restriction is not { } r || r.StatusOn(today) != RestrictionStatus.InForce) continue;
            var refusalDate = person.Placements.TryGetValue(proposal.PlacementId, out var pl) && pl.Refusals.TryGetValue(proposal.RefusalId, out var refusal)
                ? refusal.Date : DateOnly.MinValue;
            var lapsed = person.Placements.Values.Any(p => p.EndReason is { } why && DutyLapsingEnds.Contains(why) && p.EndedOn >= refusalDate);
            if (lapsed || (!r.IsReviewedOn(today) && r.EndsOn <= today.AddDays(withinDays)))
                yield return new DueReview(proposal.ProposalId, person.Id, person.Municipality, r.StartsOn, r.EndsOn, lapsed);
        }
    }
}
