using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;

namespace AGH.Api.Infrastructure;

/// <summary>A user's name as their token last carried it when they recorded something (contract v3d: names, not login ids).</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>
/// Contract v3d: every answer field that names a user by login id (<c>decidedBy</c>, <c>preparedBy</c>, ...) gets a sibling
/// <c>…Name</c>. Done once for every DTO: the JSON contract adds the sibling after each string property ending in "By",
/// and <see cref="EventStamping"/> keeps the name of every user who records an event (the token's <c>name</c>, the same
/// the history's <c>actor.name</c> shows). Read from a directory kept in memory, refreshed from the database at most
/// every few seconds, so another node's new user is named within that time.
/// </summary>
public static class StaffNames
{
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static long _loadedAtTicks;
    private static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(5);

    public static string? Of(string? userId) => userId is not null && Names.TryGetValue(userId, out var name) ? name : null;

    /// <summary>Whether <paramref name="actor"/>'s name is to be stored (new or changed); remembers it on this node.</summary>
    public static bool Remember(Actor actor)
    {
        if (string.IsNullOrWhiteSpace(actor.Name) || Of(actor.UserId) == actor.Name) return false;
        Names[actor.UserId] = actor.Name;
        return true;
    }

    /// <summary>Reloads the directory when it is older than a few seconds (one small query).</summary>
    public static async Task Refresh(IDocumentStore store, CancellationToken ct)
    {
        var now = DateTime.UtcNow.Ticks;
        var loaded = Interlocked.Read(ref _loadedAtTicks);
        if (now - loaded < RefreshAfter.Ticks || Interlocked.CompareExchange(ref _loadedAtTicks, now, loaded) != loaded) return;
        await using var session = store.QuerySession();
        foreach (var m in await session.Query<StaffMember>().ToListAsync(ct)) Names[m.Id] = m.Name;
    }

    /// <summary>For every AGH type's string property "xBy", a sibling "xByName" right after it (null when the user is unknown).</summary>
    public static void AddNameProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("AGH.", StringComparison.Ordinal) != true) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var by = info.Properties[i];
            if (!IsStaffId(by.PropertyType, by.Name) || by.Get is not { } get) continue;
            var name = by.Name + "Name";
            if (info.Properties.Any(p => p.Name == name)) continue;
            var added = info.CreateJsonPropertyInfo(typeof(string), name);
            added.Get = o => Of(get(o) as string);
            info.Properties.Insert(i + 1, added);
        }
    }

    /// <summary>A login id field: "…By" (decidedBy), or plain "by" (who confirmed a month's timesheet).</summary>
    public static bool IsStaffId(Type type, string jsonName) =>
        type == typeof(string) && (jsonName == "by" || (jsonName.Length > 2 && jsonName.EndsWith("By", StringComparison.Ordinal)));
}
