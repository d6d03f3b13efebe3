using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>
/// GET /api/placements/{id} carries only the newest 100 hour entries (hoursTotal counts all). A page that shows some
/// days (a week's grid) asks GET /api/placements/{id}/hours for those days only (from, to); one that works on all of
/// them (the audit's months) reads every page, so no sum is ever taken over a part of the list.
/// </summary>
public static class PlacementHoursReads
{
    /// <summary>The largest page the API gives (fewer requests on a long placement).</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// The placement's entries dated from <paramref name="from"/> to <paramref name="to"/> in recorded order (a correction
    /// carries its original's date): the ones it carries when they are all, else only those days from the API.
    /// </summary>
    public static async Task<IReadOnlyList<HourEntryDto>> Between(AghClient api, PlacementDto placement, DateOnly from, DateOnly to) =>
        placement.HoursTotal <= placement.Hours.Count
            ? placement.Hours.Where(h => h.Date >= from && h.Date <= to).ToList()
            : await Pages(api, placement, from, to);

    /// <summary>All the placement's entries in recorded order: the ones it carries when they are all, else every page.</summary>
    public static async Task<IReadOnlyList<HourEntryDto>> All(AghClient api, PlacementDto placement) =>
        placement.HoursTotal <= placement.Hours.Count ? placement.Hours : await Pages(api, placement, null, null);

    private static async Task<List<HourEntryDto>> Pages(AghClient api, PlacementDto placement, DateOnly? from, DateOnly? to)
    {
        var entries = new List<HourEntryDto>();
        Guid? after = null;
        while (true)
        {
            var page = await api.GetPlacementHoursAsync(placement.Id, PageSize, after, from, to);
            entries.AddRange(page.Hours);
            if (page.Hours.Count < PageSize) return entries;
            after = page.Hours[^1].EntryId;
        }
    }
}
