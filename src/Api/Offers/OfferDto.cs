using AGH.Domain.Offers;

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
    OfferStatus Status)
{
    public static OfferDto From(Offer o) => new(o.Id, o.ProviderType, o.ProviderName, o.Municipality, o.Title, o.Activity,
        o.Places, o.Occupied, o.Free, o.HoursPerWeek, o.StartsOn, o.EndsOn, o.ReportTo, o.Status);

    /// <summary>The offer as a decision's events leave it.</summary>
    public static OfferDto After(Offer offer, Decision decision) => From(decision.Events.Aggregate(offer, (o, e) => Offer.Evolve(o, e.Event)!));
}
