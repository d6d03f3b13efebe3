using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>Payout runs per month (payroll; auditors read), and preparing the run of an ended month.</summary>
public sealed class IndexModel : CommandPage
{
    private const int PageSize = 25;

    public sealed class PrepareInput
    {
        public string? Month { get; set; }
    }

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    /// <summary>A run's status; the API filters by month only, so the page filters its answer (one run a month: few).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public ListSort<PayoutRunDto> Sort { get; private set; } = null!;
    [BindProperty] public PrepareInput Prepare { get; set; } = new();

    public IReadOnlyList<PayoutRunDto> Runs { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool MayPrepare => User.Is(Roles.Payroll);

    public async Task OnGet()
    {
        // A suggestion only: the API decides which months may be prepared.
        Prepare.Month = Today.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Load();
    }

    public async Task<IActionResult> OnPostPrepare()
    {
        PayoutRunDto? run = null;
        var ok = await Try(async c => run = await c.PreparePayoutRunAsync(IdempotencyKey("prepare", Prepare.Month?.Trim() ?? ""), new PreparePayoutRunRequest { Month = Prepare.Month?.Trim() ?? "" }),
            prefix: nameof(Prepare), codeFields: new Dictionary<string, string> { ["month-not-ended"] = "Month" });
        if (ok && run is not null)
            return BackTo("/PayoutRuns/Details", new { id = run.Id }, $"Der Auszahlungslauf für {Format.Month(run.Month)} ist vorbereitet.");
        await Load();
        return Page();
    }

    private async Task Load()
    {
        if (P < 1) P = 1;
        if (Labels.PayoutRunStatus.Parse(Status) is null) Status = null;
        Sort = new ListSort<PayoutRunDto>(Request, "month", true,
            ("month", r => r.Month), ("status", r => Labels.PayoutRunStatus.Text(r.Status)), ("lines", r => r.Lines.Count), ("total", r => r.TotalCents));
        var api = await Api();
        var all = new List<PayoutRunDto>();
        for (var page = 1; ; page++)
        {
            var batch = (await api.ListPayoutRunsAsync(string.IsNullOrWhiteSpace(Month) ? null : Month.Trim(), page, 500)).ToList();
            all.AddRange(batch);
            if (batch.Count < 500 || all.Count >= (api.LastTotalCount ?? all.Count)) break;
        }
        var status = Labels.PayoutRunStatus.Parse(Status);
        var shown = Sort.Apply(all.Where(r => status is null || r.Status == status));
        Total = shown.Count;
        Runs = shown.Skip((P - 1) * PageSize).Take(PageSize).ToList();
    }

    public string PageLink(int page) =>
        $"?month={Uri.EscapeDataString(Month ?? "")}&status={Uri.EscapeDataString(Status ?? "")}&sort={Sort.Key}&dir={(Sort.Descending ? "desc" : "asc")}&p={page}";
}
