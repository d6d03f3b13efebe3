using System.ComponentModel;
using System.Security.Claims;
using System.Text;
using AGH.Api.Municipalities;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AGH.Api.Infrastructure;

/// <summary>JWT bearer settings: the district's identity provider in production, development tokens on request in Development.</summary>
public sealed class AuthSettings
{
    public const string AuthorityKey = "Auth:Authority";
    public const string SigningKeyKey = "Auth:SigningKey";

    public string? Authority { get; set; }

    /// <summary>Off only for an identity provider reached over plain HTTP on a trusted network (or a test's loopback stub).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
    public string Issuer { get; set; } = "agh-dev";
    public string Audience { get; set; } = "agh";

    /// <summary>
    /// <c>POST /dev/token</c> and its key, in Development only and only when asked for (make run, the compose demo and
    /// the tests set it), so a developer machine started without it behaves like production.
    /// </summary>
    public bool DevTokens { get; set; }

    /// <summary>The development key, at least 32 bytes; unset, a random key is generated once and kept in the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The signature algorithms accepted from the identity provider, comma-separated (default: RS256, PS256, ES256 and
    /// their longer variants). Only asymmetric ones: an HMAC "signed" with the provider's public key, or no signature
    /// at all, must never pass as the provider's token.
    /// </summary>
    public string? Algorithms { get; set; }

    public static readonly string[] AsymmetricAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public string[] ProviderAlgorithms()
    {
        var configured = (Algorithms ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (configured.Length == 0) return AsymmetricAlgorithms;
        if (configured.FirstOrDefault(a => !AsymmetricAlgorithms.Contains(a)) is { } refused)
            throw new InvalidOperationException($"Auth:Algorithms may name only {string.Join(", ", AsymmetricAlgorithms)}; '{refused}' is not one of them.");
        return configured;
    }
}

public static class Auth
{
    /// <summary>
    /// Why the service must not start in this environment, or null. Outside Development only the district's identity
    /// provider may issue tokens, so a missing authority would leave no way in but the development key: refuse instead.
    /// </summary>
    public static string? MissingSetting(AuthSettings settings, bool isDevelopment) =>
        !isDevelopment && string.IsNullOrWhiteSpace(settings.Authority)
            ? $"AGH refuses to start: the setting {AuthSettings.AuthorityKey} (environment Auth__Authority) is not configured; "
              + "outside Development tokens are accepted only from the configured identity provider."
            : !string.IsNullOrEmpty(settings.SigningKey) && Encoding.UTF8.GetByteCount(settings.SigningKey) < DevelopmentSigningKey.KeyBytes
                ? $"AGH refuses to start: the setting {AuthSettings.SigningKeyKey} (environment Auth__SigningKey) is shorter than "
                  + $"{DevelopmentSigningKey.KeyBytes} bytes; leave it unset to have a random key kept in the database."
                : RefusedAlgorithm(settings) is { } refused
                    ? $"AGH refuses to start: the setting Auth:Algorithms (environment Auth__Algorithms) names '{refused}'; "
                      + $"only {string.Join(", ", AuthSettings.AsymmetricAlgorithms)} are accepted from an identity provider."
                    : null;

    private static string? RefusedAlgorithm(AuthSettings settings) =>
        (settings.Algorithms ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(a => !AuthSettings.AsymmetricAlgorithms.Contains(a));

    /// <summary>Development tokens exist only in Development, only with <c>Auth:DevTokens=true</c> and only without an identity provider.</summary>
    public static bool IssuesDevTokens(AuthSettings settings, bool isDevelopment) =>
        isDevelopment && settings.DevTokens && string.IsNullOrWhiteSpace(settings.Authority);

    public static void AddAghAuth(this IServiceCollection services, AuthSettings settings, bool isDevelopment)
    {
        var devKey = IssuesDevTokens(settings, isDevelopment);
        if (!isDevelopment && string.IsNullOrWhiteSpace(settings.Authority))
            throw new InvalidOperationException(MissingSetting(settings, isDevelopment));
        services.AddSingleton(settings);
        services.AddSingleton<DevelopmentSigningKey>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            if (!devKey)
            {
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            }
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                // With an authority, the issuer named in its metadata is accepted as well (JwtBearer adds it).
                ValidIssuer = devKey ? settings.Issuer : settings.Authority,
                ValidateAudience = true,
                ValidAudience = settings.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.Zero,
                ValidateIssuerSigningKey = true,
                // With the dev key it is resolved from the database (below); otherwise the only signing keys are those the
                // authority publishes (its JWKS). In Development without either, no token is accepted.
                ValidAlgorithms = devKey ? [SecurityAlgorithms.HmacSha256] : settings.ProviderAlgorithms(),
                // The user id names the caller: Idempotency-Keys are scoped by it (two people may share a display name).
                NameClaimType = "sub",
                RoleClaimType = "role",
            };
            o.Events = new JwtBearerEvents
            {
                // A token that names nobody is not a valid token for this service (the contract requires sub).
                OnTokenValidated = ctx =>
                {
                    if (string.IsNullOrWhiteSpace(ctx.Principal?.FindFirst("sub")?.Value)) ctx.Fail("The token has no sub claim.");
                    return Task.CompletedTask;
                },
                OnChallenge = async ctx =>
                {
                    ctx.HandleResponse();
                    if (MissingKey(ctx.AuthenticateFailure) && await IdentityProviderUnreachable(ctx))
                    {
                        // Not the caller's fault and not a bug: their token cannot be judged until the provider answers.
                        ctx.Response.Headers.RetryAfter = "30";
                        await Problems.Create(503, "identity-provider-unavailable", "Service unavailable",
                            "The identity provider's signing keys cannot be fetched; retry shortly.").ExecuteAsync(ctx.HttpContext);
                        return;
                    }
                    ctx.Response.StatusCode = 401;
                    ctx.Response.Headers.WWWAuthenticate = "Bearer";
                    await Problems.Create(401, "unauthorized", "Unauthorized",
                        "A valid bearer token is required.").ExecuteAsync(ctx.HttpContext);
                },
            };
        });
        // Token lifetimes are judged by the service clock, like everything else (and like the dev tokens it issues).
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, time) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } exp && now < exp && (notBefore is not { } nbf || now >= nbf);
            });
        // The key lives in the database: loaded at the first token, not while the host is built.
        if (devKey)
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<DevelopmentSigningKey>((o, key) =>
                o.TokenValidationParameters.IssuerSigningKeyResolver = (_, _, _, _) => [key.GetBlocking()]);
        services.AddAuthorization();
    }

    /// <summary>
    /// The token failed for want of a signing key: the token handler reports an unreachable provider so, having
    /// swallowed the fetch failure. A malformed or unsigned token stays a 401 whatever the provider's state.
    /// </summary>
    private static bool MissingKey(Exception? failure) => failure is SecurityTokenSignatureKeyNotFoundException
        || failure is AggregateException all && all.InnerExceptions.Any(e => e is SecurityTokenSignatureKeyNotFoundException);

    /// <summary>The configuration manager's verdict: cached once it has succeeded, fetched again while it has not.</summary>
    private static async Task<bool> IdentityProviderUnreachable(JwtBearerChallengeContext ctx)
    {
        if (ctx.Options.ConfigurationManager is not { } manager) return false;
        try
        {
            await manager.GetConfigurationAsync(ctx.HttpContext.RequestAborted);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Auth))
                .LogWarning("Identity provider unavailable: {Message}", e.Message);
            return true;
        }
    }

    public sealed record TokenRequest([property: Required] string? UserId, string? Name, [property: Required] string? Role, string? Municipality, int? LifetimeSeconds,
        [property: Description("The provider's organisation id (role provider); a provider token without it is issued but refused (403) on every /api call.")]
        string? Provider = null);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    /// <summary>Development with <c>Auth:DevTokens=true</c> only: issues tokens so front-end developers can try every role.</summary>
    public static void MapDevToken(this IEndpointRouteBuilder app) =>
        app.MapPost("/dev/token", async (HttpContext http, AuthSettings settings, DevelopmentSigningKey signingKey, TimeProvider time) =>
            {
                var (body, bad) = await Body.Read<TokenRequest>(http.Request);
                if (bad is not null) return bad;
                var v = new Checks();
                var userId = v.Text(body!.UserId, "userId", 200);
                var name = v.Text(body.Name, "name", 200, required: false);
                if (body.Role is null || !Roles.All.Contains(body.Role))
                    v.Add("role", "must be one of " + string.Join(", ", Roles.All) + ".");
                if (body.Municipality is not null && !MunicipalityCatalog.Exists(body.Municipality))
                    v.Add("municipality", "is not a member municipality.");
                if (body.Role == Roles.Caseworker && body.Municipality is null)
                    v.Add("municipality", "is required for caseworkers.");
                if (body.Provider is not null && !ProviderScope.IsProviderId(body.Provider))
                    v.Add("provider", ProviderScope.ProviderIdRule);
                var lifetime = body.LifetimeSeconds ?? 3600;
                if (lifetime is < -2592000 or > 2592000) v.Add("lifetimeSeconds", "must be between -2592000 and 2592000 (30 days).");
                if (v.Failed) return v.Details().Answer();

                var now = time.GetUtcNow();
                var expires = now.AddSeconds(lifetime);
                var notBefore = lifetime > 0 ? now : expires.AddMinutes(-5);
                var claims = new List<Claim> { new("sub", userId), new("name", string.IsNullOrEmpty(name) ? userId : name), new("role", body.Role!) };
                if (body.Municipality is not null) claims.Add(new("municipality", body.Municipality));
                if (body.Provider is not null) claims.Add(new("provider", body.Provider));
                var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
                {
                    Subject = new ClaimsIdentity(claims),
                    Issuer = settings.Issuer,
                    Audience = settings.Audience,
                    IssuedAt = notBefore.UtcDateTime,
                    NotBefore = notBefore.UtcDateTime,
                    Expires = expires.UtcDateTime,
                    SigningCredentials = new SigningCredentials(await signingKey.Get(http.RequestAborted), SecurityAlgorithms.HmacSha256),
                });
                return Results.Ok(new TokenResponse(token, expires));
            })
            .WithName("issueDevToken")
            .AllowAnonymous()
            .WithTags("Development")
            .WithSummary("Development only: issue a token for any role")
            .Accepts<TokenRequest>("application/json")
            .Produces<TokenResponse>()
            .ProducesValidationProblem()
            // Limited per address like the sign-in (RateLimits:SignIn).
            .ProducesProblem(StatusCodes.Status429TooManyRequests, "application/problem+json");
}
