using Microsoft.AspNetCore.Authentication.Cookies;

namespace AGH.Web.Infrastructure;

/// <summary>
/// Where the staff sessions live: shared by every node (the host keeps them in its database), so ending one there ends
/// it everywhere.
/// </summary>
public interface IStaffSessionStore : ITicketStore
{
    /// <summary>Ends every session the identity provider's session <paramref name="sid"/> of <paramref name="issuer"/> opened.</summary>
    Task EndProviderSession(string issuer, string sid, CancellationToken cancellationToken);
}
