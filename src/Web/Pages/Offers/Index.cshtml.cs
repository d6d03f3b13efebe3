using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Offers;

/// <summary>Offers of the district, filtered by municipality and provider type; every role may read them.</summary>
public sealed class IndexModel : StaffPage
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? ProviderType { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    /// <summary>open, withdrawn or ended; the API has no status filter, so the page filters its answer.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public ListSort<OfferDto> Sort { get; private set; } = null!;

    public IReadOnlyList<OfferDto> Offers { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool MayRegister => User.Is(Roles.Coordinator, Roles.Caseworker);

    public async Task OnGet()
    {
        if (P < 1) P = 1;
        // A caseworker starts with the offers of their own municipality; "alle" is one choice away.
        if (!Request.Query.ContainsKey(nameof(Municipality)) && User.Is(Roles.Caseworker)) Municipality = User.Municipality();
        if (Labels.ProviderType.Parse(ProviderType) is null) ProviderType = null;
        if (Labels.OfferStatus.Parse(Status) is null) Status = null;
        Sort = new ListSort<OfferDto>(Request, "title", false,
            ("title", o => o.Title), ("municipality", o => Municipalities.Name(o.Municipality)), ("free", o => o.Free),
            ("startsOn", o => o.StartsOn), ("status", o => Labels.OfferStatus.Text(o.Status)));
        var api = await Api();
        // The district has a few hundred offers at most: read them all, then filter by status, sort and page here.
        var all = new List<OfferDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListOffersAsync(string.IsNullOrEmpty(Municipality) ? null : Municipality, ProviderType, page, 500)).ToList();
            all.AddRange(batch);
            if (batch.Count < 500 || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        var status = Labels.OfferStatus.Parse(Status);
        var shown = Sort.Apply(all.Where(o => status is null || o.Status == status));
        Total = shown.Count;
        Offers = shown.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageLink(int page) =>
        $"?municipality={Uri.EscapeDataString(Municipality ?? "")}&providerType={Uri.EscapeDataString(ProviderType ?? "")}&status={Uri.EscapeDataString(Status ?? "")}"
        + $"&sort={Uri.EscapeDataString(Sort.Key)}&dir={(Sort.Descending ? "desc" : "asc")}&p={page}";
}
