using System.Collections.Immutable;
using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Placements;

namespace AGH.Domain.Sanctions;

// A sanction's life, all on the person's stream: proposal, decision, restriction, objection, early end, § 14 review.

public sealed record SanctionProposed(Guid ProposalId, Guid PersonId, Guid PlacementId, Guid RefusalId, string Reasoning, string ProposedBy) : IDomainEvent;

/// <summary>
/// An official's decision on a proposal; an approval restricts benefits (§ 1a Abs. 1 AsylbLG) for six months.
/// <paramref name="NoticeVersion"/> names the wording of the notice on the decision (<see cref="Common.NoticeVersions"/>);
/// null on events stored before notices were versioned. <paramref name="NoticeId"/> names the notice issued with it
/// (Einschränkungsbescheid or Mitteilung, contract v3a); null on events stored before notices were resources.
/// <paramref name="Amounts"/>, the hardship decision (<paramref name="HardshipGranted"/>, <paramref name="HardshipReasoning"/>; considered)
/// and the changed Bewilligungsbescheid (<paramref name="ApprovalNoticeDate"/>, <paramref name="RevocationBasis"/>,
/// <paramref name="DiscretionReasoning"/>) are what the Einschränkungsbescheid v2 decides besides the period (contract v3b); flat,
/// so erasure masks their texts; null on rejections and on approvals stored before.
/// </summary>
public sealed record SanctionDecided(
    Guid ProposalId,
    Guid PersonId,
    Guid PlacementId,
    bool Approved,
    string Reasoning,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string DecidedBy,
    string? NoticeVersion = null,
    Guid? NoticeId = null,
    RestrictionAmounts? Amounts = null,
    IReadOnlyList<string>? HardshipGranted = null,
    string? HardshipReasoning = null,
    DateOnly? ApprovalNoticeDate = null,
    RevocationBasis? RevocationBasis = null,
    string? DiscretionReasoning = null) : IDomainEvent
{
    /// <summary>The terms as one, where the approval recorded them.</summary>
    public RestrictionTerms? Terms => RestrictionTerms.From(Amounts, HardshipGranted, HardshipReasoning, ApprovalNoticeDate, RevocationBasis, DiscretionReasoning);
}

/// <summary>
/// The person's Widerspruch (§ 84 SGG); it has no suspensive effect (§ 11 Abs. 4 AsylbLG). <paramref name="Period"/> is the
/// restriction period it attacks (its notice: Einschränkungs- or Fortsetzungsbescheid); null on events stored before
/// objections were per period: those attack period 1 and count as timely.
/// </summary>
public sealed record ObjectionFiled(Guid ProposalId, Guid PersonId, DateOnly ReceivedOn, string Statement, string FiledBy, int? Period = null) : IDomainEvent;

/// <summary>
/// Upheld: Abhilfe (§ 85 Abs. 1 SGG), the period is withdrawn from its start (period 1: the whole restriction). Dismissed:
/// it stays. <paramref name="Period"/> as on <see cref="ObjectionFiled"/> (null: period 1). Since v3b:
/// <paramref name="Outcome"/> (partly upheld shortens the period to <paramref name="NewStartsOn"/>..<paramref name="NewEndsOn"/>),
/// <paramref name="Costs"/> (§ 80 VwVfG i. V. m. § 1 NVwVfG), <paramref name="NoticeId"/> (the Abhilfebescheid when upheld, else the
/// Widerspruchsbescheid) and <paramref name="ReliefNoticeId"/> (the Abhilfebescheid for the upheld part when partly upheld);
/// all null on events stored before, which read as upheld or dismissed by <paramref name="Upheld"/>, costs unknown.
/// </summary>
public sealed record ObjectionDecided(
    Guid ProposalId,
    Guid PersonId,
    bool Upheld,
    string Reasoning,
    string DecidedBy,
    int? Period = null,
    ObjectionOutcome? Outcome = null,
    PlacementObjectionCosts? Costs = null,
    DateOnly? NewStartsOn = null,
    DateOnly? NewEndsOn = null,
    Guid? NoticeId = null,
    Guid? ReliefNoticeId = null) : IDomainEvent
{
    public ObjectionOutcome Decided => Outcome ?? (Upheld ? ObjectionOutcome.Upheld : ObjectionOutcome.Dismissed);
}

/// <summary>The restriction ends before its planned end (§ 9 Abs. 4 AsylbLG with § 48 SGB X); LastDay becomes its end.</summary>
public sealed record RestrictionEndedEarly(Guid ProposalId, Guid PersonId, DateOnly LastDay, RestrictionEndReason Reason, string Reasoning, string EndedBy) : IDomainEvent;

/// <summary>
/// The § 14 Abs. 2 AsylbLG review of the period ending on <paramref name="PeriodEndsOn"/>: continued for six more months
/// (new end <paramref name="NewEndsOn"/>, after a hearing on <paramref name="HearingHeldOn"/>), or left to end as planned.
/// <paramref name="NoticeId"/> names the Fortsetzungsbescheid (contract v3a): the continued period then starts on the later
/// of the day after <paramref name="PeriodEndsOn"/> and its notification, so <paramref name="NewEndsOn"/> is the end planned
/// for a timely notification; null on events stored before continuations had a notice of their own (their period began at once).
/// </summary>
public sealed record RestrictionReviewed(
    Guid ProposalId,
    Guid PersonId,
    DateOnly ReviewedOn,
    DateOnly PeriodEndsOn,
    bool Continued,
    DateOnly? NewEndsOn,
    DateOnly? HearingHeldOn,
    string Reasoning,
    string ReviewedBy,
    Guid? NoticeId = null,
    RestrictionAmounts? Amounts = null,
    IReadOnlyList<string>? HardshipGranted = null,
    string? HardshipReasoning = null,
    DateOnly? ApprovalNoticeDate = null,
    RevocationBasis? RevocationBasis = null,
    string? DiscretionReasoning = null,
    string? NoticeVersion = null) : IDomainEvent
{
    /// <summary>The Fortsetzungsbescheid's terms (contract v3: the content of an Einschränkungsbescheid), where recorded.</summary>
    public RestrictionTerms? Terms => RestrictionTerms.From(Amounts, HardshipGranted, HardshipReasoning, ApprovalNoticeDate, RevocationBasis, DiscretionReasoning);
}

/// <summary>A court order or the authority suspends the restriction from <paramref name="From"/> (§§ 86a Abs. 3, 86b SGG).</summary>
public sealed record RestrictionSuspended(
    Guid ProposalId,
    Guid PersonId,
    SuspensionKind Kind,
    SuspensionScope? Scope,
    string? Court,
    string? FileNumber,
    DateOnly DecidedOn,
    DateOnly From,
    string Note,
    bool BackPaymentDue,
    string RecordedBy) : IDomainEvent;

/// <summary>The suspension ended: the restriction is in force again from <paramref name="On"/>, or withdrawn.</summary>
public sealed record RestrictionSuspensionEnded(Guid ProposalId, Guid PersonId, SuspensionOutcome Outcome, DateOnly On, string Note, string EndedBy) : IDomainEvent;

/// <summary>The person applies for review of the restriction under § 44 SGB X (through § 9 Abs. 4 AsylbLG).</summary>
public sealed record ReviewRequestFiled(Guid ProposalId, Guid PersonId, DateOnly ReceivedOn, string Statement, string FiledBy) : IDomainEvent;

/// <summary>
/// The § 44 SGB X review decided: withdrawn (Aufhebungsbescheid; back payment from <paramref name="BackPaymentFrom"/>, at
/// most one year back, § 9 Abs. 4 S. 2 AsylbLG) or refused (Ablehnung).
/// </summary>
public sealed record ReviewRequestDecided(
    Guid ProposalId,
    Guid PersonId,
    ReviewRequestOutcome Outcome,
    string Reasoning,
    DateOnly? BackPaymentFrom,
    string DecidedBy,
    Guid NoticeId) : IDomainEvent;

public enum RestrictionEndReason
{
    /// <summary>The person works again.</summary>
    DutyFulfilled,

    /// <summary>The person declares in earnest to work while no place is free.</summary>
    WillingNoPlace,

    /// <summary>Work, training, exemption, retirement or the end of the entitlement ended the duty.</summary>
    DutyLapsed,
    Other,
}

public enum RestrictionStatus
{
    InForce,
    EndedEarly,
    Withdrawn,
    Expired,
    AwaitingNotification,
    Suspended,
}

public enum ObjectionStatus
{
    Pending,
    Upheld,
    PartlyUpheld,
    Dismissed,
}

/// <summary>The decision on a Widerspruch against a restriction (§ 85 SGG).</summary>
public enum ObjectionOutcome
{
    Upheld,
    PartlyUpheld,
    Dismissed,
}

public sealed record SanctionDecision(bool Approved, string Reasoning, string DecidedBy, int DecidedAtSequence, string? NoticeVersion = null)
{
    /// <summary>The Einschränkungsbescheid or Mitteilung issued with it; null on decisions stored before notices were resources.</summary>
    public Guid? NoticeId { get; init; }
}

/// <summary>
/// An approved restriction. EndsOn moves with an early end or a continuation; the decided period stays in the history.
/// It takes effect only once its notice is notified (§§ 41, 43 VwVfG): <see cref="NotifiedOn"/> mirrors its notice.
/// </summary>
public sealed record Restriction(
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool EndedEarly,
    bool Withdrawn,
    DateOnly? ContinuedOn,
    DateOnly? ReviewedUpTo)
{
    /// <summary>The Einschränkungsbescheid (inferred for restrictions decided before notices were resources).</summary>
    public Guid NoticeId { get; init; }

    /// <summary>When its notice was notified; null while it awaits notification.</summary>
    public DateOnly? NotifiedOn { get; init; }

    /// <summary>The latest court order or authority's suspension, ended or not.</summary>
    public Suspension? Suspension { get; init; }

    /// <summary>The benefits office owes the difference: the restriction was in force and was suspended or withdrawn.</summary>
    public bool BackPaymentDue { get; init; }

    /// <summary>§ 44 SGB X with § 9 Abs. 4 S. 2 AsylbLG: back payment reaches back at most to this day.</summary>
    public DateOnly? BackPaymentFrom { get; init; }

    /// <summary>The person's application for review under § 44 SGB X, the latest one.</summary>
    public ReviewRequest? ReviewRequest { get; init; }

    public ImmutableList<RestrictionPeriod> Periods { get; init; } = [];

    public RestrictionStatus StatusOn(DateOnly today) =>
        Withdrawn ? RestrictionStatus.Withdrawn
        : EndedEarly ? RestrictionStatus.EndedEarly
        : Suspension is { EndedOn: null } s && s.From <= today ? RestrictionStatus.Suspended
        : NotifiedOn is not { } notified ? RestrictionStatus.AwaitingNotification
        : notified > EndsOn ? RestrictionStatus.Expired
        // A continuation whose Fortsetzungsbescheid is not notified yet: it waits once the period before has run out.
        : EndsOn < today && Periods is [.., { N: > 1, NotifiedOn: null, Withdrawn: false }] ? RestrictionStatus.AwaitingNotification
        : EndsOn < today ? RestrictionStatus.Expired
        : RestrictionStatus.InForce;

    /// <summary>The first restricted day: the start, or the notification when that came later; null until notified or when notified too late.</summary>
    public DateOnly? EffectiveFrom => NotifiedOn is { } n && n <= EndsOn ? (n > StartsOn ? n : StartsOn) : null;

    /// <summary>Benefits were restricted at some point: its notice was notified in time (a day of it need not have run).</summary>
    public bool WasInForce => EffectiveFrom is not null;

    public bool IsSuspended => Suspension is { EndedOn: null };

    /// <summary>
    /// Withdrawn from its start (Abhilfe, § 44 SGB X, an upheld objection against the placement): what was withheld is paid
    /// back where it was in force.
    /// </summary>
    public Restriction Withdraw() => this with { Withdrawn = true, BackPaymentDue = BackPaymentDue || WasInForce };

    public Restriction Notified(DateOnly? notifiedOn) => this with
    {
        NotifiedOn = notifiedOn,
        Periods = Periods.IsEmpty ? Periods : Periods.SetItem(0, Periods[0] with { NotifiedOn = notifiedOn }),
    };

    /// <summary>
    /// A period's own status: a continuation not yet notified awaits it; the latest notified period carries the
    /// restriction's status; an earlier one has run its course.
    /// </summary>
    public RestrictionStatus PeriodStatusOn(RestrictionPeriod p, DateOnly today)
    {
        // Withdrawn from its start, the restriction takes every period with it.
        if (p.Withdrawn || Withdrawn) return RestrictionStatus.Withdrawn;
        if (p.N > 1 && p.NotifiedOn is null) return Withdrawn ? RestrictionStatus.Withdrawn : RestrictionStatus.AwaitingNotification;
        var latestNotified = Periods.LastOrDefault(x => !x.Withdrawn && (x.N == 1 || x.NotifiedOn is not null));
        if (latestNotified is null || p.N != latestNotified.N) return RestrictionStatus.Expired;
        var status = StatusOn(today);
        return status == RestrictionStatus.AwaitingNotification && p.NotifiedOn is not null ? RestrictionStatus.Expired : status;
    }

    /// <summary>
    /// A continued period's Fortsetzungsbescheid was notified (or the notification rebutted): it starts on the later of the
    /// day after the period before and the notification, and runs six months (§ 14 Abs. 2 AsylbLG, § 188 BGB).
    /// </summary>
    public Restriction PeriodNotified(Guid noticeId, DateOnly? notifiedOn)
    {
        var i = Periods.FindIndex(p => p.NoticeId == noticeId);
        if (i < 1 || Periods[i].Withdrawn) return this;
        var previousEnd = Periods[i - 1].EndsOn;
        if (notifiedOn is not { } notified)
            return this with { EndsOn = previousEnd, Periods = Periods.SetItem(i, Periods[i] with { NotifiedOn = null }) };
        var from = notified > previousEnd.AddDays(1) ? notified : previousEnd.AddDays(1);
        var end = Dates.EndOfMonthsPeriod(from, 6);
        return this with { EndsOn = end, Periods = Periods.SetItem(i, new RestrictionPeriod(Periods[i].N, from, end, noticeId, notified)) };
    }

    /// <summary>
    /// An upheld objection against period <paramref name="n"/>: period 1 withdraws the whole restriction; a continued period
    /// is withdrawn with the periods that continue it, and the restriction ends where the period before it ended.
    /// </summary>
    public Restriction WithdrawPeriod(int n)
    {
        if (n <= 1 || Periods.FindIndex(p => p.N == n) is var i && i < 1) return Withdraw();
        var inForce = Periods.Skip(i).Any(p => p.NotifiedOn is { } notified && notified <= p.EndsOn);
        return this with
        {
            EndsOn = Periods[i - 1].EndsOn,
            BackPaymentDue = BackPaymentDue || inForce,
            Periods = Periods.Select(p => p.N >= n ? p with { Withdrawn = true } : p).ToImmutableList(),
        };
    }

    /// <summary>
    /// A partly upheld objection against period <paramref name="n"/> (§ 85 Abs. 1 and 2 SGG): the period runs only from
    /// <paramref name="from"/> to <paramref name="to"/> (each where given); the restriction's start and end follow its first and
    /// last period, so effectiveFrom becomes max(effectiveFrom, from).
    /// </summary>
    public Restriction ShortenPeriod(int n, DateOnly? from, DateOnly? to)
    {
        var i = Periods.FindIndex(p => p.N == n);
        if (i < 0) return this;
        var p = Periods[i];
        var shortened = p with { StartsOn = from ?? p.StartsOn, EndsOn = to ?? p.EndsOn };
        var periods = Periods.SetItem(i, shortened);
        return this with
        {
            StartsOn = i == 0 ? shortened.StartsOn : StartsOn,
            EndsOn = i == Periods.Count - 1 ? shortened.EndsOn : EndsOn,
            Periods = periods,
        };
    }

    public bool Overlaps(DateOnly from, DateOnly to) => StartsOn <= to && from <= EndsOn;

    /// <summary>
    /// The period running on the day has been reviewed: a review covers the period up to the end it reviewed, so a
    /// continuation's own period comes up for review only once it has begun.
    /// </summary>
    public bool IsReviewedOn(DateOnly day) => ReviewedUpTo is { } upTo && day <= upTo;
}

/// <summary>One period of a restriction: the first from the decision, each further one from a continuation (§ 14 Abs. 2 AsylbLG).</summary>
public sealed record RestrictionPeriod(int N, DateOnly StartsOn, DateOnly EndsOn, Guid NoticeId, DateOnly? NotifiedOn)
{
    /// <summary>Withdrawn on an upheld objection against it (or against a period it continued).</summary>
    public bool Withdrawn { get; init; }
}

/// <summary>The restriction suspended by a court (§ 86b SGG) or the authority (§ 86a Abs. 3 SGG); ended by reinstatement or withdrawal.</summary>
public sealed record Suspension(
    SuspensionKind Kind,
    SuspensionScope? Scope,
    string? Court,
    string? FileNumber,
    DateOnly DecidedOn,
    DateOnly From,
    string Note,
    DateOnly? EndedOn,
    SuspensionOutcome? Outcome)
{
    /// <summary>A court's order: the proceeding holds the person's record against erasure until it ended.</summary>
    public bool IsCourtOrder => Kind is SuspensionKind.CourtOrder or SuspensionKind.InterimOrder;
}

public enum SuspensionKind
{
    /// <summary>The court orders the suspensive effect (§ 86b Abs. 1 S. 1 Nr. 2 SGG).</summary>
    CourtOrder,

    /// <summary>An interim order of the court (§ 86b Abs. 2 SGG).</summary>
    InterimOrder,

    /// <summary>The authority suspends enforcement itself (§ 86a Abs. 3 SGG).</summary>
    Authority,
}

public enum SuspensionScope
{
    Full,
    Partial,
}

public enum SuspensionOutcome
{
    Reinstated,
    Withdrawn,
}

public enum ReviewRequestOutcome
{
    Withdrawn,
    Refused,
}

public sealed record ReviewRequest(DateOnly ReceivedOn, string Statement, string FiledBy, ReviewRequestOutcome? Outcome, string? DecidedBy, string? Reasoning, Guid? NoticeId);

public sealed record Objection(DateOnly ReceivedOn, string Statement, string FiledBy, ObjectionStatus Status, string? DecidedBy, string? Reasoning)
{
    /// <summary>The costs decision (§ 80 VwVfG i. V. m. § 1 NVwVfG); null where decided before v3b or pending.</summary>
    public PlacementObjectionCosts? Costs { get; init; }

    /// <summary>The notice of the decision: the Widerspruchsbescheid, or the Abhilfebescheid when wholly upheld.</summary>
    public Guid? NoticeId { get; init; }

    /// <summary>The Abhilfebescheid for the upheld part of a partly upheld objection.</summary>
    public Guid? ReliefNoticeId { get; init; }

    /// <summary>The restriction period it attacks.</summary>
    public int Period { get; init; } = 1;

    /// <summary>Filed before objections were per period: it counts as timely (contract v3, "data recorded before v3").</summary>
    public bool RecordedBeforePeriods { get; init; }
}

public sealed record SanctionProposal(
    Guid ProposalId,
    Guid PersonId,
    Guid PlacementId,
    Guid RefusalId,
    string Reasoning,
    string ProposedBy,
    SanctionDecision? Decision,
    Restriction? Restriction,
    Objection? Objection)
{
    /// <summary>Every period's objection, by period; <see cref="Objection"/> is the latest period's.</summary>
    public ImmutableList<Objection> Objections { get; init; } = [];

    public static SanctionProposal Start(SanctionProposed e) =>
        new(e.ProposalId, e.PersonId, e.PlacementId, e.RefusalId, e.Reasoning, e.ProposedBy, null, null, null);

    // notifiedOn: the notification of the decision's notice as far as the fold knows it (none for a new one).
    public SanctionProposal When(SanctionDecided e, int sequence, DateOnly? notifiedOn = null) => this with
    {
        Decision = new SanctionDecision(e.Approved, e.Reasoning, e.DecidedBy, sequence, e.NoticeVersion) { NoticeId = e.NoticeId },
        Restriction = e is { Approved: true, StartsOn: { } s, EndsOn: { } end } ? NewRestriction(e, s, end, notifiedOn) : null,
    };

    // Decided before notices were resources: its notice counts as handed over on the decision day (contract v3, "data
    // recorded before v3"). The fold cannot see that day; the start, never before it, gives the same effectiveFrom.
    private static Restriction NewRestriction(SanctionDecided e, DateOnly startsOn, DateOnly endsOn, DateOnly? notifiedOn)
    {
        var noticeId = e.NoticeId ?? NoticeIssuing.IdFor(e.ProposalId, NoticeKind.Einschraenkungsbescheid, 0);
        var notified = e.NoticeId is null ? startsOn : notifiedOn;
        return new Restriction(startsOn, endsOn, false, false, null, null)
        {
            NoticeId = noticeId, NotifiedOn = notified, Periods = [new RestrictionPeriod(1, startsOn, endsOn, noticeId, notified)],
        };
    }

    public SanctionProposal When(RestrictionSuspended e) => this with
    {
        Restriction = Restriction is null ? null : Restriction with
        {
            Suspension = new Suspension(e.Kind, e.Scope, e.Court, e.FileNumber, e.DecidedOn, e.From, e.Note, null, null),
            BackPaymentDue = Restriction.BackPaymentDue || e.BackPaymentDue,
        },
    };

    public SanctionProposal When(RestrictionSuspensionEnded e)
    {
        if (Restriction?.Suspension is not { } s) return this;
        var ended = Restriction with { Suspension = s with { EndedOn = e.On, Outcome = e.Outcome } };
        return this with { Restriction = e.Outcome == SuspensionOutcome.Withdrawn ? ended.Withdraw() : ended };
    }

    public SanctionProposal When(ReviewRequestFiled e) => this with
    {
        Restriction = Restriction is null ? null
            : Restriction with { ReviewRequest = new ReviewRequest(e.ReceivedOn, e.Statement, e.FiledBy, null, null, null, null) },
    };

    public SanctionProposal When(ReviewRequestDecided e)
    {
        if (Restriction?.ReviewRequest is not { } request) return this;
        var decided = Restriction with { ReviewRequest = request with { Outcome = e.Outcome, DecidedBy = e.DecidedBy, Reasoning = e.Reasoning, NoticeId = e.NoticeId } };
        return this with
        {
            Restriction = e.Outcome == ReviewRequestOutcome.Withdrawn ? decided.Withdraw() with { BackPaymentFrom = e.BackPaymentFrom } : decided,
        };
    }

    public SanctionProposal When(ObjectionFiled e) => WithObjections(Objections.Add(
        new Objection(e.ReceivedOn, e.Statement, e.FiledBy, ObjectionStatus.Pending, null, null)
        {
            Period = e.Period ?? 1, RecordedBeforePeriods = e.Period is null,
        }).Sort((a, b) => a.Period.CompareTo(b.Period)));

    public SanctionProposal When(ObjectionDecided e)
    {
        var period = e.Period ?? 1;
        var i = Objections.FindIndex(o => o.Period == period);
        if (i < 0) return this;
#pragma warning disable CS8524
        var outcome = e.Decided;
        var decided = Objections.SetItem(i, Objections[i] with
        {
            Status = outcome switch
            {
                ObjectionOutcome.Upheld => ObjectionStatus.Upheld,
                ObjectionOutcome.PartlyUpheld => ObjectionStatus.PartlyUpheld,
                ObjectionOutcome.Dismissed => ObjectionStatus.Dismissed,
            },
            DecidedBy = e.DecidedBy, Reasoning = e.Reasoning, Costs = e.Costs, NoticeId = e.NoticeId, ReliefNoticeId = e.ReliefNoticeId,
        });
        var restriction = Restriction is null ? null : outcome switch
        {
            ObjectionOutcome.Upheld => Restriction.WithdrawPeriod(period),
            ObjectionOutcome.PartlyUpheld => Restriction.ShortenPeriod(period, e.NewStartsOn, e.NewEndsOn),
            ObjectionOutcome.Dismissed => Restriction,
        };
#pragma warning restore CS8524
        return WithObjections(decided) with { Restriction = restriction };
    }

    private SanctionProposal WithObjections(ImmutableList<Objection> objections) =>
        this with { Objections = objections, Objection = objections.IsEmpty ? null : objections[^1] };

    /// <summary>The period's objection, if one was filed.</summary>
    public Objection? ObjectionFor(int period) => Objections.FirstOrDefault(o => o.Period == period);

    public SanctionProposal When(RestrictionEndedEarly e) =>
        this with { Restriction = Restriction is null ? null : Restriction with { EndsOn = e.LastDay, EndedEarly = true, Periods = EndLastPeriod(Restriction.Periods, e.LastDay) } };

    private static ImmutableList<RestrictionPeriod> EndLastPeriod(ImmutableList<RestrictionPeriod> periods, DateOnly lastDay) =>
        periods.IsEmpty ? periods : periods.SetItem(periods.Count - 1, periods[^1] with { EndsOn = lastDay });

    public SanctionProposal When(RestrictionReviewed e) => this with
    {
        Restriction = Restriction is null ? null
            : e is { Continued: true, NewEndsOn: { } end }
                ? e.NoticeId is { } noticeId
                    ? Restriction with
                    {
                        ContinuedOn = e.ReviewedOn, ReviewedUpTo = e.PeriodEndsOn,
                        Periods = Restriction.Periods.Add(new RestrictionPeriod(Restriction.Periods.Count + 1, e.PeriodEndsOn.AddDays(1), end, noticeId, null)),
                    }
                    : Restriction with { EndsOn = end, ContinuedOn = e.ReviewedOn, ReviewedUpTo = e.PeriodEndsOn, Periods = Continued(Restriction, e, end) }
                : Restriction with { ReviewedUpTo = e.PeriodEndsOn },
    };

    // A continuation decided before it had a notice of its own counts as notified when it began (as v2 ran it).
    private static ImmutableList<RestrictionPeriod> Continued(Restriction r, RestrictionReviewed e, DateOnly newEnd)
    {
        var from = e.PeriodEndsOn.AddDays(1) < e.ReviewedOn ? e.ReviewedOn : e.PeriodEndsOn.AddDays(1);
        var n = r.Periods.Count + 1;
        return r.Periods.Add(new RestrictionPeriod(n, from, newEnd, NoticeIssuing.IdFor(e.ProposalId, NoticeKind.Fortsetzungsbescheid, n - 2), from));
    }
}
