using AGH.Api.Sanctions;

namespace AGH.Api.Persons;

public sealed record ExemptionDto(Guid ExemptionId,
    [property: System.ComponentModel.Description("Null once the person's data was erased (health data, Art. 9 DSGVO).")] ExemptionReason? Reason, DateOnly From, DateOnly? Until, string? Note,
    ExemptionEvidence? Evidence = null, DateOnly? ReviewOn = null,
    [property: System.ComponentModel.Description("Recorded in error and withdrawn: it counts nowhere (status, eligibility, quota).")] bool Withdrawn = false);

public sealed record LegalStatusDto(LegalStatus Status, DateOnly Since);

public sealed record PersonDto(
    Guid Id,
    string Municipality,
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? FileReference,
    DateOnly EntitledSince,
    PersonStatus Status,
    Guid? ActivePlacementId,
    IReadOnlyList<ExemptionDto> Exemptions,
    RestrictionDto? Restriction,
    bool LegalHold,
    DateOnly? ErasedOn,
    [property: System.ComponentModel.Description("The residence status in force today: the latest recorded by since, not in the future.")]
    LegalStatusDto? LegalStatus = null,
    [property: System.ComponentModel.Description("The day of the latest declared willingness to work (POST /api/persons/{id}/willingness), if any.")]
    DateOnly? WillingnessDeclaredOn = null,
    [property: System.ComponentModel.Description("The record kept, once this one was closed as entered twice (status duplicate).")]
    Guid? DuplicateOf = null,
    [property: System.ComponentModel.Description("The person's open tasks (GET /api/tasks) of the kinds the caller works on (auditors: every kind about a person); "
        + "on GET /api/persons and GET /api/persons/{id} without asOf, else null.")]
    int? OpenTasks = null,
    [property: System.ComponentModel.Description("Whether the person may be assigned today, apart from a placement they hold: the rule POST /api/placements applies "
        + "(minimum and retirement age, entitlement, exclusion, exemption, duplicate record).")]
    bool EligibleToday = false,
    [property: System.ComponentModel.Description("Why not, when eligibleToday is false; null otherwise.")]
    Ineligibility? IneligibleReason = null)
{
    public static PersonDto From(Person p, DateOnly today, Policy policy) => new(
        p.Id, p.Municipality, p.GivenName, p.FamilyName, p.DateOfBirth, p.FileReference, p.EntitledSince, p.StatusOn(today),
        p.ActivePlacement?.PlacementId,
        p.Exemptions.Select(x => new ExemptionDto(x.ExemptionId, x.Reason, x.From, x.Until, x.Note, x.Evidence, x.ReviewOn, x.Withdrawn)).ToList(),
        RestrictionDto.From(p.RestrictionInForceOn(today)?.Restriction, today),
        p.LegalHold, p.ErasedOn,
        p.LegalStatusOn(today) is { } status ? new LegalStatusDto(status.Status, status.Since) : null,
        p.WillingnessDeclaredOn.IsEmpty ? null : p.WillingnessDeclaredOn.Max(),
        p.DuplicateOf,
        EligibleToday: PlacementDecisions.Ineligible(p, today, policy) is null,
        IneligibleReason: PlacementDecisions.Ineligible(p, today, policy)?.Reason);
}

public static class PersonAccess
{
    /// <summary>Another municipality's person is reported as not found: its existence is not revealed.</summary>
    public static bool Visible(Actor actor, Person? person) => person is not null && actor.MaySee(person.Municipality);
}
