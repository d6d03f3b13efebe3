using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Domain.Sanctions;

public sealed record ProposeSanction(Guid PlacementId, Guid ProposalId, Guid RefusalId, string Reasoning, string ProposedBy);

/// <param name="By">The deciding official, who signs the notice; null only where a test names the user alone.</param>
/// <param name="Terms">Amounts, hardship decision and the changed Bewilligungsbescheid (contract v3b); required for an approval by the API, null for a rejection.</param>
public sealed record DecideSanction(Guid ProposalId, bool Approved, string Reasoning, DateOnly? StartsOn, string DecidedBy, Actor? By = null,
    RestrictionTerms? Terms = null)
{
    public Actor Decider => By ?? new Actor(DecidedBy, DecidedBy, Roles.Official, null);
}

public sealed record FileObjection(Guid ProposalId, DateOnly ReceivedOn, string Statement, string FiledBy, int? Period = null);

/// <param name="Outcome">upheld, partly-upheld or dismissed (§ 85 SGG); v2's upheld bool maps to upheld or dismissed with costs none.</param>
/// <param name="By">The deciding official, who signs the Abhilfe- and Widerspruchsbescheid; null only where a test names the user alone.</param>
public sealed record DecideObjection(Guid ProposalId, bool Upheld, string Reasoning, string DecidedBy, int? Period = null,
    ObjectionOutcome? Outcome = null, PlacementObjectionCosts Costs = PlacementObjectionCosts.None, DateOnly? NewStartsOn = null, DateOnly? NewEndsOn = null, Actor? By = null)
{
    public ObjectionOutcome Decided => Outcome ?? (Upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed);

    public Actor Decider => By ?? new Actor(DecidedBy, DecidedBy, Roles.Official, null);
}

public sealed record EndRestriction(Guid ProposalId, DateOnly Date, RestrictionEndReason Reason, string Reasoning, string EndedBy);

/// <param name="By">The reviewing official, who signs a Fortsetzungsbescheid; null only where a test names the user alone.</param>
/// <param name="Terms">The content of the Fortsetzungsbescheid (contract v3: as an Einschränkungsbescheid); required to continue.</param>
public sealed record ReviewRestriction(Guid ProposalId, bool ContinueRestriction, string Reasoning, DateOnly? HearingHeldOn, Actor By,
    RestrictionTerms? Terms = null);

/// <summary>A restriction the § 14 Abs. 2 review list shows, and why it is due.</summary>
public sealed record DueReview(Guid ProposalId, Guid PersonId, string Municipality, DateOnly StartsOn, DateOnly EndsOn, bool DutyLapsed,
    ReviewReasonSet Reasons = default)
{
    /// <summary>Every reason that applies, in the contract's order; the empty set is the period's end alone.</summary>
    public IReadOnlyList<ReviewReason> AllReasons => Reasons.IsEmpty ? [ReviewReason.PeriodEnding] : Reasons.All;

    /// <summary>The first reason that applies, in the contract's order.</summary>
    public ReviewReason Reason => Reasons.IsEmpty ? ReviewReason.PeriodEnding : Reasons.All[0];
}

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
    public static Decision Propose(Person person, Placement placement, ProposeSanction c, Policy policy, DateOnly today)
    {
        if (!placement.Refusals.TryGetValue(c.RefusalId, out var refusal))
            return Rejection.NotFound("refusal-not-found", "No such refusal in this placement.");
        // A rejection is final for its refusal: the same facts are not put forward again.
        if (person.Proposals.Values.Any(p => p.RefusalId == c.RefusalId && p.Decision is { Approved: false }))
            return Rejection.Conflict("already-decided", "A sanction for this refusal was proposed and rejected.");
        // A procedure check: it answers before the substantive preconditions (contract v3, order of checks).
        if (HearingDecisions.StateOf(refusal, today) == HearingState.DeadlineRunning)
            return Rejection.Unprocessable("hearing-deadline-running",
                $"The person was invited to the hearing and may answer until {refusal.Invitation!.Deadline:yyyy-MM-dd}; no hearing was held yet.");
        var missing = ProposalPreconditions.Missing(person, placement, refusal, policy, today);
        if (missing.Count > 0)
            return Rejection.Unprocessable("sanction-preconditions", "A sanction cannot be proposed: " + string.Join("; ", missing) + ".");
        if (person.Proposals.Values.Any(p => p.RefusalId == c.RefusalId && (p.Decision is null || p.Decision.Approved)))
            return Rejection.Conflict("already-proposed", "A sanction for this refusal is already proposed or approved.");
        return Decision.Accept(new StreamEvent(person.Id,
            new SanctionProposed(c.ProposalId, person.Id, placement.PlacementId, c.RefusalId, c.Reasoning, c.ProposedBy)));
    }

    /// <summary>
    /// Vier-Augen-Prinzip; a restriction starts no earlier than the day it is decided (it is announced before it takes
    /// effect, §§ 41, 43 VwVfG). An approval re-checks every precondition on today's facts (the person may have worked,
    /// been exempted or lost the entitlement since the proposal), comes promptly after the refusal, and never while
    /// another restriction of the person runs or waits (a persisting breach is the § 14 Abs. 2 review's business). The
    /// decision issues its notice. <paramref name="hoursAfterRefusal"/> holds at least the person's hours after the refusal's day.
    /// </summary>
    public static Decision Decide(Person person, DecideSanction c, HourLog hoursAfterRefusal, Policy policy, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.ProposedBy == c.DecidedBy)
            return Rejection.Forbidden("four-eyes", "The official who proposed the sanction cannot decide it (Vier-Augen-Prinzip).");
        if (proposal.Decision is not null)
            return Rejection.Conflict("already-decided", "The proposal has already been decided.");
        if (!c.Approved)
        {
            var mitteilung = NoticeIssuing.Issue(person, NoticeKind.Mitteilung, proposal.ProposalId, NoticeVersions.NoRestrictionNotice, c.Decider, today);
            return new Decision([mitteilung, new StreamEvent(person.Id, new SanctionDecided(proposal.ProposalId, person.Id, proposal.PlacementId, false,
                c.Reasoning, null, null, c.DecidedBy, NoticeVersions.NoRestrictionNotice, ((NoticeIssued)mitteilung.Event).NoticeId))], null);
        }
        if (c.StartsOn is not { } startsOn)
            return Rejection.Unprocessable("starts-on-required", "An approval needs the day the restriction starts.");
        if (startsOn < today)
            return Rejection.Unprocessable("starts-on-in-past",
                $"startsOn {startsOn:yyyy-MM-dd} lies before the day of the decision ({today:yyyy-MM-dd}); a restriction never applies backwards.");
        if (RestrictionTerms.NotReduced(c.Terms) is { } notReduced) return notReduced;
        var placement = person.Placements[proposal.PlacementId];
        var refusal = placement.Refusals[proposal.RefusalId];
        var missing = ProposalPreconditions.Missing(person, placement, refusal, policy, today);
        missing.AddRange(ProposalPreconditions.MissingToday(person, placement, refusal, hoursAfterRefusal, today));
        if (missing.Count > 0)
            return Rejection.Unprocessable("sanction-preconditions", "The sanction cannot be approved on today's facts: " + string.Join("; ", missing) + ".");
        if (today.DayNumber - refusal.Date.DayNumber > policy.MaxDaysRefusalToDecision)
            return Rejection.Unprocessable("refusal-too-old",
                $"The refusal on {refusal.Date:yyyy-MM-dd} lies more than {policy.MaxDaysRefusalToDecision} days back; a restriction must follow it promptly.");
        if (person.Proposals.Values.FirstOrDefault(p => p.ProposalId != proposal.ProposalId && p.Restriction?.StatusOn(today) is
                RestrictionStatus.InForce or RestrictionStatus.AwaitingNotification or RestrictionStatus.Suspended) is { Restriction: { } other })
            return Rejection.Conflict("restriction-in-force",
                $"The person's restriction from {other.StartsOn:yyyy-MM-dd} to {other.EndsOn:yyyy-MM-dd} is in force, awaiting notification or suspended; "
                + "a persisting breach is the § 14 Abs. 2 review's business.");
        var endsOn = Dates.EndOfMonthsPeriod(startsOn, RestrictionMonths);
        // Without terms (a test naming the decision alone) the first wording, which prints none of them.
        var version = c.Terms is null ? NoticeVersions.RestrictionNotice : NoticeVersions.RestrictionNoticeV2;
        var notice = NoticeIssuing.Issue(person, NoticeKind.Einschraenkungsbescheid, proposal.ProposalId, version, c.Decider, today);
        return new Decision([notice, new StreamEvent(person.Id, new SanctionDecided(proposal.ProposalId, person.Id, proposal.PlacementId, true,
            c.Reasoning, startsOn, endsOn, c.DecidedBy, version, ((NoticeIssued)notice.Event).NoticeId,
            c.Terms?.Amounts, c.Terms?.SpecialCircumstances.Granted, c.Terms?.SpecialCircumstances.Reasoning, c.Terms?.ApprovalNotice.Date,
            c.Terms?.ApprovalNotice.Basis, c.Terms?.ApprovalNotice.DiscretionReasoning))], null);
    }

    /// <summary>The Widerspruch is recorded; the restriction stays in force meanwhile (§ 11 Abs. 4 AsylbLG).</summary>
    public static Decision FileObjection(Person person, FileObjection c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (c.Period is { } asked && proposal.Restriction?.Periods.Any(p => p.N == asked) != true)
            return Rejection.NotFound("period-not-found", $"The restriction has no period {asked}.");
        if (proposal.Restriction is not { } restriction)
            return Rejection.Unprocessable("not-approved", "No restriction was approved on this proposal; there is nothing to object to.");
        var period = c.Period ?? ObjectionPeriods.LatestNotified(restriction);
        if (proposal.ObjectionFor(period) is { } existing)
            return Rejection.Conflict("objection-exists", $"An objection against period {period} received on {existing.ReceivedOn:yyyy-MM-dd} is already on record.");
        if (c.ReceivedOn > today)
            return Rejection.Unprocessable("date-in-future", "receivedOn lies in the future.");
        // A Widerspruch is valid once the period's notice exists, even before its notification (contract v3b).
        if (restriction.Periods.FirstOrDefault(p => p.N == period) is { } attacked && person.Notices.TryGetValue(attacked.NoticeId, out var notice)
            && c.ReceivedOn < notice.IssuedOn)
            return Rejection.Unprocessable("objection-before-issue", $"receivedOn lies before the notice was issued ({notice.IssuedOn:yyyy-MM-dd}).");
        return Decision.Accept(new StreamEvent(person.Id, new ObjectionFiled(proposal.ProposalId, person.Id, c.ReceivedOn, c.Statement, c.FiledBy, period)));
    }

    /// <summary>
    /// Decided by another official than the one who approved the restriction (§ 85 SGG): upheld withdraws the period from its
    /// start (Abhilfebescheid); partly upheld shortens it (Abhilfebescheid for that part, Widerspruchsbescheid for the rest);
    /// dismissed leaves it (Widerspruchsbescheid, open to a Klage).
    /// </summary>
    public static Decision DecideObjection(Person person, DecideObjection c, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (c.Period is { } asked && proposal.Restriction?.Periods.Any(p => p.N == asked) != true)
            return Rejection.NotFound("period-not-found", $"The restriction has no period {asked}.");
        if (ObjectionPeriods.ToDecide(proposal, c.Period) is not { } objection)
            return Rejection.Conflict("no-objection", c.Period is { } p
                ? $"No objection has been filed against period {p} of this restriction."
                : "No objection has been filed against this restriction.");
        if (proposal.Decision?.DecidedBy == c.DecidedBy)
            return Rejection.Forbidden("four-eyes", "The official who approved the restriction cannot decide the objection against it.");
        if (objection.Status != ObjectionStatus.Pending)
            return Rejection.Conflict("already-decided", "The objection has already been decided.");
        var outcome = c.Decided;
        if (outcome == ObjectionOutcome.PartlyUpheld
            && NotAReduction(proposal.Restriction!.Periods.First(p => p.N == objection.Period), c.NewStartsOn, c.NewEndsOn) is { } notReduced)
            return notReduced;
        var events = new List<StreamEvent>();
        Guid Issue(NoticeKind kind, string version)
        {
            var issued = NoticeIssuing.Issue(events.Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), kind, proposal.ProposalId, version, c.Decider, today);
            events.Add(issued);
            return ((NoticeIssued)issued.Event).NoticeId;
        }
        Guid? relief = outcome != ObjectionOutcome.Dismissed ? Issue(NoticeKind.Abhilfebescheid, NoticeVersions.RestrictionObjectionUpheld) : null;
        var noticeId = outcome != ObjectionOutcome.Upheld ? Issue(NoticeKind.Widerspruchsbescheid, NoticeVersions.RestrictionObjectionDismissed) : relief!.Value;
        events.Add(new StreamEvent(person.Id, new ObjectionDecided(proposal.ProposalId, person.Id, outcome == ObjectionOutcome.Upheld, c.Reasoning,
            c.DecidedBy, objection.Period, outcome, c.Costs, c.NewStartsOn, c.NewEndsOn, noticeId,
            outcome == ObjectionOutcome.PartlyUpheld ? relief : null)));
        return new Decision(events, null);
    }

    // Partly upheld must shorten the period and stay inside it (contract v3, "exact rules").
    private static Rejection? NotAReduction(RestrictionPeriod period, DateOnly? newStartsOn, DateOnly? newEndsOn)
    {
        var from = newStartsOn ?? period.StartsOn;
        var to = newEndsOn ?? period.EndsOn;
        if (from < period.StartsOn || to > period.EndsOn || from > to || (from == period.StartsOn && to == period.EndsOn))
            return Rejection.Unprocessable("not-a-reduction",
                $"The new period {from:yyyy-MM-dd} to {to:yyyy-MM-dd} is not a shorter part of period {period.N} ({period.StartsOn:yyyy-MM-dd} to {period.EndsOn:yyyy-MM-dd}).");
        return null;
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
    /// A continuation is decided only within the last <see cref="Policy.ContinuationWindowDays"/> days of the period, after
    /// a hearing inside that window, and issues its Fortsetzungsbescheid: the new period waits for its notification.
    /// </summary>
    public static Decision Review(Person person, ReviewRestriction c, HourLog hoursAfterRefusal, Policy policy, DateOnly today)
    {
        if (!person.Proposals.TryGetValue(c.ProposalId, out var proposal))
            return Rejection.NotFound("proposal-not-found", "No such sanction proposal.");
        if (proposal.Restriction is not { } restriction || restriction.StatusOn(today) != RestrictionStatus.InForce)
            return Rejection.Conflict("restriction-not-in-force", "No restriction of this proposal is in force.");
        if (restriction.IsReviewedOn(today))
            return Rejection.Conflict("already-reviewed", $"The period up to {restriction.ReviewedUpTo:yyyy-MM-dd} has already been reviewed.");
        if (!c.ContinueRestriction)
            return Decision.Accept(new StreamEvent(person.Id, new RestrictionReviewed(proposal.ProposalId, person.Id, today,
                restriction.EndsOn, false, null, null, c.Reasoning, c.By.UserId)));

        if (c.HearingHeldOn is { } future && future > today)
            return Rejection.Unprocessable("date-in-future", "hearingHeldOn lies in the future.");
        if (RestrictionTerms.NotReduced(c.Terms) is { } notReduced) return notReduced;
        var windowOpens = restriction.EndsOn.AddDays(-(policy.ContinuationWindowDays - 1));
        if (today < windowOpens)
            return Rejection.Unprocessable("review-too-early",
                $"A continuation is decided within the last {policy.ContinuationWindowDays} days of the period, from {windowOpens:yyyy-MM-dd}.");
        if (c.HearingHeldOn is not { } heard || heard < windowOpens || heard < restriction.StartsOn)
            return Rejection.Unprocessable("hearing-required",
                $"A continuation needs a hearing on it (§ 28 VwVfG i. V. m. § 1 Abs. 1 NVwVfG) held within the last {policy.ContinuationWindowDays} days of the period, from {windowOpens:yyyy-MM-dd}.");
        if (BreachEndedReason(person, proposal, hoursAfterRefusal, today) is { } ended)
            return Rejection.Unprocessable("breach-ended", $"The breach no longer persists: {ended}.");
        // Planned for a timely notification; the period starts on the later of the day after endsOn and the notification.
        var newEnd = Dates.EndOfMonthsPeriod(restriction.EndsOn.AddDays(1), RestrictionMonths);
        var version = c.Terms is null ? NoticeVersions.ContinuationNotice : NoticeVersions.ContinuationNoticeV2;
        var notice = NoticeIssuing.Issue(person, NoticeKind.Fortsetzungsbescheid, proposal.ProposalId, version, c.By, today);
        return new Decision([notice, new StreamEvent(person.Id, new RestrictionReviewed(proposal.ProposalId, person.Id, today,
            restriction.EndsOn, true, newEnd, heard, c.Reasoning, c.By.UserId, ((NoticeIssued)notice.Event).NoticeId,
            c.Terms?.Amounts, c.Terms?.SpecialCircumstances.Granted, c.Terms?.SpecialCircumstances.Reasoning, c.Terms?.ApprovalNotice.Date,
            c.Terms?.ApprovalNotice.Basis, c.Terms?.ApprovalNotice.DiscretionReasoning, version))], null);
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
    /// Restrictions in force that end within <paramref name="withinDays"/> days and whose period was not reviewed yet
    /// (period-ending); and, at once, those with a reason of <see cref="ReviewReasons.AtOnce"/> (contract v3a), among them
    /// a person whose placement has since ended on work, training or studies (dutyLapsed: the duty lapsed).
    /// </summary>
    /// <param name="hoursAfterRefusal">At least the person's hours after the earliest refusal of their restrictions; none when omitted.</param>
    public static IEnumerable<DueReview> DueForReview(Person person, DateOnly today, int withinDays, HourLog? hoursAfterRefusal = null)
    {
        foreach (var proposal in person.Proposals.Values)
        {
            if (proposal.Restriction is not { } r || r.StatusOn(today) != RestrictionStatus.InForce) continue;
            var refusalDate = person.Placements.TryGetValue(proposal.PlacementId, out var pl) && pl.Refusals.TryGetValue(proposal.RefusalId, out var refusal)
                ? refusal.Date : DateOnly.MinValue;
            var lapsed = person.Placements.Values.Any(p => p.EndReason is { } why && DutyLapsingEnds.Contains(why) && p.EndedOn >= refusalDate);
            var reasons = ReviewReasons.AtOnce(person, proposal, hoursAfterRefusal ?? HourLog.Empty, today)
                .With(ReviewReason.PlacementEnded, lapsed)
                .With(ReviewReason.PeriodEnding, !r.IsReviewedOn(today) && r.EndsOn <= today.AddDays(withinDays));
            // Only the period's end: stored as the empty set, which reads as period-ending (rows as before v3a compare equal).
            if (!reasons.IsEmpty)
                yield return new DueReview(proposal.ProposalId, person.Id, person.Municipality, r.StartsOn, r.EndsOn, lapsed,
                    reasons.Bits == ReviewReasonSet.Of(ReviewReason.PeriodEnding).Bits ? default : reasons);
        }
    }
}
