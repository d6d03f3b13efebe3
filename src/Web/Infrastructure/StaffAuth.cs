using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Staff sign-in: a cookie holding the API access token. In Development the sign-in page gets a development token from
/// the API; elsewhere OpenID Connect against the district's identity provider (authorization code with PKCE).
/// The claims in the cookie only shape the screens: the API checks every call itself.
/// </summary>
public static class StaffAuth
{
    public const string CookieScheme = "AghStaff";
    public const string OidcScheme = "AghStaffOidc";
    public const string Policy = "staff";
    public const string AccessTokenName = "access_token";

    public static void AddStaffAuth(this IServiceCollection services, WebSettings settings, bool isDevelopment)
    {
        var oidc = !isDevelopment || !string.IsNullOrWhiteSpace(settings.Authority);
        var auth = services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "agh.staff";
            o.Cookie.Path = StaffApp.Base;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = StaffApp.Base + "/signin";
            o.AccessDeniedPath = StaffApp.Base;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            if (oidc) o.ForwardChallenge = OidcScheme;
        });
        if (oidc)
        {
            auth.AddOpenIdConnect(OidcScheme, o =>
            {
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? true;
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // The code comes back on a top-level GET: Lax cookies suffice, so sign-in works over the proxy's TLS as well
                // as on plain loopback HTTP, and no cookie needs SameSite=None.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = StaffApp.Base + "/signin-oidc";
                o.SignedOutCallbackPath = StaffApp.Base + "/signout-callback-oidc";
                o.Scope.Clear();
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                if (!string.IsNullOrWhiteSpace(settings.Audience)) o.Scope.Add(settings.Audience);
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = "role";
                o.Events = new OpenIdConnectEvents
                {
                    // The screens follow the access token the API will judge, not the id token.
                    OnTokenValidated = ctx =>
                    {
                        var token = ctx.TokenEndpointResponse?.AccessToken;
                        if (token is not null && ctx.Principal is not null) ctx.Principal = Principal(token);
                        return Task.CompletedTask;
                    },
                };
            });
        }
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser()));
    }

    /// <summary>Signs in with an access token the API issued (development sign-in).</summary>
    public static Task SignIn(HttpContext http, string accessToken, DateTimeOffset expiresAt)
    {
        var properties = new AuthenticationProperties { ExpiresUtc = expiresAt, IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = AccessTokenName, Value = accessToken }]);
        return http.SignInAsync(CookieScheme, Principal(accessToken), properties);
    }

    public static async Task SignOut(HttpContext http, bool oidc)
    {
        await http.SignOutAsync(CookieScheme);
        if (oidc) await http.SignOutAsync(OidcScheme, new AuthenticationProperties { RedirectUri = StaffApp.Base + "/signed-out" });
    }

    /// <summary>The API no longer accepts the token (expired, revoked): sign in again and come back to this page.</summary>
    public static async Task<string> SignInAgain(HttpContext http)
    {
        await http.SignOutAsync(CookieScheme);
        return StaffApp.Base + "/signin?ReturnUrl=" + Uri.EscapeDataString(http.Request.PathBase + http.Request.Path + http.Request.QueryString);
    }

    /// <summary>The staff member as the access token names them (read, not validated: the API validates).</summary>
    public static ClaimsPrincipal Principal(string accessToken)
    {
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var claims = new List<Claim>();
        foreach (var type in new[] { "sub", "name", "role", "municipality" })
            claims.AddRange(jwt.Claims.Where(c => c.Type == type).Select(c => new Claim(type, c.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme, "name", "role"));
    }
}
