using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Tasks;

/// <summary>"Meine Aufgaben": the start page of caseworkers, officials and payroll, from GET /api/tasks, grouped by kind, oldest first.</summary>
public sealed class IndexModel : StaffPage
{
    public IReadOnlyList<IGrouping<OpenTaskKind, OpenTaskDto>> Groups { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Guid> OfferOf { get; private set; } = new Dictionary<Guid, Guid>();
    public int Count { get; private set; }

    public async Task OnGet()
    {
        var api = await Api();
        var tasks = await TaskLinks.Load(api);
        Count = tasks.Count;
        OfferOf = await TaskLinks.OffersOf(api, tasks);
        // Groups in the order of the work (the API's kinds), each oldest first.
        Groups = tasks.OrderBy(t => t.Since).ThenBy(t => t.DueOn ?? DateOnly.MaxValue).GroupBy(t => t.Kind).OrderBy(g => g.Key).ToList();
    }
}
