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

    public async Task OnGet(string? status, int p = 1)
    {
        Status = Labels.RecoveryStatus.Rows.Any(r => r.Code == status) ? status : null;
        P = Math.Max(1, p);
        var api = await Api();
        Recoveries = (await api.ListRecoveriesAsync(Status, null, P, PageSize)).ToList();
        Total = api.LastTotalCount ?? Recoveries.Count;
        Persons = await PersonNames.Load(api, Recoveries.Select(r => r.PersonId));
    }

    public string PersonLabel(RecoveryDto r) =>
        PersonNames.WithReference(Persons, r.PersonId);

    public string PageLink(int page) => $"?status={Uri.EscapeDataString(Status ?? "")}&p={page}";
}
