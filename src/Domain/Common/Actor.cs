namespace AGH.Domain.Common;

public static class Roles
{
    public const string Caseworker = "caseworker";
    public const string Coordinator = "coordinator";
    public const string Official = "official";
    public const string Payroll = "payroll";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Caseworker, Coordinator, Official, Payroll, Auditor];
}

/// <summary>Who acts, in which role and for which authority; recorded with every event.</summary>
public sealed record Actor(string UserId, string Name, string Role, string? Municipality)
{
    public bool Is(string role) => Role == role;

    /// <summary>Officials without a municipality claim act for the whole district.</summary>
    public bool MaySee(string municipality) =>
        Role == Roles.Auditor || (Municipality is null && Role == Roles.Official) || Municipality == municipality;
}
