namespace AGH.Api.Placements;

/// <summary>The person as a provider sees them: a name to call the roll by, nothing else.</summary>
public sealed record ProviderPersonDto(string GivenName, string FamilyName);

/// <summary>
/// A placement as its provider sees it (contract v3c): no date of birth, file reference, exemption, refusal, sanction
/// or payout.
/// </summary>
public sealed record ProviderPlacementDto(
    Guid Id,
    Guid OfferId,
    ProviderPersonDto Person,
    DateOnly StartsOn,
    DateOnly? Until,
    IReadOnlyList<ScheduleBlockDto>? Schedule,
    PlacementStatus Status)
{
    public static ProviderPlacementDto From(Person person, Placement p, DateOnly today) => new(
        p.PlacementId, p.OfferId, new ProviderPersonDto(person.GivenName, person.FamilyName), p.StartsOn, p.Until,
        p.Schedule?.Select(b => new ScheduleBlockDto(b.Weekday, b.From(), b.To())).ToList(),
        PlacementDto.StatusOf(p, today));
}
