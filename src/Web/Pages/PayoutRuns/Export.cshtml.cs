using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The cash office's CSV, streamed from the API unchanged (BOM, separators and quoting are the API's).</summary>
public sealed class ExportModel : StaffPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public async Task<IActionResult> OnGet()
    {
        var run = await (await Api()).GetPayoutRunAsync(Id);
        var http = await HttpContext.RequestServices.GetRequiredService<ApiClients>().Raw();
        var response = await http.GetAsync($"api/payout-runs/{Id}/export", HttpCompletionOption.ResponseHeadersRead, HttpContext.RequestAborted);
        HttpContext.Response.RegisterForDispose(response);
        HttpContext.Response.RegisterForDispose(http);
        if (!response.IsSuccessStatusCode)
        {
            return Redirect($"{StaffApp.Base}/problem?status={(int)response.StatusCode}");
        }
        var stream = await response.Content.ReadAsStreamAsync(HttpContext.RequestAborted);
        return File(stream, "text/csv; charset=utf-8", $"auszahlung-{run.Month}.csv");
    }
}
