using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace AGH.Api.Infrastructure;

/// <summary>The development signing key as stored in the database: one per store, whichever node made it first.</summary>
public sealed class DevelopmentSigningKeyDocument
{
    public const string SingleId = "development";

    public string Id { get; set; } = SingleId;

    /// <summary>Base64 of 32 random bytes.</summary>
    public string Key { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The key of <c>POST /dev/token</c>: <c>Auth:SigningKey</c> when configured, otherwise generated once and kept in the
/// database, so every node of one store accepts the same development tokens, also after a restart. Nothing in the
/// source can sign a token the service accepts.
/// </summary>
public sealed class DevelopmentSigningKey(IDocumentStore store, AuthSettings settings, TimeProvider time)
{
    public const int KeyBytes = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    /// <summary>Loads (or creates) the key once; a failure (database down) is not cached, the next call tries again.</summary>
    public async Task<SymmetricSecurityKey> Get(CancellationToken ct)
    {
        if (_key is { } known) return known;
        await _gate.WaitAsync(ct);
        try
        {
            return _key ??= string.IsNullOrEmpty(settings.SigningKey)
                ? new SymmetricSecurityKey(await LoadOrCreate(ct))
                : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>For the token handler's synchronous key resolver: blocks only until the key is first loaded.</summary>
    public SymmetricSecurityKey GetBlocking() => _key ?? Get(CancellationToken.None).GetAwaiter().GetResult();

    private async Task<byte[]> LoadOrCreate(CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DevelopmentSigningKeyDocument>(DevelopmentSigningKeyDocument.SingleId, ct) is { } stored)
                return Convert.FromBase64String(stored.Key);
        }
        var fresh = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            await using var session = store.LightweightSession();
            // Insert, never Store: a node that lost the race must take the winner's key, not overwrite it.
            session.Insert(new DevelopmentSigningKeyDocument { Key = Convert.ToBase64String(fresh), CreatedAt = time.GetUtcNow() });
            await session.SaveChangesAsync(ct);
            return fresh;
        }
        catch (Exception e) when (e is DocumentAlreadyExistsException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await using var query = store.QuerySession();
            var winner = await query.LoadAsync<DevelopmentSigningKeyDocument>(DevelopmentSigningKeyDocument.SingleId, ct)
                ?? throw new InvalidOperationException("The development signing key was reported as existing but cannot be read.", e);
            return Convert.FromBase64String(winner.Key);
        }
    }
}
