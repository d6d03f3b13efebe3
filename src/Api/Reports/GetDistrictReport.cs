using AGH.Api.Quota;
using System.ComponentModel;

namespace AGH.Api.Reports;

/// <summary>
/// The district's report for the Kreistag's committee (contract v3c): per month and municipality what the duty achieved,
/// as JSON, CSV or PDF. No person is named: the report views hold municipalities, dates and counts only.
/// </summary>
[ReportReader]
public static class GetDistrictReportEndpoint
{
    public const string CsvType = "text/csv";
    public const string PdfType = "application/pdf";

    public static ProblemDetails Validate(HttpContext http) => DistrictReportQuery.Check(http);

    /// <summary>The district's report: per month and municipality places, persons, hours, amounts, refusals, sanctions, objections, ends</summary>
    /// <remarks>from and to are months (YYYY-MM), to not before from, at most 36 months (else 400). Stocks (placesOffered by the offer's
    /// municipality and provider type, personsEntitled, personsPlaced) are counted on the month's last day (today while the month runs, as later days are not known); the rest are flows dated in the month
    /// as the person's history dates them, by the person's municipality: minutes (effective, by the entry's date), amountPaidCents (the released
    /// runs of that month), refusals, proposals, restrictions approved, withdrawn (objection upheld, § 44 review, a court, the placement's
    /// objection or lawsuit) and ended early, objections (restriction and placement objections: decided in the month by outcome; pending: received
    /// in the month and undecided at its end), placements ended on regular employment, training or studies. Every municipality has a row per month.
    /// totals: flows summed over the rows, stocks as the month to counts them. An official with a municipality sees that municipality's rows only.
    /// Accept: text/csv gives the same fields in this order (;-separated, UTF-8 with BOM, a last row total) and application/pdf the committee's
    /// report with a chart of places against the targets; both print counts of persons and cases of 1 or 2 as &lt;3. No person is named.</remarks>
    [WolverineGet("/api/reports/placements", OperationId = "getDistrictReport"), Tags("Views")]
    [ProducesResponseType<DistrictReportDto>(200), AlsoAnswers(CsvType, PdfType)]
    [AnswersProblems(400, 403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, IDocumentStore store, QuotaTargets targets, Clock clock,
        [Description("The first month, YYYY-MM")] string? from, [Description("The last month, YYYY-MM (at most 36 months from from)")] string? to)
    {
        // The views are projected asynchronously, as the quota's are.
        await AsyncViews.CatchUp(store);
        Month.TryParse(from, out var first);
        Month.TryParse(to, out var last);
        var report = await DistrictReportQuery.Read(session, Access.Actor(http), first, last, clock.Today, http.RequestAborted);
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains(CsvType, StringComparison.OrdinalIgnoreCase))
            return Results.File(DistrictReport.Csv(report), "text/csv; charset=utf-8", $"bericht-arbeitsgelegenheiten-{report.From}-{report.To}.csv");
        if (accept.Contains(PdfType, StringComparison.OrdinalIgnoreCase))
            return Results.File(DistrictReportPdf.Render(report, targets, clock.Today), PdfType, $"bericht-arbeitsgelegenheiten-{report.From}-{report.To}.pdf");
        return Results.Ok(report);
    }
}
