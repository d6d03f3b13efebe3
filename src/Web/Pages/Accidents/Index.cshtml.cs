using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Accidents;

/// <summary>The open accidents of the whole district, for the coordinator (who reads accidents) and auditors; a provider's own, to report them.</summary>
public sealed class IndexModel : StaffPage
{
    /// <summary>An accident status (wire name), or "all"; the open ones when not given, as the list always showed.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public OfficeCases Cases { get; private set; } = OfficeCases.None;
    public ListSort<AccidentDto> Sort { get; private set; } = null!;

    /// <summary>The status filtered by; null for all.</summary>
    public AccidentStatus? Filter { get; private set; }

    /// <summary>Coordinators read no persons: their list names offers and providers only.</summary>
    public async Task OnGet()
    {
        Filter = Status == "all" ? null : Labels.AccidentStatus.Parse(Status) ?? AccidentStatus.Open;
        Status = Filter is { } f ? LabelTable<AccidentStatus>.Wire(f) : "all";
        // The API sorts (GET /api/accidents?sort=reportDueOn|on, '-' reverses); the headers only carry the choice.
        Sort = new ListSort<AccidentDto>(Request, "reportDueOn", false, ("reportDueOn", a => a.ReportDueOn), ("on", a => a.On));
        var apiSort = (Sort.Descending ? "-" : "") + Sort.Key;
        Cases = await OfficeCases.LoadOpen(await Api(), Today, absenceReports: false, accidents: true, showPersons: User.Is(Roles.Auditor, Roles.Caseworker),
            accidentStatus: Filter is { } s ? LabelTable<AccidentStatus>.Wire(s) : null, accidentSort: apiSort);
        if (IsProvider) Cases = await Cases.WithProviderNames(HttpContext);
        Cases = Cases with { AccidentSort = Sort, AccidentStatusFilter = Filter };
    }

    public bool IsProvider => User.Is(Roles.Provider);
}
