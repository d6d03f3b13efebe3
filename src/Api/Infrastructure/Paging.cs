using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace AGH.Api.Infrastructure;

/// <summary>
/// One page of a list: `page` counts from 1, `pageSize` is 50 unless given and at most 500. The body stays a JSON array;
/// the total of the whole list is in X-Total-Count and the neighbouring pages in Link (rel="next", rel="prev").
/// </summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const string TotalCountHeader = "X-Total-Count";

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Reads both parameters; bad ones are added to <paramref name="checks"/> (400 with an errors map).</summary>
    public static Paging Read(string? page, string? pageSize, Checks checks)
    {
        var number = Parse(page, 1, "page", "must be a whole number of at least 1.", int.MaxValue / MaxPageSize, checks);
        var size = Parse(pageSize, DefaultPageSize, "pageSize", $"must be a whole number from 1 to {MaxPageSize}.", MaxPageSize, checks);
        return new Paging(number, size);
    }

    /// <summary>The list's Validate: bad <c>page</c> or <c>pageSize</c> parameters go to <paramref name="checks"/>.</summary>
    public static void Check(HttpContext http, Checks checks) =>
        Read(http.Request.Query["page"].FirstOrDefault(), http.Request.Query["pageSize"].FirstOrDefault(), checks);

    private static int Parse(string? text, int fallback, string field, string message, int max, Checks checks)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        checks.Add(field, message);
        return fallback;
    }

    /// <summary>Counts the filtered list and reads one page of it in the database; <paramref name="order"/> must order deterministically.</summary>
    public async Task<IReadOnlyList<T>> Fetch<T>(HttpContext http, IQueryable<T> filtered, Func<IQueryable<T>, IQueryable<T>> order) where T : notnull
    {
        var total = await filtered.CountAsync(http.RequestAborted);
        var items = total > Skip ? await order(filtered).Skip(Skip).Take(PageSize).ToListAsync(http.RequestAborted) : [];
        Announce(http, total);
        return items;
    }

    /// <summary>One page of a list read whole (filtered in memory), with X-Total-Count and Link for all of it.</summary>
    public IReadOnlyList<T> Cut<T>(HttpContext http, IReadOnlyCollection<T> all)
    {
        Announce(http, all.Count);
        return all.Skip(Skip).Take(PageSize).ToList();
    }

    /// <summary>Sets X-Total-Count and Link for a list of <paramref name="total"/> entries.</summary>
    public void Announce(HttpContext http, int total)
    {
        http.Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if ((long)Page * PageSize < total) links.Add($"<{LinkTo(http, Page + 1)}>; rel=\"next\"");
        if (Page > 1) links.Add($"<{LinkTo(http, Math.Min(Page - 1, Math.Max(1, (total + PageSize - 1) / PageSize)))}>; rel=\"prev\"");
        if (links.Count > 0) http.Response.Headers.Link = string.Join(", ", links);
    }

    private string LinkTo(HttpContext http, int page)
    {
        var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
            .Where(kv => kv.Key is not ("page" or "pageSize"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(http.Request.PathBase + http.Request.Path, query);
    }
}
