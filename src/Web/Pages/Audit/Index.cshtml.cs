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

    /// <summary>A person status (its wire name); the API filters (GET /api/persons?status=).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public ListSort<PersonDto> Sort { get; private set; } = null!;

    public IReadOnlyList<PersonDto> Persons { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public Task OnGet() => Load();

    public Task OnPost() => Load();

    private async Task Load()
    {
        if (P < 1) P = 1;
        if (Labels.PersonStatus.Parse(Status) is null) Status = null;
        Sort = new ListSort<PersonDto>(Request, "name", false,
            ("name", p => $"{p.FamilyName}, {p.GivenName}"), ("fileReference", p => p.FileReference), ("dateOfBirth", p => p.DateOfBirth));
        // The API sorts (sort=name|fileReference|dateOfBirth, '-' reverses). No order asked: the API's own, which puts a
        // search's exact matches first.
        var apiSort = Request.Query.ContainsKey("sort") ? (Sort.Descending ? "-" : "") + Sort.Key : null;
        var api = await Api();
        Persons = (await api.ListPersonsAsync(null, string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), Status, apiSort, P, PageSize)).ToList();
        Total = api.LastTotalCount ?? Persons.Count;
    }

    /// <summary>A page of the unsearched list, in the chosen filter and order.</summary>
    public string PageLink(int p) =>
        $"?status={Uri.EscapeDataString(Status ?? "")}&sort={Sort.Key}&dir={(Sort.Descending ? "desc" : "asc")}&p={p}";
}
