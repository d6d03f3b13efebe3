using AGH.Api.Municipalities;

namespace AGH.Api.Quota;

public sealed record TargetDto(int Total, int Municipality, int District, int Nonprofit);

public sealed record ProviderTypeQuotaDto(ProviderType ProviderType, int Target, int Offers, int Places, int Occupied, int Free);

public sealed record MunicipalityQuotaDto(string Municipality, int Offers, int Places, int Occupied, int Free, int Persons, int PersonsPlaced, int PersonsExempt);

public sealed record QuotaDto(DateTimeOffset AsOf, TargetDto Target, IReadOnlyList<ProviderTypeQuotaDto> ProviderTypes, IReadOnlyList<MunicipalityQuotaDto> Municipalities)
{
    /// <summary>The places against the targets per provider type, and per municipality with its persons.</summary>
    public static QuotaDto Build(IReadOnlyList<QuotaOffer> offers, IReadOnlyList<QuotaPerson> persons, QuotaTargets targets,
        DateTimeOffset now, DateOnly today)
    {
        var types = Enum.GetValues<ProviderType>().Select(type =>
        {
            var of = offers.Where(o => o.ProviderType == type).ToList();
            var places = of.Sum(o => o.Places);
            var occupied = of.Sum(o => o.Occupied);
            return new ProviderTypeQuotaDto(type, targets.For(type), of.Count, places, occupied, places - occupied);
        }).ToList();
        var municipalities = MunicipalityCatalog.All.Select(m =>
        {
            var of = offers.Where(o => o.Municipality == m.Id).ToList();
            var ps = persons.Where(x => x.Municipality == m.Id).ToList();
            var places = of.Sum(o => o.Places);
            var occupied = of.Sum(o => o.Occupied);
            return new MunicipalityQuotaDto(m.Id, of.Count, places, occupied, places - occupied, ps.Count,
                ps.Count(x => x.Placed), ps.Count(x => !x.Placed && x.IsExemptOn(today)));
        }).ToList();
        return new QuotaDto(now,
            new TargetDto(targets.Municipality + targets.District + targets.Nonprofit, targets.Municipality, targets.District, targets.Nonprofit),
            types, municipalities);
    }
}
