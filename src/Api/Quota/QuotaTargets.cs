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
