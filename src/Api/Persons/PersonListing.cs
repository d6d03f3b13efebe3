using System.Linq.Expressions;

namespace AGH.Api.Persons;

/// <summary>
/// The page of <c>GET /api/persons</c>: by today's status or a sort key (read, filtered and ordered here), a search's exact
/// hits first, or by name in the database.
/// </summary>
public static class PersonListing
{
    /// <summary>The status values a client may filter by, as the answer's status field names them.</summary>
    public static string[] Statuses => [.. StatusValues.Keys];

    /// <summary>The persons the caller may see (auditors: all), of one municipality where asked, holding every word of the search.</summary>
    public static IQueryable<Person> Matches(IQuerySession session, Actor actor, string? municipality, string? q)
    {
        var query = session.Query<Person>().AsQueryable();
        if (municipality is not null) query = query.Where(p => p.Municipality == municipality);
        if (actor.Role != AGH.Domain.Common.Roles.Auditor && actor.Municipality is { } own)
            query = query.Where(p => p.Municipality == own);
        // Every word must occur in the folded key; the trigram index on it answers the LIKE '%word%'.
        foreach (var term in PersonSearch.Terms(q ?? "")) query = query.Where(p => p.SearchKey.Contains(term));
        return query;
    }

    public static async Task<IReadOnlyList<Person>> Page(HttpContext http, IQueryable<Person> matches, string? q, string? status, ListOrder? order,
        DateOnly today, Paging paging) =>
        status is not null || order is not null
            ? await FilteredAndSorted(http, matches, status is null ? null : StatusValues[status], order ?? new ListOrder("name", false), today, paging)
            : PersonSearch.Terms(q ?? "").Count > 0
                ? await ExactFirst(http, matches, q!, paging)
                : await paging.Fetch(http, matches, ByName);

    private static readonly Dictionary<string, PersonStatus> StatusValues = new()
    {
        ["available"] = PersonStatus.Available,
        ["placed"] = PersonStatus.Placed,
        ["exempt"] = PersonStatus.Exempt,
        ["not-entitled"] = PersonStatus.NotEntitled,
        ["duplicate"] = PersonStatus.Duplicate,
    };

    public static readonly string[] SortKeys = ["name", "fileReference", "dateOfBirth"];

    private static readonly StringComparer Names = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true);

    /// <summary>
    /// A status is today's reading of a person's events, not a stored column: the matching persons (one municipality's, or
    /// the district's for an auditor) are read, filtered and ordered here, then paged. Ties fall back to the name, then the id.
    /// </summary>
    private static async Task<IReadOnlyList<Person>> FilteredAndSorted(HttpContext http, IQueryable<Person> matches, PersonStatus? status, ListOrder order,
        DateOnly today, Paging paging)
    {
        var all = (await matches.ToListAsync(http.RequestAborted)).AsEnumerable();
        if (status is { } wanted) all = all.Where(p => p.StatusOn(today) == wanted);
        var list = all.ToList();
        list.Sort((a, b) =>
        {
            var c = order.Key switch
            {
                "fileReference" => CompareNullsLast(a.FileReference, b.FileReference, order.Descending),
                "dateOfBirth" => order.Descending ? b.DateOfBirth.CompareTo(a.DateOfBirth) : a.DateOfBirth.CompareTo(b.DateOfBirth),
                _ => 0,
            };
            if (c == 0)
            {
                c = Names.Compare(a.FamilyName, b.FamilyName);
                if (c == 0) c = Names.Compare(a.GivenName, b.GivenName);
                if (order.Key == "name" && order.Descending) c = -c;
            }
            return c != 0 ? c : a.Id.CompareTo(b.Id);
        });
        return paging.Cut(http, list);
    }

    private static int CompareNullsLast(string? x, string? y, bool descending) =>
        x is null ? (y is null ? 0 : 1) : y is null ? -1 : (descending ? -1 : 1) * StringComparer.Ordinal.Compare(x, y);

    // A whole name of more words than this is not looked for as an exact hit (its word matches still list it).
    private const int MaxNameWords = 8;

    private static IQueryable<Person> ByName(IQueryable<Person> x) => x.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id);

    /// <summary>
    /// A search lists the exact hits (the whole file reference or the whole name) first, then the other matches, each
    /// part in name order; both parts are counted and paged in the database.
    /// </summary>
    private static async Task<IReadOnlyList<Person>> ExactFirst(HttpContext http, IQueryable<Person> matches, string q, Paging paging)
    {
        var ct = http.RequestAborted;
        var (prefixes, suffix) = PersonSearch.ExactPatterns(q);
        var person = Expression.Parameter(typeof(Person), "p");
        var key = Expression.Property(person, nameof(Person.SearchKey));
        Expression Call(string method, string argument) =>
            Expression.Call(key, typeof(string).GetMethod(method, [typeof(string)])!, Expression.Constant(argument));
        var isCandidate = prefixes.Take(MaxNameWords).Aggregate(Call(nameof(string.EndsWith), " " + suffix),
            (any, prefix) => Expression.OrElse(any, Expression.OrElse(Expression.Equal(key, Expression.Constant(prefix)),
                Call(nameof(string.StartsWith), prefix + " "))));
        var exactIds = (await matches.Where(Expression.Lambda<Func<Person, bool>>(isCandidate, person)).ToListAsync(ct))
            .Where(p => PersonSearch.IsExact(q, p.FamilyName, p.GivenName, p.FileReference)).Select(p => p.Id).ToArray();
        var others = exactIds.Length == 0 ? matches : matches.Where(p => !exactIds.Contains(p.Id));
        var total = exactIds.Length + await others.CountAsync(ct);
        paging.Announce(http, total);

        var page = new List<Person>();
        if (paging.Skip < exactIds.Length)
            page.AddRange(await ByName(matches.Where(p => exactIds.Contains(p.Id))).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct));
        if (page.Count < paging.PageSize && total > paging.Skip + page.Count)
            page.AddRange(await ByName(others).Skip(Math.Max(0, paging.Skip - exactIds.Length)).Take(paging.PageSize - page.Count).ToListAsync(ct));
        return page;
    }
}
