using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Persons;

public sealed class IndexModel : StaffPage
{
    private const int PageSize = 25;
    private const int ReadSize = 500;

    /// <summary>The search term: posted only, never read from the URL.</summary>
    [BindProperty] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    /// <summary>A status of the person list (its wire name), or "tasks" for persons with open tasks (issue 20).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    /// <summary>"name" (the default) or "file-reference".</summary>
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    public IReadOnlyList<PersonDto> Persons { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? MunicipalityName => User.Municipality() is { } m ? Municipalities.Name(m) : null;

    /// <summary>The filter's choices: the person statuses, and open tasks for the roles that have a task list.</summary>
    public IEnumerable<(string Value, string Text)> StatusChoices =>
        Enum.GetValues<PersonStatus>().Select(s => (LabelTable<PersonStatus>.Wire(s), Labels.PersonStatus.Text(s)))
            .Concat(User.Role() is Roles.Caseworker or Roles.Official ? [("tasks", "mit offenen Aufgaben")] : []);

    public bool Filtered => Status is not null || Sort is "file-reference";

    public Task OnGet() => Load();

    public Task OnPost() => Load();

    private async Task Load()
    {
        if (P < 1) P = 1;
        if (Status is not null && !StatusChoices.Any(c => c.Value == Status)) Status = null;
        if (Sort is not ("name" or "file-reference")) Sort = null;
        var api = await Api();
        var q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        if (!Filtered)
        {
            Persons = (await api.ListPersonsAsync(User.Municipality(), q, P, PageSize)).ToList();
            Total = api.LastTotalCount ?? Persons.Count;
            return;
        }
        // A status is the API's reading of today, not a stored field the list can page by: the municipality's list is read
        // whole (500 at a time), then filtered, sorted and paged here.
        var all = new List<PersonDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListPersonsAsync(User.Municipality(), q, page, ReadSize)).ToList();
            all.AddRange(batch);
            if (batch.Count < ReadSize || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        IEnumerable<PersonDto> shown = all;
        if (Status == "tasks")
        {
            var withTasks = (await AGH.Web.Pages.Tasks.TaskLinks.Load(api)).Where(t => t.PersonId is not null).Select(t => t.PersonId!.Value).ToHashSet();
            shown = shown.Where(p => withTasks.Contains(p.Id));
        }
        else if (Status is not null && Labels.PersonStatus.Parse(Status) is { } status) shown = shown.Where(p => p.Status == status);
        shown = Sort == "file-reference"
            ? shown.OrderBy(p => p.FileReference is null ? 1 : 0).ThenBy(p => p.FileReference, StringComparer.Ordinal).ThenBy(p => p.FamilyName, StringComparer.CurrentCulture)
            : shown.OrderBy(p => p.FamilyName, StringComparer.CurrentCulture).ThenBy(p => p.GivenName, StringComparer.CurrentCulture);
        var list = shown.ToList();
        Total = list.Count;
        Persons = list.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageLink(int p) => Url.Page("/Persons/Index", new { p, status = Status, sort = Sort })!;
}
