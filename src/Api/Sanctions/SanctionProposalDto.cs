namespace AGH.Api.Sanctions;

public enum ProposalStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// An approved restriction as it stands today: awaiting-notification until its notice is dispatched, then in-force (also
/// before effectiveFrom) until endsOn has passed, or suspended, ended-early, withdrawn, expired (also when notified after endsOn).
/// </summary>
public sealed record RestrictionDto(
    DateOnly StartsOn,
    DateOnly EndsOn,
    RestrictionStatus Status,
    DateOnly? ContinuedOn,
    DateOnly? EffectiveFrom,
    bool BackPaymentDue,
    DateOnly? BackPaymentFrom,
    IReadOnlyList<RestrictionPeriodDto> Periods,
    SuspensionDto? Suspension,
    ReviewRequestDto? ReviewRequest)
{
    public static RestrictionDto? From(Restriction? r, DateOnly today) =>
        r is null ? null : new RestrictionDto(r.StartsOn, r.EndsOn, r.StatusOn(today), r.ContinuedOn, r.EffectiveFrom, r.BackPaymentDue,
            r.BackPaymentFrom, r.Periods.Select(p => RestrictionPeriodDto.From(r, p, today)).ToList(),
            r.Suspension is { } s ? new SuspensionDto(s.Kind, s.Scope, s.Court, s.FileNumber, s.DecidedOn, s.From, s.Note, s.EndedOn, s.Outcome) : null,
            r.ReviewRequest is { } q ? new ReviewRequestDto(q.ReceivedOn, q.Statement, q.Outcome, q.DecidedBy, q.Reasoning, q.NoticeId) : null);
}

/// <summary>A period of the restriction: the first from the decision, each further one from a continuation.</summary>
public sealed record RestrictionPeriodDto(int N, DateOnly StartsOn, DateOnly EndsOn, Guid NoticeId, RestrictionStatus Status)
{
    public static RestrictionPeriodDto From(Restriction r, RestrictionPeriod p, DateOnly today) =>
        new(p.N, p.StartsOn, p.EndsOn, p.NoticeId, r.PeriodStatusOn(p, today));
}

/// <summary>The court order or the authority's suspension, the latest one.</summary>
public sealed record SuspensionDto(SuspensionKind Kind, SuspensionScope? Scope, string? Court, string? FileNumber, DateOnly DecidedOn, DateOnly From,
    string Note, DateOnly? EndedOn, SuspensionOutcome? Outcome);

/// <summary>The person's application for review under § 44 SGB X.</summary>
public sealed record ReviewRequestDto(DateOnly ReceivedOn, string Statement, ReviewRequestOutcome? Outcome, string? DecidedBy, string? Reasoning, Guid? NoticeId);

/// <summary>The Widerspruch against one period of the restriction; timely: received by that period's notice's objection deadline.</summary>
/// <summary>
/// The Widerspruch against one period of the restriction; timely: received by that period's notice's objection deadline.
/// costs: null while pending and for objections decided before v3b; noticeId: the Widerspruchsbescheid, or the Abhilfebescheid
/// when wholly upheld; reliefNoticeId: the Abhilfebescheid for the upheld part of a partly upheld one.
/// </summary>
public sealed record ObjectionDto(DateOnly ReceivedOn, string Statement, ObjectionStatus Status, string? DecidedBy, string? DecisionReasoning, int Period, bool Timely,
    PlacementObjectionCosts? Costs, Guid? NoticeId, Guid? ReliefNoticeId)
{
    public static ObjectionDto From(Person person, SanctionProposal p, Objection o, Policy policy) =>
        new(o.ReceivedOn, o.Statement, o.Status, o.DecidedBy, o.Reasoning, o.Period, ObjectionPeriods.IsTimely(person, p, o, policy),
            o.Costs, o.NoticeId, o.ReliefNoticeId);
}

public sealed record SanctionProposalDto(
    Guid Id,
    Guid PersonId,
    Guid PlacementId,
    Guid RefusalId,
    string Reasoning,
    string ProposedBy,
    ProposalStatus Status,
    bool? Approved,
    string? DecisionReasoning,
    string? DecidedBy,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    RestrictionDto? Restriction,
    ObjectionDto? Objection,
    string? NoticeVersion,
    Guid? NoticeId,
    IReadOnlyList<ObjectionDto> Objections)
{
    /// <summary>Every notice the answering command issued (a partly upheld objection: the Abhilfebescheid and the Widerspruchsbescheid); null otherwise.</summary>
    public IReadOnlyList<Guid>? NoticeIds { get; init; }

    // noticeId: the notice the answering command issued; by default the decision's (Einschränkungsbescheid or Mitteilung).
    public static SanctionProposalDto From(Person person, SanctionProposal p, DateOnly today, Policy policy, Guid? noticeId = null) => new(
        p.ProposalId, p.PersonId, p.PlacementId, p.RefusalId, p.Reasoning, p.ProposedBy,
        p.Decision is null ? ProposalStatus.Pending : p.Decision.Approved ? ProposalStatus.Approved : ProposalStatus.Rejected,
        p.Decision?.Approved, p.Decision?.Reasoning, p.Decision?.DecidedBy, p.Restriction?.StartsOn, p.Restriction?.EndsOn,
        RestrictionDto.From(p.Restriction, today),
        p.Objection is { } o ? ObjectionDto.From(person, p, o, policy) : null,
        p.Decision?.NoticeVersion,
        noticeId ?? p.Decision?.NoticeId,
        p.Objections.Select(x => ObjectionDto.From(person, p, x, policy)).ToList());
}
