using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>
/// GET /api/placements/{id} carries only the newest 100 hour entries (hoursTotal counts all). A page that works on all
/// of them (a week's grid, the audit's months) reads the others through GET /api/placements/{id}/hours, a page at a
/// time, so no sum is ever taken over a part of the list.
/// </summary>
public static class PlacementHoursReads
{
    /// <summary>The largest page the API gives (fewer requests on a long placement).</summary>
    public const int PageSize = 1000;

    /// <summary>All the placement's entries in recorded order: the ones it carries when they are all, else every page.</summary>
    public static async Task<IReadOnlyList<HourEntryDto>> All(AghClient api, PlacementDto placement)
    {
        if (placement.HoursTotal <= placement.Hours.Count) return placement.Hours;
        var all = new List<HourEntryDto>(placement.HoursTotal);
        Guid? after = null;
        while (true)
        {
            var page = await api.GetPlacementHoursAsync(placement.Id, PageSize, after);
            all.AddRange(page.Hours);
            if (page.Hours.Count < PageSize) return all;
            after = page.Hours[^1].EntryId;
        }
    }
}
