using AGH.Web.Api;
using Newtonsoft.Json.Linq;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Facts the API keeps only in a person's history (what was ended, declared or assessed before): read from the
/// entries' type and data, as the API recorded them. Shared by the person page and the refusal page.
/// </summary>
public static class HistoryFacts
{
    /// <summary>Whether the entry records the event <paramref name="eventName"/> (e.g. "ExemptionEnded"), however the type is spelled.</summary>
    public static bool Is(HistoryEntryDto entry, string eventName) =>
        Normal(entry.Type).EndsWith(Normal(eventName), StringComparison.Ordinal);

    /// <summary>A field of the entry's data by its name in any casing, or null.</summary>
    public static string? Field(HistoryEntryDto entry, string name)
    {
        var data = entry.Data switch
        {
            JObject o => o,
            null => null,
            var other => JToken.FromObject(other) as JObject,
        };
        var value = data?.GetValue(name, StringComparison.OrdinalIgnoreCase);
        return value is null || value.Type == JTokenType.Null ? null
            : value.Type == JTokenType.Date ? ((DateTime)value).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString();
    }

    public static DateOnly? Date(HistoryEntryDto entry, string name) =>
        DateOnly.TryParse(Field(entry, name)?[..Math.Min(10, Field(entry, name)!.Length)], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>The entries about one refusal (invitation, hearing, assessments), oldest first.</summary>
    public static IReadOnlyList<HistoryEntryDto> AboutRefusal(IEnumerable<HistoryEntryDto> entries, Guid refusalId) =>
        entries.Where(e => Guid.TryParse(Field(e, "refusalId"), out var id) && id == refusalId)
            .OrderBy(e => e.RecordedAt).ThenBy(e => e.Sequence).ToList();

    private static string Normal(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
