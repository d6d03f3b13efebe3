using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AGH.Api.Persons;

public sealed record HistoryEntryDto(
    long Sequence,
    Guid StreamId,
    long Version,
    string Type,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    Actor? Actor,
    string LegalBasis,
    string Summary,
    object Data);

public sealed record HistoryDto(Guid PersonId, DateTimeOffset AsOf, IReadOnlyList<HistoryEntryDto> Entries);

public sealed record AccessLogEntryDto(DateTimeOffset ReadAt, Actor? Actor, DateTimeOffset? AsOf, string Purpose);

/// <summary>
/// Paging of a person's history by sequence: `limit` entries after the sequence `after`. Without both parameters the
/// history is answered whole, as before. A full page announces the next one in `Link` (rel="next", RFC 8288).
/// </summary>
public sealed record HistoryPage(int Limit, long After)
{
    /// <summary>The largest page of history entries one request may ask for.</summary>
    public const int MaxLimit = 1000;

    public static HistoryPage? Read(string? limit, string? after, Checks checks)
    {
        if (limit is null && after is null) return null;
        var size = MaxLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxLimit))
            checks.Add("limit", $"must be a whole number from 1 to {MaxLimit}.");
        long from = 0;
        if (after is not null && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from))
            checks.Add("after", "must be a whole number of at least 0 (the sequence of the last entry read).");
        return new HistoryPage(size, from);
    }

    public void Announce(HttpContext http, IReadOnlyList<HistoryEntryDto> entries)
    {
        if (entries.Count < Limit) return;
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(kv => kv.Key is not ("limit" or "after"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new("limit", Limit.ToString(CultureInfo.InvariantCulture)))
            .Append(new("after", entries[^1].Sequence.ToString(CultureInfo.InvariantCulture)));
        http.Response.Headers.Link = $"<{QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query)}>; rel=\"next\"";
    }
}
