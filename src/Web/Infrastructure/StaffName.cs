namespace AGH.Web.Infrastructure;

/// <summary>Who acted, by name (the API's "…Name" beside each login id, contract v3d), never by login id where a name is known.</summary>
public static class StaffName
{
    public static string Of(string? name, string? userId) =>
        !string.IsNullOrWhiteSpace(name) ? name : string.IsNullOrWhiteSpace(userId) ? "–" : userId;
}
