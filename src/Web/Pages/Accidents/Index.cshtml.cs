using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Accidents;

/// <summary>The open accidents of the whole district, for the coordinator (who reads accidents) and auditors; a provider's own, to report them.</summary>
public sealed class IndexModel : StaffPage
{
    public OfficeCases Cases { get; private set; } = OfficeCases.None;

    /// <summary>Coordinators read no persons: their list names offers and providers only.</summary>
    public async Task OnGet()
    {
        Cases = await OfficeCases.LoadOpen(await Api(), Today, absenceReports: false, accidents: true, showPersons: User.Is(Roles.Auditor, Roles.Caseworker));
        if (IsProvider) Cases = await Cases.WithProviderNames(HttpContext);
    }

    public bool IsProvider => User.Is(Roles.Provider);
}
