using System.Security.Claims;
using AGH.Domain.Common;

namespace AGH.Api.Infrastructure;

public static class Caller
{
    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        var sub = user.FindFirst("sub")?.Value;
        var role = user.FindFirst("role")?.Value;
        if (string.IsNullOrWhiteSpace(sub) || string.IsNullOrWhiteSpace(role)) return null;
        var name = user.FindFirst("name")?.Value ?? sub;
        var municipality = user.FindFirst("municipality")?.Value;
        return new Actor(sub, name, role, string.IsNullOrWhiteSpace(municipality) ? null : municipality);
    }

    /// <summary>Role check for a route; caseworkers must carry a municipality claim to act at all.</summary>
    public static (Actor? Actor, IResult? Problem) Require(HttpContext http, params string[] roles)
    {
        var actor = ActorOf(http.User);
        if (actor is null)
            return (null, Problems.Forbidden("The token carries no user id or role."));
        if (!roles.Contains(actor.Role))
            return (null, Problems.Forbidden($"The role '{actor.Role}' may not do this."));
        if (actor.Role == Roles.Caseworker && actor.Municipality is null)
            return (null, Problems.Forbidden("A caseworker token needs a municipality claim."));
        return (actor, null);
    }

    public static readonly string[] Everyone = Roles.All.ToArray();

    /// <summary>The start of every command: the caller's role, then the JSON body; either may refuse the request.</summary>
    public static async Task<(Actor Actor, T Body, IResult? Refused)> ReadCommand<T>(HttpContext http, params string[] roles) where T : class
    {
        var (actor, denied) = Require(http, roles);
        if (denied is not null) return (null!, null!, denied);
        var (body, bad) = await Body.Read<T>(http.Request);
        return bad is not null ? (null!, null!, bad) : (actor!, body!, null);
    }
}
