using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AGH.Api.Infrastructure;

/// <summary>The TLS proxy in front of the nodes (deploy/nginx.conf), trusted only from the addresses configured.</summary>
public sealed class ProxySettings
{
    /// <summary>Networks (CIDR) whose X-Forwarded-For/-Proto/-Host are believed, e.g. the compose network of nginx.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Single proxy addresses whose forwarded headers are believed.</summary>
    public string[] KnownProxies { get; set; } = [];
}

public static class ReverseProxy
{
    /// <summary>
    /// Forwarded headers from the configured proxies only (ASP.NET Core would trust loopback by default; a node is
    /// reached through nginx, so nobody else may claim https or another client address), and HSTS for https answers.
    /// </summary>
    public static void AddAghProxy(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Proxy").Get<ProxySettings>() ?? new ProxySettings();
        var hosts = AllowedHosts(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var network in settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n))) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            foreach (var proxy in settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p))) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            // A forwarded host is one of the allowed hosts too, so it cannot smuggle a foreign name into the OIDC redirect URI.
            if (hosts.Length > 0 && !hosts.Contains("*")) o.AllowedHosts = hosts;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline: everything after sees the client's scheme and address.</summary>
    public static void UseAghProxy(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && MissingAllowedHosts(app.Configuration) is { } refusal)
        {
            // One line, no stack trace, like the Auth:Authority refusal.
            Console.Error.WriteLine(refusal);
            Environment.Exit(1);
        }
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
    }

    /// <summary>
    /// Outside Development the host names must be named: the request's host goes into the OIDC redirect URI, so a
    /// forged Host header must be refused (400) by host filtering, which reads the same setting.
    /// </summary>
    public static string? MissingAllowedHosts(IConfiguration configuration)
    {
        var hosts = AllowedHosts(configuration);
        return hosts.Length == 0 || hosts.Contains("*")
            ? "AllowedHosts is not configured: outside Development name the service's host names, separated by ';' (e.g. AllowedHosts=agh.landkreis-osnabrueck.de), not '*'."
            : null;
    }

    private static string[] AllowedHosts(IConfiguration configuration) =>
        (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
