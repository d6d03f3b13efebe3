using AGH.Api.Municipalities;
using Marten.Events;

namespace AGH.Api.Quota;

/// <summary>Configuration "Quota:Targets": the places the district aims for per provider type.</summary>
public sealed class QuotaTargets
{
    public int Municipality { get; set; } = 150;
    public int District { get; set; } = 50;
    public int Nonprofit { get; set; } = 100;

    // Every type named: a new provider type fails the build (CS8509) until it has its target.
#pragma warning disable CS8524
    public int For(ProviderType type) => type switch
    {
        ProviderType.Municipality => Municipality,
        ProviderType.District => District,
        ProviderType.Nonprofit => Nonprofit,
    };
#pragma warning restore CS8524
}

public sealed record TargetDto(int Total, int Municipality, int District, int Nonprofit);

public sealed record ProviderTypeQuotaDto(ProviderType ProviderType, int Target, int Offers, int Places, int Occupied, int Free);

public sealed record MunicipalityQuotaDto(string Municipality, int Offers, int Places, int Occupied, int Free, int Persons, int PersonsPlaced, int PersonsExempt);

public sealed record QuotaDto(DateTimeOffset AsOf, TargetDto Target, IReadOnlyList<ProviderTypeQuotaDto> ProviderTypes, IReadOnlyList<MunicipalityQuotaDto> Municipalities);

/// <summary>The Kreistag's question: how far towards 300 places (150 municipal, 50 district, 100 non-profit), and where.</summary>
[QuotaReader]
public static class QuotaEndpoint
{
    [WolverineGet("/api/quota", OperationId = "getQuota"), Tags("Views")]
    [EndpointSummary("Quota report for the Kreistag: places offered and occupied, persons placed and exempt")]
    [ProducesResponseType<QuotaDto>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, IDocumentStore store, QuotaTargets targets, Clock clock)
    {
        // The rows are projected asynchronously; give the daemon a moment to include every write made before this
        // request, so a report asked for right after a change shows it. Past the bound the report answers as it stands.
        try { await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(2)); }
        catch (TimeoutException) { }
        // Withdrawn and ended offers count nowhere; persons count while entitled.
        var offers = (await session.Query<QuotaOffer>().Where(o => !o.Withdrawn).ToListAsync(http.RequestAborted))
            .Where(o => o.CountsOn(clock.Today)).ToList();
        var persons = await session.Query<QuotaPerson>().Where(p => p.Entitled).ToListAsync(http.RequestAborted);
        return Results.Ok(Build(offers, persons, targets, clock.Now, clock.Today));
    }

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
