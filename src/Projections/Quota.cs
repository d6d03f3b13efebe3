using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using JasperFx.Events;
using Marten.Events.Projections;

namespace AGH.Projections;

public sealed record QuotaOffer(ProviderType ProviderType, string Municipality, int Places, int Occupied, bool Withdrawn);

public sealed record QuotaExemption(DateOnly From, DateOnly? Until);

public sealed record QuotaPerson(string Municipality, bool Entitled, bool Placed, IReadOnlyList<QuotaExemption> Exemptions)
{
    public bool IsExemptOn(DateOnly day) => Exemptions.Any(x => x.From <= day && (x.Until is null || x.Until >= day));
}

/// <summary>
/// The facts the Kreistag's quota report is counted from. One document for the district: ~300 offers and persons are
/// small, and counting at read time keeps "exempt today" correct without a nightly job.
/// </summary>
public sealed record QuotaView(string Id, Dictionary<Guid, QuotaOffer> Offers, Dictionary<Guid, QuotaPerson> Persons, DateTimeOffset? LastEventAt)
{
    public const string TheId = "district";
}

public partial class QuotaProjection : MultiStreamProjection<QuotaView, string>
{
    public QuotaProjection()
    {
        Identity<OfferRegistered>(_ => QuotaView.TheId);
        Identity<OfferPlacesChanged>(_ => QuotaView.TheId);
        Identity<OfferWithdrawn>(_ => QuotaView.TheId);
        Identity<PlaceOccupied>(_ => QuotaView.TheId);
        Identity<PlaceReleased>(_ => QuotaView.TheId);
        Identity<PersonRegistered>(_ => QuotaView.TheId);
        Identity<ExemptionRecorded>(_ => QuotaView.TheId);
        Identity<EntitlementEnded>(_ => QuotaView.TheId);
        Identity<PersonAssigned>(_ => QuotaView.TheId);
        Identity<PlacementEnded>(_ => QuotaView.TheId);
    }

    public override QuotaView? Evolve(QuotaView? snapshot, string id, IEvent e)
    {
        var view = snapshot ?? new QuotaView(id, new(), new(), null);
        var offers = view.Offers;
        var persons = view.Persons;
        switch (e.Data)
        {
            case OfferRegistered x:
                offers[x.OfferId] = new QuotaOffer(x.ProviderType, x.Municipality, x.Places, 0, false);
                break;
            case OfferPlacesChanged x when offers.TryGetValue(x.OfferId, out var o):
                offers[x.OfferId] = o with { Places = x.Places };
                break;
            case OfferWithdrawn x when offers.TryGetValue(x.OfferId, out var o):
                offers[x.OfferId] = o with { Withdrawn = true };
                break;
            case PlaceOccupied x when offers.TryGetValue(x.OfferId, out var o):
                offers[x.OfferId] = o with { Occupied = o.Occupied + 1 };
                break;
            case PlaceReleased x when offers.TryGetValue(x.OfferId, out var o):
                offers[x.OfferId] = o with { Occupied = Math.Max(0, o.Occupied - 1) };
                break;
            case PersonRegistered x:
                persons[x.PersonId] = new QuotaPerson(x.Municipality, true, false, []);
                break;
            case ExemptionRecorded x when persons.TryGetValue(x.PersonId, out var p):
                persons[x.PersonId] = p with { Exemptions = [.. p.Exemptions, new QuotaExemption(x.From, x.Until)] };
                break;
            case EntitlementEnded x when persons.TryGetValue(x.PersonId, out var p):
                persons[x.PersonId] = p with { Entitled = false };
                break;
            case PersonAssigned x when persons.TryGetValue(x.PersonId, out var p):
                persons[x.PersonId] = p with { Placed = true };
                break;
            case PlacementEnded x when persons.TryGetValue(x.PersonId, out var p):
                persons[x.PersonId] = p with { Placed = false };
                break;
        }
        return view with { LastEventAt = e.Timestamp };
    }
}
