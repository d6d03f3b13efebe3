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
        var api = await Api();
        Runs = (await api.ListPayoutRunsAsync(string.IsNullOrWhiteSpace(Month) ? null : Month.Trim(), P, PageSize)).ToList();
        Total = api.LastTotalCount ?? Runs.Count;
    }

    public string PageLink(int page) => $"?month={Uri.EscapeDataString(Month ?? "")}&p={page}";
}
