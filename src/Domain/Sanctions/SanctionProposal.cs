using AGH.Domain.Common;

namespace AGH.Domain.Sanctions;

// A sanction's life, all on the person's stream: proposal, decision, restriction, objection, early end, § 14 review.

public sealed record SanctionProposed(Guid ProposalId, Guid PersonId, Guid PlacementId, Guid RefusalId, string Reasoning, string ProposedBy) : IDomainEvent;

/// <summary>
/// An official's decision on a proposal; an approval restricts benefits (§ 1a Abs. 1 AsylbLG) for six months.
/// <paramref name="NoticeVersion"/> names the wording of the notice on the decision (<see cref="Common.NoticeVersions"/>);
/// null on events stored before notices were versioned. <paramref name="NoticeId"/> names the notice issued with it
/// (Einschränkungsbescheid or Mitteilung, contract v3a); null on events stored before notices were resources.
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
    Guid? NoticeId = null) : IDomainEvent;

/// <summary>The person's Widerspruch (§ 84 SGG); it has no suspensive effect (§ 11 Abs. 4 AsylbLG).</summary>
public sealed record ObjectionFiled(Guid ProposalId, Guid PersonId, DateOnly ReceivedOn, string Statement, string FiledBy) : IDomainEvent;

/// <summary>Upheld: Abhilfe (§ 85 Abs. 1 SGG), the restriction is withdrawn from its start. Dismissed: it stays.</summary>
public sealed record ObjectionDecided(Guid ProposalId, Guid PersonId, bool Upheld, string Reasoning, string DecidedBy) : IDomainEvent;

/// <summary>The restriction ends before its planned end (§ 9 Abs. 4 AsylbLG with § 48 SGB X); LastDay becomes its end.</summary>
public sealed record RestrictionEndedEarly(Guid ProposalId, Guid PersonId, DateOnly LastDay, RestrictionEndReason Reason, string Reasoning, string EndedBy) : IDomainEvent;

/// <summary>
/// The § 14 Abs. 2 AsylbLG review of the period ending on <paramref name="PeriodEndsOn"/>: continued for six more months
/// (new end <paramref name="NewEndsOn"/>, after a hearing on <paramref name="HearingHeldOn"/>), or left to end as planned.
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
    string ReviewedBy) : IDomainEvent;

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
}

public enum ObjectionStatus
{
    Pending,
    Upheld,
    Dismissed,
}

public sealed record SanctionDecision(bool Approved, string Reasoning, string DecidedBy, int DecidedAtSequence, string? NoticeVersion = null);

/// <summary>An approved restriction. EndsOn moves with an early end or a continuation; the decided period stays in the history.</summary>
public sealed record Restriction(
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool EndedEarly,
    bool Withdrawn,
    DateOnly? ContinuedOn,
    DateOnly? ReviewedUpTo)
{
    public RestrictionStatus StatusOn(DateOnly today) =>
        Withdrawn ? RestrictionStatus.Withdrawn
        : EndedEarly ? RestrictionStatus.EndedEarly
        : EndsOn < today ? RestrictionStatus.Expired
        : RestrictionStatus.InForce;

    public bool Overlaps(DateOnly from, DateOnly to) => StartsOn <= to && from <= EndsOn;

    /// <summary>
    /// The period running on the day has been reviewed: a review covers the period up to the end it reviewed, so a
    /// continuation's own period comes up for review only once it has begun.
    /// </summary>
    public bool IsReviewedOn(DateOnly day) => ReviewedUpTo is { } upTo && day <= upTo;
}

public sealed record Objection(DateOnly ReceivedOn, string Statement, string FiledBy, ObjectionStatus Status, string? DecidedBy, string? Reasoning);

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
    public static SanctionProposal Start(SanctionProposed e) =>
        new(e.ProposalId, e.PersonId, e.PlacementId, e.RefusalId, e.Reasoning, e.ProposedBy, null, null, null);

    public SanctionProposal When(SanctionDecided e, int sequence) => this with
    {
        Decision = new SanctionDecision(e.Approved, e.Reasoning, e.DecidedBy, sequence, e.NoticeVersion),
        Restriction = e is { Approved: true, StartsOn: { } s, EndsOn: { } end } ? new Restriction(s, end, false, false, null, null) : null,
    };

    public SanctionProposal When(ObjectionFiled e) =>
        this with { Objection = new Objection(e.ReceivedOn, e.Statement, e.FiledBy, ObjectionStatus.Pending, null, null) };

    public SanctionProposal When(ObjectionDecided e) => this with
    {
        Objection = Objection is null ? null : Objection with
        {
            Status = e.Upheld ? ObjectionStatus.Upheld : ObjectionStatus.Dismissed, DecidedBy = e.DecidedBy, Reasoning = e.Reasoning,
        },
        Restriction = e.Upheld && Restriction is not null ? Restriction with { Withdrawn = true } : Restriction,
    };

    public SanctionProposal When(RestrictionEndedEarly e) =>
        this with { Restriction = Restriction is null ? null : Restriction with { EndsOn = e.LastDay, EndedEarly = true } };

    public SanctionProposal When(RestrictionReviewed e) => this with
    {
        Restriction = Restriction is null ? null
            : e is { Continued: true, NewEndsOn: { } end }
                ? Restriction with { EndsOn = end, ContinuedOn = e.ReviewedOn, ReviewedUpTo = e.PeriodEndsOn }
                : Restriction with { ReviewedUpTo = e.PeriodEndsOn },
    };
}
