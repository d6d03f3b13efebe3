using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace AGH.Web.Pages.Provider;

/// <summary>
/// A provider's start page: its own offers and who works there, with the agreed working times. A provider sees of a
/// person only the name, start, end and working times (contract v3c); the API decides what is shown.
/// </summary>
public sealed class IndexModel : StaffPage
{
    public sealed record OfferPeople(OfferDto Offer, IReadOnlyList<ProviderPlacementDto> Placements);

    public IReadOnlyList<OfferPeople> Offers { get; private set; } = [];

    /// <summary>One order for the people of every offer (by name unless a header asks otherwise).</summary>
    public ListSort<ProviderPlacementDto> Sort { get; private set; } = null!;

    /// <summary>Who has begun and who will begin (the ended ones are not shown); null: both.</summary>
    public PlacementStatus? Status { get; private set; }

    /// <summary>The running month, the timesheet the start page opens.</summary>
    public string Month => Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGet()
    {
        Sort = new ListSort<ProviderPlacementDto>(Request, "name", false,
            ("name", p => $"{p.Person.FamilyName}, {p.Person.GivenName}"), ("startsOn", p => p.StartsOn), ("until", p => p.Until));
        Status = Labels.PlacementStatus.Parse(Request.Query["status"].ToString()) is { } st && st != PlacementStatus.Ended ? st : null;
        var api = await Api();
        var offers = (await api.ListOffersAsync(null, null, 1, 500)).OrderBy(o => o.Title, StringComparer.CurrentCulture).ToList();
        var raw = await HttpContext.RequestServices.GetRequiredService<ApiClients>().Raw();
        var list = new List<OfferPeople>();
        foreach (var offer in offers)
        {
            // The generated client reads the staff view; the provider's reduced view is read as it is.
            var json = await raw.GetStringAsync($"api/placements?offerId={offer.Id}&pageSize=500", HttpContext.RequestAborted);
            var placements = JsonConvert.DeserializeObject<List<ProviderPlacementDto>>(json) ?? [];
            list.Add(new OfferPeople(offer, Sort.Apply(placements.Where(p => p.Status != PlacementStatus.Ended && (Status is null || p.Status == Status))
                .OrderBy(p => p.Person.FamilyName, StringComparer.CurrentCulture).ThenBy(p => p.Person.GivenName, StringComparer.CurrentCulture))));
        }
        Offers = list;
    }

    public static string Times(ProviderPlacementDto p) => p.Schedule is { Count: > 0 } blocks
        ? string.Join(", ", blocks.OrderBy(b => b.Weekday).ThenBy(b => b.From, StringComparer.Ordinal).Select(b => $"{Labels.Weekday.Text(b.Weekday)} {b.From}–{b.To}"))
        : "nicht festgelegt";
}
