namespace AGH.Domain.Common;

public static class Roles
{
    public const string Caseworker = "caseworker";
    public const string Coordinator = "coordinator";
    public const string Official = "official";
    public const string Payroll = "payroll";
    public const string Auditor = "auditor";

    /// <summary>A provider (Träger) of offers, named by the token's <c>provider</c> claim (contract v3c).</summary>
    public const string Provider = "provider";

    public static readonly IReadOnlyList<string> All = [Caseworker, Coordinator, Official, Payroll, Auditor, Provider];
}

/// <summary>Who acts, in which role and for which authority (or, for a provider, which organisation); recorded with every event.</summary>
public sealed record Actor(string UserId, string Name, string Role, string? Municipality, string? Provider = null)
{
    public bool Is(string role) => Role == role;

    /// <summary>
    /// Officials without a municipality claim act for the whole district. A provider sees nothing by municipality, only
    /// through its own offers (ProviderScope), whatever municipality its token might name.
    /// </summary>
    public bool MaySee(string municipality) =>
        Role != Roles.Provider && (Role == Roles.Auditor || (Municipality is null && Role == Roles.Official) || Municipality == municipality);
}
