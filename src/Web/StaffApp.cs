using System.Reflection;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace AGH.Web;

/// <summary>The staff web app at /app: Razor Pages served by the API's host, calling the API like any other client.</summary>
public static class StaffApp
{
    public const string Base = "/app";

    public static IServiceCollection AddStaffApp(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        var settings = configuration.GetSection("Web").Get<WebSettings>() ?? new WebSettings();
        settings.Authority ??= configuration["Auth:Authority"];
        settings.Audience ??= configuration["Auth:Audience"] ?? "agh";
        // The API's provider over plain HTTP (a trusted network, a test's stub) is the web app's too.
        settings.RequireHttpsMetadata ??= configuration.GetValue("Auth:RequireHttpsMetadata", true);
        services.AddSingleton(settings);
        services.AddSingleton<ApiAddress>();
        services.AddHttpClient(ApiClients.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(100));
        services.AddScoped<ApiClients>();
        services.AddStaffAuth(settings, isDevelopment);
        services.AddAntiforgery(o =>
        {
            if (!isDevelopment) o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            if (!isDevelopment) o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always;
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/", StaffAuth.Policy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
                o.Conventions.AllowAnonymousToPage("/SignedOut");
                o.Conventions.AllowAnonymousToPage("/NotFound");
                o.Conventions.ConfigureFilter(new ApiProblemFilter());
            })
            .AddMvcOptions(GermanModelBinding.Configure)
            .AddApplicationPart(typeof(StaffApp).Assembly);
        return services;
    }

    public static WebApplication UseStaffApp(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        // Only our own scripts and styles run on a page that shows personal data; the identity provider may receive
        // the sign-out form's redirect.
        var formAction = "'self'" + (Uri.TryCreate(settings.Authority, UriKind.Absolute, out var idp) ? " " + idp.GetLeftPart(UriPartial.Authority) : "");
        var policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + $"base-uri 'self'; form-action {formAction}; frame-ancestors 'none'";
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Base))
            {
                http.Response.Headers.ContentSecurityPolicy = policy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers["Referrer-Policy"] = "same-origin";
            }
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Base + "/assets",
            FileProvider = new EmbeddedFileProvider(typeof(StaffApp).Assembly, "AGH.Web.assets"),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        // Browsers ask for /favicon.ico by themselves, outside /app and before any sign-in.
        using var stream = typeof(StaffApp).Assembly.GetManifestResourceStream("AGH.Web.assets.favicon.ico")!;
        var icon = new byte[stream.Length];
        stream.ReadExactly(icon);
        app.MapGet("/favicon.ico", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Bytes(icon, "image/x-icon");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}

public sealed class WebSettings
{
    /// <summary>Where the app reaches the API; by default the address this host listens on.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The identity provider for staff sign-in outside Development; by default the API's Auth:Authority.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "agh-web";
    public string? ClientSecret { get; set; }

    /// <summary>The API's audience, asked for as a scope so the access token is accepted by the API.</summary>
    public string? Audience { get; set; }

    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>How often the quota dashboard refreshes itself.</summary>
    public int QuotaRefreshSeconds { get; set; } = 30;
}
