using System.Text.RegularExpressions;

namespace AGH.Api.Infrastructure;

/// <summary>
/// What a provider (contract v3c) may see: its own offers (the offer's <c>providerId</c> equals the token's
/// <c>provider</c> claim) and the placements on them. Everything else answers as unknown (404), so one provider never
/// learns of another's resources.
/// </summary>
public static partial class ProviderScope
{
    public const string ProviderIdRule = "must match ^[a-z0-9][a-z0-9-]{1,62}$ (an organisation id such as tafel-osnabruecker-land).";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex ProviderIdPattern();

    public static bool IsProviderId(string? value) => value is not null && ProviderIdPattern().IsMatch(value);

    public static bool IsProvider(Actor actor) => actor.Role == Roles.Provider;

    /// <summary>The offer is the provider's own (false for every other role: they do not see by provider).</summary>
    public static bool Owns(Actor actor, Offer? offer) =>
        IsProvider(actor) && actor.Provider is not null && offer is not null && offer.ProviderId == actor.Provider;

    /// <summary>Whether the caller may see the offer: a provider only its own, every other role every offer.</summary>
    public static bool MaySee(Actor actor, Offer offer) => !IsProvider(actor) || Owns(actor, offer);

    /// <summary>The offer when the provider owns it; null for another provider's or an unknown one.</summary>
    public static async Task<Offer?> OwnOffer(IQuerySession session, Actor actor, Guid offerId, CancellationToken ct) =>
        offerId == Guid.Empty ? null : await session.LoadAsync<Offer>(offerId, ct) is { } offer && Owns(actor, offer) ? offer : null;

    /// <summary>Whether the provider owns the placement through its offer.</summary>
    public static async Task<bool> OwnsPlacement(IQuerySession session, Actor actor, Guid offerId, CancellationToken ct) =>
        await OwnOffer(session, actor, offerId, ct) is not null;

    /// <summary>The ids of the provider's offers (for lists).</summary>
    public static async Task<IReadOnlyList<Guid>> OwnOfferIds(IQuerySession session, Actor actor, CancellationToken ct) =>
        actor.Provider is not { } provider ? [] : await session.Query<Offer>().Where(o => o.ProviderId == provider).Select(o => o.Id).ToListAsync(ct);
}
