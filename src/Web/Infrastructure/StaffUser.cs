using System.Security.Claims;

namespace AGH.Web.Infrastructure;

public static class Roles
{
    public const string Caseworker = "caseworker";
    public const string Official = "official";
    public const string Coordinator = "coordinator";
    public const string Payroll = "payroll";
    public const string Auditor = "auditor";
    public const string Provider = "provider";

    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        (Caseworker, "Sachbearbeitung Sozialamt"),
        (Official, "Entscheidung (Amtsleitung)"),
        (Coordinator, "Koordination Landkreis"),
        (Payroll, "Abrechnung (Kreiskasse)"),
        (Auditor, "Rechnungsprüfung"),
        (Provider, "Träger"),
    ];

    public static string Label(string? role) => All.FirstOrDefault(r => r.Id == role).Label ?? role ?? "";
}

public static class StaffUser
{
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirst("sub")?.Value;
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirst("name")?.Value ?? user.UserId() ?? "";
    public static string? Role(this ClaimsPrincipal user) => user.FindFirst("role")?.Value;
    public static string? Municipality(this ClaimsPrincipal user) => user.FindFirst("municipality")?.Value;
    /// <summary>The provider's organisation id (the Träger-Kennung), on provider accounts only.</summary>
    public static string? Provider(this ClaimsPrincipal user) => user.FindFirst("provider")?.Value;
    public static bool Is(this ClaimsPrincipal user, params string[] roles) => roles.Contains(user.Role());
}
