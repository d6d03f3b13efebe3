using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace AGH.Api.Infrastructure;

/// <summary>A signed-in staff member's session: the staff app's cookie names it, the ticket (with the access token) is here.</summary>
public sealed class StaffSession
{
    public Guid Id { get; set; }

    /// <summary>The authentication ticket, serialized and protected with the data protection key ring.</summary>
    public string Ticket { get; set; } = "";

    /// <summary>The identity provider and its session (the id token's iss and sid), for its front-channel sign-out.</summary>
    public string? Issuer { get; set; }
    public string? ProviderSession { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// The staff sessions in the service's database: every node reads the same ones, so a sign-out on one node (or at the
/// identity provider) refuses the cookie on all of them at the next request.
/// </summary>
public sealed class MartenStaffSessionStore(IDocumentStore store, IDataProtectionProvider protection, TimeProvider time) : IStaffSessionStore
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);
    private readonly IDataProtector _protector = protection.CreateProtector("AGH.StaffSessions", "v1");

    public static void AddStaffSessions(IServiceCollection services)
    {
        services.ConfigureMarten(o => o.Schema.For<StaffSession>().Duplicate(x => x.ProviderSession).Index(x => x.ExpiresAt));
        services.AddSingleton<IStaffSessionStore, MartenStaffSessionStore>();
    }

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Guid.NewGuid();
        await Save(id, ticket, removeExpired: true);
        return id.ToString("N");
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        // Only a session that still exists is renewed: a renewal racing a sign-out must not bring it back.
        if (!Guid.TryParseExact(key, "N", out var id)) return;
        await using var query = store.QuerySession();
        if (await query.LoadAsync<StaffSession>(id) is null) return;
        await Save(id, ticket, removeExpired: false);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id)) return null;
        await using var query = store.QuerySession();
        var session = await query.LoadAsync<StaffSession>(id);
        if (session is null || session.ExpiresAt <= time.GetUtcNow()) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(Convert.FromBase64String(session.Ticket)));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id)) return;
        await using var session = store.LightweightSession();
        session.Delete<StaffSession>(id);
        await session.SaveChangesAsync();
    }

    public async Task EndProviderSession(string issuer, string sid, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.DeleteWhere<StaffSession>(s => s.Issuer == issuer && s.ProviderSession == sid);
        await session.SaveChangesAsync(cancellationToken);
    }

    private async Task Save(Guid id, AuthenticationTicket ticket, bool removeExpired)
    {
        var now = time.GetUtcNow();
        await using var session = store.LightweightSession();
        session.Store(new StaffSession
        {
            Id = id,
            Ticket = Convert.ToBase64String(_protector.Protect(TicketSerializer.Default.Serialize(ticket))),
            Issuer = ticket.Principal.FindFirst(StaffAuth.IssuerClaim)?.Value,
            ProviderSession = ticket.Principal.FindFirst(StaffAuth.SessionClaim)?.Value,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now.Add(DefaultLifetime),
        });
        if (removeExpired) session.DeleteWhere<StaffSession>(s => s.ExpiresAt < now);
        await session.SaveChangesAsync();
    }
}
