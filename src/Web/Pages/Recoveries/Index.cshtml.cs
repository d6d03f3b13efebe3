using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.Recoveries;

/// <summary>Recoveries of overpaid allowances (§ 50 SGB X), filtered by status: the open ones need a hearing, the heard ones a decision.</summary>
public sealed class IndexModel : StaffPage
{
    private const int PageSize = 50;

    public string? Status { get; set; }
    public int P { get; set; } = 1;
    public IReadOnlyList<RecoveryDto> Recoveries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, PersonDto> Persons { get; private set; } = new Dictionary<Guid, PersonDto>();
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public ListSort<RecoveryDto> Sort { get; private set; } = null!;

    public async Task OnGet(string? status, int p = 1)
    {
        Status = Labels.RecoveryStatus.Rows.Any(r => r.Code == status) ? status : null;
        P = Math.Max(1, p);
        var api = await Api();
        // The status filter is the API's; the order is the page's (the API has none): all are read, sorted, then paged here.
        var all = new List<RecoveryDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListRecoveriesAsync(Status, null, page, 500)).ToList();
            all.AddRange(batch);
            if (batch.Count < 500 || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        Persons = await PersonNames.Load(api, all.Select(r => r.PersonId));
        Sort = new ListSort<RecoveryDto>(Request, "openedOn", true,
            ("person", r => PersonLabel(r)), ("amount", r => r.AmountCents), ("minutes", r => r.Minutes), ("openedOn", r => r.OpenedOn),
            ("status", r => Labels.RecoveryStatus.Text(r.Status)));
        var shown = Sort.Apply(all);
        Total = shown.Count;
        Recoveries = shown.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PersonLabel(RecoveryDto r) =>
        PersonNames.WithReference(Persons, r.PersonId);

    public string PageLink(int page) => $"?status={Uri.EscapeDataString(Status ?? "")}&sort={Sort.Key}&dir={(Sort.Descending ? "desc" : "asc")}&p={page}";
}
