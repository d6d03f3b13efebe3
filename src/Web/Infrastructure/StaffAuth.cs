using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
        // Outside Development the app is reached over TLS (directly or through the proxy, whose X-Forwarded-Proto the
        // host believes): no cookie of the sign-in ever travels in clear text.
        var secure = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var auth = services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "agh.staff";
            o.Cookie.Path = StaffApp.Base;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.LoginPath = StaffApp.Base + "/signin";
            o.AccessDeniedPath = StaffApp.Base;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            // A form posted after the session ended: kept, and back to the page it was on after sign-in (issue 20).
            o.Events.OnRedirectToLogin = async ctx =>
            {
                if (await KeptForm.Keep(ctx.HttpContext) is { } back)
                    ctx.RedirectUri = StaffApp.Base + "/signin?ReturnUrl=" + Uri.EscapeDataString(back);
                ctx.Response.Redirect(ctx.RedirectUri);
            };
            if (oidc) o.ForwardChallenge = OidcScheme;
        });
        // The cookie holds only a session id; the session itself (with the access token) is kept by the host's store, so
        // a sign-out ends it on every node and a copied cookie is worth nothing afterwards.
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IStaffSessionStore>((o, store) => o.SessionStore = store);
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
                o.CorrelationCookie.SecurePolicy = secure;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = secure;
                o.SaveTokens = true;
                o.MapInboundClaims = false;
                o.SignInScheme = CookieScheme;
                o.CallbackPath = StaffApp.Base + "/signin-oidc";
                o.SignedOutCallbackPath = StaffApp.Base + "/signout-callback-oidc";
                o.RemoteSignOutPath = StaffApp.Base + "/signout-oidc";
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
                        if (token is not null && ctx.Principal is not null)
                        {
                            var principal = Principal(token);
                            // The provider's session, named by the id token: its front-channel sign-out refers to it.
                            if (principal.Identity is ClaimsIdentity identity
                                && ctx.Principal.FindFirst("sid")?.Value is { Length: > 0 } sid
                                && ctx.Principal.FindFirst("iss")?.Value is { Length: > 0 } issuer)
                            {
                                identity.AddClaim(new Claim(IssuerClaim, issuer));
                                identity.AddClaim(new Claim(SessionClaim, sid));
                            }
                            ctx.Principal = principal;
                        }
                        return Task.CompletedTask;
                    },
                    OnRedirectToIdentityProvider = async ctx =>
                    {
                        if (await KeptForm.Keep(ctx.HttpContext) is { } back) ctx.Properties.RedirectUri = back;
                    },
                    OnRemoteSignOut = FrontChannelSignOut,
                    OnRemoteFailure = RefuseCallback,
                };
            });
        }
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser()));
    }

    // Own names: the handler's claim actions delete "iss" from the principal after the token is validated.
    public const string SessionClaim = "idp_sid";
    public const string IssuerClaim = "idp_iss";

    /// <summary>
    /// The provider's front-channel sign-out (GET /app/signout-oidc?iss=…&amp;sid=…, in an iframe of its logout page): it
    /// ends the sessions of that provider session on every node. Without the matching issuer and sid nothing ends, so a
    /// link planted elsewhere cannot sign anybody out (logout CSRF).
    /// </summary>
    private static async Task FrontChannelSignOut(RemoteSignOutContext ctx)
    {
        ctx.HandleResponse();
        var http = ctx.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        var issuer = ctx.Options.ConfigurationManager is { } manager ? (await manager.GetConfigurationAsync(http.RequestAborted)).Issuer : null;
        var sid = ctx.ProtocolMessage?.Sid;
        if (string.IsNullOrEmpty(sid) || string.IsNullOrEmpty(issuer) || !string.Equals(ctx.ProtocolMessage!.Iss, issuer, StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await http.RequestServices.GetRequiredService<IStaffSessionStore>().EndProviderSession(issuer, sid, http.RequestAborted);
        // This browser's own cookie goes too if it belonged to that session (it is worthless already).
        var own = await http.AuthenticateAsync(CookieScheme);
        if (own.Principal?.FindFirst(SessionClaim)?.Value == sid) await http.SignOutAsync(CookieScheme);
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// A callback the app cannot use (a forged or stale state, the provider's error answer): 400 with a German page and a
    /// way to sign in again, logged as one line without a stack trace.
    /// </summary>
    private static async Task RefuseCallback(RemoteFailureContext ctx)
    {
        ctx.HandleResponse();
        var http = ctx.HttpContext;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffAuth))
            .LogWarning("Staff sign-in callback refused: {Reason}", ctx.Failure?.Message);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8" /><title>Anmeldung fehlgeschlagen – AGH Landkreis Osnabrück</title>
            <link rel="stylesheet" href="{{StaffApp.Base}}/assets/app.css" /></head>
            <body><main id="main"><h1>Anmeldung fehlgeschlagen</h1>
            <p>Die Antwort des Anmeldedienstes war ungültig oder abgelaufen. Bitte melden Sie sich erneut an.</p>
            <p><a href="{{StaffApp.Base}}/signin">Erneut anmelden</a></p></main></body></html>
            """);
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
        var back = await KeptForm.Keep(http);
        await http.SignOutAsync(CookieScheme);
        return StaffApp.Base + "/signin?ReturnUrl=" + Uri.EscapeDataString(back ?? http.Request.PathBase + http.Request.Path + http.Request.QueryString);
    }

    /// <summary>The staff member as the access token names them (read, not validated: the API validates).</summary>
    public static ClaimsPrincipal Principal(string accessToken)
    {
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        var claims = new List<Claim>();
        foreach (var type in new[] { "sub", "name", "role", "municipality", "provider" })
            claims.AddRange(jwt.Claims.Where(c => c.Type == type).Select(c => new Claim(type, c.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme, "name", "role"));
    }
}
