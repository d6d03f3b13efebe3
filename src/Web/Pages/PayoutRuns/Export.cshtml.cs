using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The cash office's CSV, streamed from the API unchanged (BOM, separators and quoting are the API's).</summary>
public sealed class ExportModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGet()
    {
        var run = await (await Api()).GetPayoutRunAsync(Id);
        return await ApiFiles.Relay(this, $"api/payout-runs/{Id}/export", "text/csv; charset=utf-8", $"auszahlung-{run.Month}.csv", inline: false);
    }
}
