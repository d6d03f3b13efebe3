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
        // Status and order are the API's (GET /api/persons?status=&sort=); only "open tasks" is read from /api/tasks.
        var apiSort = Sort == "file-reference" ? "fileReference" : Sort is null ? null : "name";
        if (Status != "tasks")
        {
            Persons = (await api.ListPersonsAsync(User.Municipality(), q, Status, apiSort, P, PageSize)).ToList();
            Total = api.LastTotalCount ?? Persons.Count;
            return;
        }
        var withTasks = (await AGH.Web.Pages.Tasks.TaskLinks.Load(api)).Where(t => t.PersonId is not null).Select(t => t.PersonId!.Value).ToHashSet();
        var all = new List<PersonDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListPersonsAsync(User.Municipality(), q, null, apiSort ?? "name", page, ReadSize)).ToList();
            all.AddRange(batch.Where(p => withTasks.Contains(p.Id)));
            if (batch.Count < ReadSize) break;
        }
        Total = all.Count;
        Persons = all.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageLink(int p) => Url.Page("/Persons/Index", new { p, status = Status, sort = Sort })!;
}
