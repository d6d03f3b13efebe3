using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Reviews;

/// <summary>The caseworker's Wiedervorlagen: restrictions of their municipality due for the § 14 Abs. 2 review (read only).</summary>
public sealed class IndexModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public int Within { get; set; } = 30;

    public IReadOnlyList<DueReviewDto> Reviews { get; private set; } = [];
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();
    public string? MunicipalityName => User.Municipality() is { } m ? Municipalities.Name(m) : null;

    public async Task OnGet()
    {
        if (!SanctionTexts.Within.Any(w => w.Days == Within)) Within = 30;
        var api = await Api();
        Reviews = (await api.ListRestrictionsDueForReviewAsync(Within.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null)).ToList();
        Persons = await PersonNames.Load(api, Reviews.Select(r => r.PersonId));
    }
}
