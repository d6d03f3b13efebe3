using System.Globalization;
using System.Text.RegularExpressions;
using AGH.Web.Api;
using AGH.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AGH.Web.Pages.Reports;

/// <summary>
/// The district's report for the committee (contract v3c): a month range, the places against the targets as a chart with
/// its table, the figures per month and per municipality, and the API's CSV and PDF. No person is named.
/// </summary>
public sealed partial class IndexModel : StaffPage
{
    /// <summary>The contract's limit for one report.</summary>
    public const int MaxMonths = 36;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public DistrictReportDto? Report { get; private set; }

    /// <summary>The district's targets (from the quota), or null where the role may not read them (officials).</summary>
    public TargetDto? Targets { get; private set; }

    public IReadOnlyList<ReportFigures> Months { get; private set; } = [];
    public IReadOnlyList<ReportFigures> ByMunicipality { get; private set; } = [];
    public ReportFigures? Totals { get; private set; }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex MonthPattern();

    /// <summary>The months offered, newest first: the current one and the 59 before it.</summary>
    public IReadOnlyList<(string Value, string Label)> MonthOptions =>
        Enumerable.Range(0, 60).Select(i => Month(Today.AddMonths(-i))).Select(m => (m, Format.Month(m))).ToList();

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGet()
    {
        From ??= Month(Today.AddMonths(-2));
        To ??= Month(Today);
        if (!Valid()) return Page();
        var api = await Api();
        try
        {
            Report = await api.GetDistrictReportAsync(From, To);
        }
        catch (AghApiException e) when (e.StatusCode == 400)
        {
            AddProblem(ApiProblem.From(e), "");
            return Page();
        }
        try
        {
            Targets = (await api.GetQuotaAsync()).Target;
        }
        catch (AghApiException e) when (e.StatusCode == 403)
        {
            // Officials read the report but not the quota: the chart shows the places without the targets.
        }
        Months = Report.Rows.GroupBy(r => r.Month).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ReportFigures.Sum(Format.Month(g.Key), g.ToList(), g.Key)).ToList();
        var german = StringComparer.Create(new CultureInfo("de-DE"), false);
        ByMunicipality = Report.Rows.GroupBy(r => r.Municipality)
            .Select(g => ReportFigures.Sum(Municipalities.Name(g.Key), g.ToList(), Report.To))
            .OrderBy(f => f.Label, german).ToList();
        Totals = ReportFigures.Of("Gesamt", Report.Totals);
        return Page();
    }

    public Task<IActionResult> OnGetCsv() => Download("text/csv", "text/csv; charset=utf-8", "csv");

    public Task<IActionResult> OnGetPdf() => Download("application/pdf", "application/pdf", "pdf");

    /// <summary>The API's file as it made it (the CSV's BOM, the PDF's chart), relayed with the staff member's token.</summary>
    private async Task<IActionResult> Download(string accept, string contentType, string extension)
    {
        if (!Valid()) return RedirectToPage("/Reports/Index", new { from = From, to = To });
        return await ApiFiles.Relay(this, $"api/reports/placements?from={From}&to={To}", contentType,
            response => response.Content.Headers.ContentDisposition is { } d && (d.FileNameStar ?? d.FileName?.Trim('"')) is { Length: > 0 } name
                ? name
                : $"bericht-arbeitsgelegenheiten-{From}-{To}.{extension}",
            inline: false, accept: accept);
    }

    /// <summary>Both months chosen, the range in order and at most 36 months; else the fields say why and nothing is asked of the API.</summary>
    private bool Valid()
    {
        if (From is null || !MonthPattern().IsMatch(From)) ModelState.AddModelError(nameof(From), "Bitte einen Monat wählen.");
        if (To is null || !MonthPattern().IsMatch(To)) ModelState.AddModelError(nameof(To), "Bitte einen Monat wählen.");
        if (!ModelState.IsValid) return false;
        var months = (int.Parse(To![..4], CultureInfo.InvariantCulture) - int.Parse(From![..4], CultureInfo.InvariantCulture)) * 12
            + int.Parse(To[5..], CultureInfo.InvariantCulture) - int.Parse(From[5..], CultureInfo.InvariantCulture) + 1;
        if (months < 1) ModelState.AddModelError(nameof(To), "Der letzte Monat darf nicht vor dem ersten liegen.");
        else if (months > MaxMonths) ModelState.AddModelError(nameof(To), $"Ein Bericht umfasst höchstens {MaxMonths} Monate.");
        return ModelState.IsValid;
    }

    /// <summary>One bar of the chart: a provider type's places on the last day of the range against its target.</summary>
    public sealed record Bar(string Label, int Places, int? Target)
    {
        public string Share => Target is > 0 and var t ? $"{Places * 100 / t} %" : "–";
    }

    public IReadOnlyList<Bar> Bars
    {
        get
        {
            if (Totals is null) return [];
            return
            [
                new("Kommunen", Totals.PlacesMunicipality, Targets?.Municipality),
                new("Landkreis", Totals.PlacesDistrict, Targets?.District),
                new("Gemeinnützige Träger", Totals.PlacesNonprofit, Targets?.Nonprofit),
                new("Insgesamt", Totals.Places, Targets?.Total),
            ];
        }
    }

    /// <summary>The day the stocks are counted on: the last day of the range, today while its month runs.</summary>
    public DateOnly StockDay
    {
        get
        {
            var last = new DateOnly(int.Parse(To![..4], CultureInfo.InvariantCulture), int.Parse(To[5..], CultureInfo.InvariantCulture), 1).AddMonths(1).AddDays(-1);
            return last > Today ? Today : last;
        }
    }
}
