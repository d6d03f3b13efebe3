using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The cash office's CSV, streamed from the API unchanged (BOM, separators and quoting are the API's).</summary>
public sealed class ExportModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    /// <summary>The clerk confirmed a further copy ("Duplikat erzeugen?"): the API records it as a duplicate.</summary>
    [BindProperty(SupportsGet = true)] public bool Duplicate { get; set; }

    public async Task<IActionResult> OnGet()
    {
        var run = await (await Api()).GetPayoutRunAsync(Id);
        return await ApiFiles.Relay(this, $"api/payout-runs/{Id}/export" + (Duplicate ? "?duplicate=true" : ""), "text/csv; charset=utf-8",
            response => response.Headers.TryGetValues("X-Export-Sequence", out var sequence) && sequence.Single() is var n && n != "1"
                ? $"auszahlung-{run.Month}-DUPLIKAT-{n}.csv"
                : $"auszahlung-{run.Month}.csv", inline: false);
    }
}
