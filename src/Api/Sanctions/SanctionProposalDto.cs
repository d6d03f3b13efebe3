using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

public enum ProposalStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>An approved restriction as it stands today: in-force (also before it starts), ended-early, withdrawn or expired.</summary>
public sealed record RestrictionDto(DateOnly StartsOn, DateOnly EndsOn, RestrictionStatus Status, DateOnly? ContinuedOn)
{
    public static RestrictionDto? From(Restriction? r, DateOnly today) =>
        r is null ? null : new RestrictionDto(r.StartsOn, r.EndsOn, r.StatusOn(today), r.ContinuedOn);
}

/// <summary>The Widerspruch against the restriction.</summary>
public sealed record ObjectionDto(DateOnly ReceivedOn, string Statement, ObjectionStatus Status, string? DecidedBy, string? DecisionReasoning);

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
    string? NoticeVersion)
{
    public static SanctionProposalDto From(SanctionProposal p, DateOnly today) => new(
        p.ProposalId, p.PersonId, p.PlacementId, p.RefusalId, p.Reasoning, p.ProposedBy,
        p.Decision is null ? ProposalStatus.Pending : p.Decision.Approved ? ProposalStatus.Approved : ProposalStatus.Rejected,
        p.Decision?.Approved, p.Decision?.Reasoning, p.Decision?.DecidedBy, p.Restriction?.StartsOn, p.Restriction?.EndsOn,
        RestrictionDto.From(p.Restriction, today),
        p.Objection is { } o ? new ObjectionDto(o.ReceivedOn, o.Statement, o.Status, o.DecidedBy, o.Reasoning) : null,
        p.Decision?.NoticeVersion);
}
