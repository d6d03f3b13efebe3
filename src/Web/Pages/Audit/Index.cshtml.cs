using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Audit;

/// <summary>The auditor's entry: any person of any municipality, found by name or file reference.</summary>
public sealed class IndexModel : StaffPage
{
    private const int PageSize = 25;

    /// <summary>The search term: posted only, never read from the URL.</summary>
    [BindProperty] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public IReadOnlyList<PersonDto> Persons { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Task OnGet() => Load();

    public Task OnPost() => Load();

    private async Task Load()
    {
        if (P < 1) P = 1;
        var api = await Api();
        Persons = (await api.ListPersonsAsync(null, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), null, null, P, PageSize)).ToList();
        Total = api.LastTotalCount ?? Persons.Count;
    }
}
