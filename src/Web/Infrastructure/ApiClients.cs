using System.Net.Http.Headers;
using AGH.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace AGH.Web.Infrastructure;

/// <summary>The generated API client, carrying the signed-in staff member's access token.</summary>
public sealed class ApiClients(IHttpClientFactory factory, ApiAddress address, IHttpContextAccessor accessor)
{
    public const string HttpClientName = "agh-api";

    private AghClient? _client;

    public async Task<AghClient> For()
    {
        if (_client is not null) return _client;
        var http = factory.CreateClient(HttpClientName);
        http.BaseAddress = address.Value;
        var token = accessor.HttpContext is { } ctx ? await ctx.GetTokenAsync(StaffAuth.CookieScheme, StaffAuth.AccessTokenName) : null;
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _client = new AghClient(http) { ReadResponseAsString = true };
    }

    /// <summary>For what the generated client cannot stream (PDF, CSV): the same address and token.</summary>
    public async Task<HttpClient> Raw()
    {
        var http = factory.CreateClient(HttpClientName);
        http.BaseAddress = address.Value;
        var token = accessor.HttpContext is { } ctx ? await ctx.GetTokenAsync(StaffAuth.CookieScheme, StaffAuth.AccessTokenName) : null;
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Before sign-in (the development sign-in asks the API for a token).</summary>
    public AghClient Anonymous()
    {
        var http = factory.CreateClient(HttpClientName);
        http.BaseAddress = address.Value;
        return new AghClient(http) { ReadResponseAsString = true };
    }
}
