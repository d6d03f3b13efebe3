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

    public async Task<AghClient> For() => _client ??= Generated(Http(await SignedInToken()));

    /// <summary>For what the generated client cannot stream (PDF, CSV): the same address and token.</summary>
    public async Task<HttpClient> Raw() => Http(await SignedInToken());

    /// <summary>Before sign-in (the development sign-in asks the API for a token), or with a token of its own.</summary>
    public AghClient WithToken(string? accessToken) => Generated(Http(accessToken));

    private static AghClient Generated(HttpClient http) => new(http) { ReadResponseAsString = true };

    private HttpClient Http(string? accessToken)
    {
        var http = factory.CreateClient(HttpClientName);
        http.BaseAddress = address.Value;
        if (accessToken is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<string?> SignedInToken() =>
        accessor.HttpContext is { } ctx ? await ctx.GetTokenAsync(StaffAuth.CookieScheme, StaffAuth.AccessTokenName) : null;
}
