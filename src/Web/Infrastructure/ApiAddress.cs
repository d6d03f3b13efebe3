using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AGH.Web.Infrastructure;

/// <summary>The API's base address: configured, or the first address this host listens on (the API runs beside the app).</summary>
public sealed class ApiAddress(WebSettings settings, IServer server)
{
    private Uri? _resolved;

    public Uri Value => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(settings.ApiBaseUrl)) return new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/");
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The web app cannot tell where the API listens: set Web:ApiBaseUrl.");
        // A wildcard binding is reached over loopback.
        address = address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1")
            .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1");
        return new Uri(address.TrimEnd('/') + "/");
    }
}
