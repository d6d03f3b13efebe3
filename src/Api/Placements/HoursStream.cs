using AGH.Api.Infrastructure;
using AGH.Domain.Offers;
using Marten;

namespace AGH.Api.Placements;

/// <summary>
/// A placement fetched for writing hours, with the last day of its offer (null when open-ended). The offer is read,
/// not locked: hours are not written to the offer's stream, and an offer's period does not change once registered.
/// </summary>
public sealed record HoursStream(PlacementStream Placement, DateOnly? OfferEndsOn)
{
    public static async Task<HoursStream?> Load(IDocumentSession session, Guid placementId, HttpContext http, CancellationToken ct) =>
        await CommandStreams.Placement(session, placementId, http, ct) is { } stream
            ? new HoursStream(stream, (await session.LoadAsync<Offer>(stream.Placement.OfferId, ct))?.EndsOn)
            : null;
}
