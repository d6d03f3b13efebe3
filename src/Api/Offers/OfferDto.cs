namespace AGH.Api.Offers;

public sealed record OfferDto(
    Guid Id,
    ProviderType ProviderType,
    string ProviderName,
    string Municipality,
    string Title,
    string Activity,
    int Places,
    int Occupied,
    int Free,
    int HoursPerWeek,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    string ReportTo,
    [property: System.ComponentModel.Description("open; withdrawn; ended once endsOn has passed (contract v3d: takes no assignment, counts nowhere in the quota).")]
    OfferStatus Status,
    [property: System.ComponentModel.Description("The provider's organisation id (contract v3c); null when none is named.")] string? ProviderId,
    [property: System.ComponentModel.Description("The Unfallversicherungsträger (§ 2 Abs. 1 Nr. 1 SGB VII); null when none is named.")] string? AccidentInsurer)
{
    public static OfferDto From(Offer o, DateOnly today) => new(o.Id, o.ProviderType, o.ProviderName, o.Municipality, o.Title, o.Activity,
        o.Places, o.Occupied, o.Free, o.HoursPerWeek, o.StartsOn, o.EndsOn, o.ReportTo, o.StatusOn(today), o.ProviderId, o.AccidentInsurer);

    /// <summary>The offer as a decision's events leave it.</summary>
    public static OfferDto After(Offer offer, Decision decision, DateOnly today) => From(decision.Events.Aggregate(offer, (o, e) => Offer.Evolve(o, e.Event)!), today);
}
