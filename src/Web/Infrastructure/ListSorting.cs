using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Sorting of a list page by query parameters (<c>sort</c>, <c>dir=asc|desc</c>). The lists are small, so the page
/// sorts the API's answer itself where the API has no order parameter. Column headers are links that keep every other
/// query parameter (the filters) and carry <c>aria-sort</c> on the sorted column.
/// </summary>
public sealed class ListSort<T>
{
    private readonly Dictionary<string, Func<T, IComparable?>> _keys;
    private readonly HttpRequest _request;
    private readonly string _prefix;
    private readonly string? _pageParameter;

    public ListSort(HttpRequest request, string defaultKey, bool defaultDescending, params (string Key, Func<T, IComparable?> By)[] keys)
        : this(request, "", null, defaultKey, defaultDescending, keys)
    {
    }

    /// <summary>
    /// One of several sortable tables on a page (the inbox): its parameters are <c>{prefix}sort</c> and <c>{prefix}dir</c>,
    /// and a new order goes back to the first page of that table only (<paramref name="pageParameter"/>); the other
    /// tables keep their order and page.
    /// </summary>
    public ListSort(HttpRequest request, string prefix, string? pageParameter, string defaultKey, bool defaultDescending, params (string Key, Func<T, IComparable?> By)[] keys)
    {
        _request = request;
        _prefix = prefix;
        _pageParameter = pageParameter;
        _keys = keys.ToDictionary(k => k.Key, k => k.By);
        var asked = request.Query[prefix + "sort"].ToString();
        Key = _keys.ContainsKey(asked) ? asked : defaultKey;
        var dir = request.Query[prefix + "dir"].ToString();
        Descending = dir switch { "asc" => false, "desc" => true, _ => Key == defaultKey && defaultDescending };
    }

    public string Key { get; }
    public bool Descending { get; }

    /// <summary>Whether a column can be sorted by (a shared table partial shows a plain header otherwise).</summary>
    public bool Sorts(string key) => _keys.ContainsKey(key);

    /// <summary>The query parameters of this order, for a pager's or a filter's link.</summary>
    public string SortParameter => _prefix + "sort";
    public string DirParameter => _prefix + "dir";
    public string Dir => Descending ? "desc" : "asc";

    /// <summary>Where a header link lands (a table's section on a long page such as the inbox), without the '#'.</summary>
    public string? Fragment { get; init; }

    public IReadOnlyList<T> Apply(IEnumerable<T> items)
    {
        var by = _keys[Key];
        // Nulls last either way; ties keep the API's order (a stable sort).
        var ordered = items.Select((item, i) => (item, i)).ToList();
        ordered.Sort((a, b) =>
        {
            var x = by(a.item);
            var y = by(b.item);
            var c = x is null ? (y is null ? 0 : 1) : y is null ? -1 : (Descending ? -Compare(x, y) : Compare(x, y));
            return c != 0 ? c : a.i.CompareTo(b.i);
        });
        return ordered.Select(o => o.item).ToList();
    }

    private static int Compare(IComparable x, IComparable y) =>
        x is string s && y is string t ? string.Compare(s, t, StringComparison.CurrentCultureIgnoreCase) : x.CompareTo(y);

    /// <summary>A sortable column header: a link to this list sorted by <paramref name="key"/> (the other direction when it already is).</summary>
    public IHtmlContent Header(string label, string key, string? css = null) => Header(label, key, css, postForm: null);

    /// <summary>
    /// A sortable column header that, with <paramref name="postForm"/>, submits that (posted) form to the sorted URL instead
    /// of linking to it: a posted search term stays out of the URL and still survives the new order.
    /// </summary>
    public IHtmlContent Header(string label, string key, string? css, string? postForm)
    {
        var sorted = key == Key;
        var nextDescending = sorted && !Descending;
        var query = new StringBuilder("?");
        foreach (var (name, values) in _request.Query)
        {
            if (name == SortParameter || name == DirParameter || name == _pageParameter || (_prefix.Length == 0 && name is "p" or "page")
                || name == "handler" || name.StartsWith("__", StringComparison.Ordinal)) continue;
            foreach (var value in values) query.Append(WebUtility.UrlEncode(name)).Append('=').Append(WebUtility.UrlEncode(value)).Append('&');
        }
        query.Append(SortParameter).Append('=').Append(WebUtility.UrlEncode(key)).Append('&').Append(DirParameter).Append('=').Append(nextDescending ? "desc" : "asc");
        if (Fragment is not null) query.Append('#').Append(Fragment);
        var state = sorted ? (Descending ? "absteigend sortiert" : "aufsteigend sortiert") + ", " : "";
        var html = new StringBuilder("<th scope=\"col\"");
        if (css is not null) html.Append(" class=\"").Append(WebUtility.HtmlEncode(css)).Append('"');
        if (sorted) html.Append(" aria-sort=\"").Append(Descending ? "descending" : "ascending").Append('"');
        if (postForm is null)
            html.Append("><a class=\"sort-link\" href=\"").Append(WebUtility.HtmlEncode(query.ToString())).Append("\">");
        else
            html.Append("><button type=\"submit\" class=\"sort-link\" form=\"").Append(WebUtility.HtmlEncode(postForm))
                .Append("\" formaction=\"").Append(WebUtility.HtmlEncode(query.ToString())).Append("\">");
        html
            .Append(WebUtility.HtmlEncode(label))
            .Append(sorted ? (Descending ? " <span aria-hidden=\"true\">▼</span>" : " <span aria-hidden=\"true\">▲</span>") : "")
            .Append("<span class=\"visually-hidden\"> (").Append(state).Append(nextDescending ? "absteigend sortieren" : "aufsteigend sortieren").Append(")</span>")
            .Append(postForm is null ? "</a></th>" : "</button></th>");
        return new HtmlString(html.ToString());
    }
}
