using System.Net;

namespace AGH.Tests.Http;

/// <summary>
/// What nginx does in front of a node, for an HttpClient: the client speaks to https://agh.example.test, the request
/// reaches the node over plain HTTP from 127.0.0.1 with the proxy's Host and X-Forwarded-* headers. Cookies are kept as
/// a browser keeps them for the https address, so a Secure cookie travels on and a missing Secure flag would show.
/// </summary>
internal sealed class TlsProxy : DelegatingHandler
{
    public const string Host = "agh.example.test";
    public static readonly Uri PublicAddress = new($"https://{Host}");
    private readonly Uri _node;
    private readonly List<string> _setCookies = [];

    public TlsProxy(Uri node, CookieContainer? cookies = null) : base(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        _node = node;
        Cookies = cookies ?? new CookieContainer();
    }

    public CookieContainer Cookies { get; }

    /// <summary>Every Set-Cookie header the node sent, as sent.</summary>
    public IReadOnlyList<string> SetCookies
    {
        get { lock (_setCookies) return _setCookies.ToList(); }
    }

    /// <summary>A client through this proxy (no automatic redirects: the tests read each Location).</summary>
    public static HttpClient Client(Uri node, out TlsProxy proxy, CookieContainer? cookies = null)
    {
        proxy = new TlsProxy(node, cookies);
        return new HttpClient(proxy) { BaseAddress = PublicAddress, Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>A copy of this client's cookies, as somebody who took them from the browser would hold them.</summary>
    public CookieContainer CopyCookies()
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in Cookies.GetAllCookies()) copy.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain) { Secure = cookie.Secure, HttpOnly = cookie.HttpOnly });
        return copy;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var visible = request.RequestUri!;
        var cookie = Cookies.GetCookieHeader(visible);
        if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
        request.RequestUri = new Uri(_node, visible.PathAndQuery);
        request.Headers.Host ??= visible.Authority;
        if (!request.Headers.Contains("X-Forwarded-Proto")) request.Headers.Add("X-Forwarded-Proto", visible.Scheme);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
            foreach (var value in values)
            {
                lock (_setCookies) _setCookies.Add(value);
                Cookies.SetCookies(visible, value);
            }
        return response;
    }
}
