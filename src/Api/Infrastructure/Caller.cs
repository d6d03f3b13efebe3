using System.Security.Claims;

namespace AGH.Api.Infrastructure;

public static class Caller
{
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        if (HasSeveralRoles(user)) return null;
        var sub = user.FindFirst("sub")?.Value;
        var role = user.FindFirst("role")?.Value;
        if (string.IsNullOrWhiteSpace(sub) || string.IsNullOrWhiteSpace(role)) return null;
        var name = user.FindFirst("name")?.Value ?? sub;
        var municipality = user.FindFirst("municipality")?.Value;
        var provider = user.FindFirst("provider")?.Value;
        return new Actor(sub, name, role, string.IsNullOrWhiteSpace(municipality) ? null : municipality,
            string.IsNullOrWhiteSpace(provider) ? null : provider);
    }

    /// <summary>A token naming several roles gets no role at all (403), not the first one it happens to list.</summary>
    public static bool HasSeveralRoles(ClaimsPrincipal user) => user.FindAll("role").Skip(1).Any();

    /// <summary>Why the caller may not do this (403), or null.</summary>
    public static string? Refusal(Actor? actor, string[] roles) =>
        actor is null ? "The token carries no user id or role."
        : !roles.Contains(actor.Role) ? $"The role '{actor.Role}' may not do this."
        : actor.Role == Roles.Caseworker && actor.Municipality is null ? "A caseworker token needs a municipality claim."
        // Contract v3c: a provider token without its organisation names no one's offers: refused on every route.
        : actor.Role == Roles.Provider && actor.Provider is null ? "A provider token needs a provider claim."
        : null;

    public static readonly string[] Everyone = Roles.All.ToArray();
}
