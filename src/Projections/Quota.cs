using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace AGH.Projections;

/// <summary>What the quota report needs of one offer. One small row per offer, so an event rewrites only its own row.</summary>
public sealed record QuotaOffer(Guid Id, ProviderType ProviderType, string Municipality, int Places, int Occupied, bool Withdrawn,
    DateOnly? EndsOn = null)
{
    /// <summary>Withdrawn and ended offers (contract v3d: past their endsOn) count nowhere.</summary>
    public bool CountsOn(DateOnly today) => !Withdrawn && (EndsOn is null || EndsOn >= today);
}

/// <summary>One exemption of a person; <paramref name="ExemptionId"/> is empty on rows written before exemptions could end or be withdrawn.</summary>
public sealed record QuotaExemption(DateOnly From, DateOnly? Until, Guid ExemptionId = default);

/// <summary>What the quota report needs of one person.</summary>
public sealed record QuotaPerson(Guid Id, string Municipality, bool Entitled, bool Placed, IReadOnlyList<QuotaExemption> Exemptions)
{
    public bool IsExemptOn(DateOnly day) => Exemptions.Any(x => x.From <= day && (x.Until is null || x.Until >= day));
}

/// <summary>Async: the Kreistag's report may trail a write by a moment; counted per provider type and municipality at read time.</summary>
public partial class QuotaOfferProjection : SingleStreamProjection<QuotaOffer, Guid>
{
    public QuotaOfferProjection()
    {
        IncludeType<OfferRegistered>();
        IncludeType<OfferPlacesChanged>();
        IncludeType<OfferWithdrawn>();
        IncludeType<PlaceOccupied>();
        IncludeType<PlaceReleased>();
    }

    public override QuotaOffer? Evolve(QuotaOffer? row, Guid id, IEvent e) => (row, e.Data) switch
    {
        (_, OfferRegistered x) => new QuotaOffer(x.OfferId, x.ProviderType, x.Municipality, x.Places, 0, false, x.EndsOn),
        (not null, OfferPlacesChanged x) => row with { Places = x.Places },
        (not null, OfferWithdrawn) => row with { Withdrawn = true },
        (not null, PlaceOccupied) => row with { Occupied = row.Occupied + 1 },
        (not null, PlaceReleased) => row with { Occupied = Math.Max(0, row.Occupied - 1) },
        _ => row,
    };
}

public partial class QuotaPersonProjection : SingleStreamProjection<QuotaPerson, Guid>
{
    public QuotaPersonProjection()
    {
        IncludeType<PersonRegistered>();
        IncludeType<ExemptionRecorded>();
        IncludeType<ExemptionEnded>();
        IncludeType<ExemptionWithdrawn>();
        IncludeType<EntitlementEnded>();
        IncludeType<PersonMarkedDuplicate>();
        IncludeType<PersonAssigned>();
        IncludeType<PlacementEnded>();
    }

    public override QuotaPerson? Evolve(QuotaPerson? row, Guid id, IEvent e) => (row, e.Data) switch
    {
        (_, PersonRegistered x) => new QuotaPerson(x.PersonId, x.Municipality, true, false, []),
        (not null, ExemptionRecorded x) => row with { Exemptions = [.. row.Exemptions, new QuotaExemption(x.From, x.Until, x.ExemptionId)] },
        (not null, ExemptionEnded x) => row with { Exemptions = [.. row.Exemptions.Select(q => q.ExemptionId == x.ExemptionId ? q with { Until = x.Until } : q)] },
        // Recorded in error: it counts nowhere, so the quota forgets it.
        (not null, ExemptionWithdrawn x) => row with { Exemptions = [.. row.Exemptions.Where(q => q.ExemptionId != x.ExemptionId)] },
        (not null, EntitlementEnded) => row with { Entitled = false },
        // A record entered twice counts nowhere; the record kept is counted.
        (not null, PersonMarkedDuplicate) => row with { Entitled = false },
        (not null, PersonAssigned) => row with { Placed = true },
        (not null, PlacementEnded) => row with { Placed = false },
        _ => row,
    };
}
