using System.Globalization;
using System.Threading.RateLimiting;
using AGH.Web;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace AGH.Api.Infrastructure;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per client address in <see cref="WindowSeconds"/>.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary><c>RateLimits:*</c>: per client address; requests of signed-in callers (valid bearer or staff cookie) are never limited.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Starting or completing a sign-in: <c>/app/signin</c>, <c>/app/signin-oidc</c>, <c>POST /dev/token</c>.</summary>
    public RateWindow SignIn { get; set; } = new() { PermitLimit = 20 };

    /// <summary>Every other request without a valid bearer token or staff cookie (health checks excepted).</summary>
    public RateWindow Anonymous { get; set; } = new() { PermitLimit = 300 };
}

/// <summary>
/// Guessing tokens, hammering the sign-in or the development token: limited per client address (behind a proxy, the
/// address the forwarded headers name). Authenticated calls are not limited: the front-ends' bulk use and the benchmark
/// run with valid tokens, and each of their requests is checked like any other.
/// </summary>
public static class RateLimiting
{
    private const string SignedIn = "agh.rate-limit.signed-in";

    public static void AddAghRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in " + Client(http), _ => Window(settings.SignIn))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(http => IsAnonymous(http)
                    ? RateLimitPartition.GetFixedWindowLimiter("anonymous " + Client(http), _ => Window(settings.Anonymous))
                    : RateLimitPartition.GetNoLimiter("")));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                var http = context.HttpContext;
                var window = IsSignIn(http.Request.Path) ? settings.SignIn : settings.Anonymous;
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : Math.Max(1, window.WindowSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.Create(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests",
                    $"Too many requests from this address; try again in {seconds} seconds.").ExecuteAsync(http);
            };
        });
    }

    /// <summary>
    /// Before authentication, so the OpenID Connect callback (answered inside the authentication middleware) is limited
    /// too. Who is signed in is found out here: a valid bearer token or the staff app's cookie. Both handlers keep their
    /// result for the request, so the authentication and authorization that follow do not repeat the work.
    /// </summary>
    public static void UseAghRateLimiting(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if ((http.Request.Headers.Authorization.Count > 0 && (await http.AuthenticateAsync()).Succeeded)
                || (http.Request.Path.StartsWithSegments(StaffApp.Base) && (await http.AuthenticateAsync(StaffAuth.CookieScheme)).Succeeded))
                http.Items[SignedIn] = true;
            await next(http);
        });
        app.UseRateLimiter();
    }

    private static bool IsSignIn(PathString path) =>
        path.StartsWithSegments("/dev/token") || path.StartsWithSegments(StaffApp.Base + "/signin") || path.StartsWithSegments(StaffApp.Base + "/signin-oidc");

    private static bool IsAnonymous(HttpContext http) =>
        !http.Items.ContainsKey(SignedIn) && !http.Request.Path.StartsWithSegments("/health");

    private static string Client(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions Window(RateWindow window) => new()
    {
        PermitLimit = Math.Max(1, window.PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, window.WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
