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
        var api = await Api();
        Offers = (await api.ListOffersAsync(string.IsNullOrEmpty(Municipality) ? null : Municipality, ProviderType, P, PageSize)).ToList();
        Total = api.LastTotalCount ?? Offers.Count;
    }

    public string PageLink(int page) =>
        $"?municipality={Uri.EscapeDataString(Municipality ?? "")}&providerType={Uri.EscapeDataString(ProviderType ?? "")}&p={page}";
}
