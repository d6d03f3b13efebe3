using AGH.Web.Api;
using AGH.Web.Infrastructure;
using AGH.Web.Pages.Offers;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Quota;

/// <summary>The coordinator's quota dashboard: places offered and taken against the target, refreshed by htmx.</summary>
public sealed class IndexModel(WebSettings settings) : StaffPage
{

    public QuotaDto Quota { get; private set; } = null!;

    public int RefreshSeconds => Math.Max(1, settings.QuotaRefreshSeconds);

    public async Task OnGet() => Quota = await (await Api()).GetQuotaAsync();

    /// <summary>The numbers alone, for the dashboard's periodic refresh.</summary>
    /// <remarks>
    /// A failed refresh answers with an error status, which htmx does not swap in: the last numbers stay, with their
    /// "Stand", instead of a whole error page inside the dashboard.
    /// </remarks>
    public async Task<IActionResult> OnGetNumbers()
    {
        try
        {
            Quota = await (await Api()).GetQuotaAsync();
        }
        catch (AghApiException e)
        {
            return StatusCode(e.StatusCode is >= 400 and < 600 ? e.StatusCode : 502);
        }
        catch (HttpRequestException)
        {
            return StatusCode(503);
        }
        return Partial("_QuotaNumbers", this);
    }

    /// <summary>One bar group of the chart: a provider type, or all of them.</summary>
    public sealed record Row(string Label, int Target, int Offers, int Places, int Occupied, int Free);

    public IReadOnlyList<Row> Rows
    {
        get
        {
            var rows = Labels.ProviderType.Rows
                .Select(t => Quota.ProviderTypes.FirstOrDefault(p => p.ProviderType == t.Value) is { } p
                    ? new Row(t.Text, p.Target, p.Offers, p.Places, p.Occupied, p.Free)
                    : new Row(t.Text, 0, 0, 0, 0, 0))
                .ToList();
            rows.Add(new Row("Insgesamt", Quota.Target.Total, rows.Sum(r => r.Offers), rows.Sum(r => r.Places),
                rows.Sum(r => r.Occupied), rows.Sum(r => r.Free)));
            return rows;
        }
    }

    /// <summary>Places offered as a whole percentage of the target (integers only).</summary>
    public static string Share(int places, int target) => target <= 0 ? "–" : $"{places * 100 / target} %";
}
