using AGH.Api.Municipalities;
using AGH.Api.Quota;
using Marten.Events;
using System.ComponentModel;
using Npgsql;

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

    [WolverineGet("/api/reports/placements", OperationId = "getDistrictReport"), Tags("Views")]
    [EndpointSummary("The district's report: per month and municipality places, persons, hours, amounts, refusals, sanctions, objections, ends")]
    [EndpointDescription("from and to are months (YYYY-MM), to not before from, at most 36 months (else 400). Stocks (placesOffered by the offer's "
        + "municipality and provider type, personsEntitled, personsPlaced) are counted on the month's last day (today while the month runs, as later days are not known); the rest are flows dated in the month "
        + "as the person's history dates them, by the person's municipality: minutes (effective, by the entry's date), amountPaidCents (the released "
        + "runs of that month), refusals, proposals, restrictions approved, withdrawn (objection upheld, § 44 review, a court, the placement's "
        + "objection or lawsuit) and ended early, objections (restriction and placement objections: decided in the month by outcome; pending: received "
        + "in the month and undecided at its end), placements ended on regular employment, training or studies. Every municipality has a row per month. "
        + "totals: flows summed over the rows, stocks as the month to counts them. An official with a municipality sees that municipality's rows only. "
        + "Accept: text/csv gives the same fields in this order (;-separated, UTF-8 with BOM, a last row total) and application/pdf the committee's "
        + "report with a chart of places against the targets; both print counts of persons and cases of 1 or 2 as <3. No person is named.")]
    [ProducesResponseType<DistrictReportDto>(200), AlsoAnswers(CsvType, PdfType)]
    [AnswersProblems(400, 403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, IDocumentStore store, QuotaTargets targets, Clock clock,
        [Description("The first month, YYYY-MM")] string? from, [Description("The last month, YYYY-MM (at most 36 months from from)")] string? to)
    {
        var checks = new Checks();
        var first = MonthParameter(http, nameof(from), checks);
        var last = MonthParameter(http, nameof(to), checks);
        if (first is { } f && last is { } t)
        {
            if (t.CompareTo(f) < 0) checks.Add("to", "must not be before from.");
            else if ((t.Year - f.Year) * 12 + t.Number - f.Number + 1 > DistrictReport.MaxMonths)
                checks.Add("to", $"the report covers at most {DistrictReport.MaxMonths} months.");
        }
        if (checks.Failed) return checks.Details().Answer();
        var ct = http.RequestAborted;

        // The views are projected asynchronously; as the quota does, give the daemon a moment to include the writes made before.
        try { await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(2)); }
        catch (TimeoutException) { }

        var actor = Access.Actor(http);
        var own = actor.Role == Roles.Official ? actor.Municipality : null;
        var municipalities = MunicipalityCatalog.All.Select(m => m.Id).Where(m => own is null || m == own).ToList();
        var offers = await session.Query<ReportOffer>().Where(o => municipalities.Contains(o.Municipality)).ToListAsync(ct);
        var persons = await session.Query<ReportPerson>().Where(p => municipalities.Contains(p.Municipality)).ToListAsync(ct);
        var minutes = await Minutes(session, first!.Value.First, last!.Value.Last, ct);
        var months = DistrictReport.Months(first.Value, last.Value).Select(m => m.ToString()).ToList();
        var runs = await session.Query<PayoutRun>().Where(r => r.Status == PayoutRunStatus.Released && months.Contains(r.Month)).ToListAsync(ct);
        var paid = runs.SelectMany(r => r.Lines.Select(l => new DistrictReport.PersonMonth(l.PersonId, r.Month, l.AmountCents))).ToList();
        var report = DistrictReport.Build(first.Value, last.Value, clock.Today, municipalities, offers, persons, minutes, paid);

        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains(CsvType, StringComparison.OrdinalIgnoreCase))
            return Results.File(DistrictReport.Csv(report), "text/csv; charset=utf-8", $"bericht-arbeitsgelegenheiten-{report.From}-{report.To}.csv");
        if (accept.Contains(PdfType, StringComparison.OrdinalIgnoreCase))
            return Results.File(DistrictReportPdf.Render(report, targets, clock.Today), PdfType, $"bericht-arbeitsgelegenheiten-{report.From}-{report.To}.pdf");
        return Results.Ok(report);
    }

    private static Month? MonthParameter(HttpContext http, string name, Checks checks)
    {
        var values = http.Request.Query[name];
        if (values.Count == 0) checks.Add(name, "is required.");
        else if (values.Count > 1) checks.Add(name, "must be given once.");
        else if (Month.TryParse(values[0], out var month) && values[0]!.Length == 7) return month;
        else checks.Add(name, "must be a month written YYYY-MM.");
        return null;
    }

    /// <summary>Each person's effective minutes per month: per entry the latest value (a correction replaces, 0 cancels), by the entry's date.</summary>
    private static async Task<List<DistrictReport.PersonMonth>> Minutes(IQuerySession session, DateOnly first, DateOnly last, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select person_id, to_char(date, 'YYYY-MM'), sum(minutes)::bigint from (" +
            "select distinct on (person_id, coalesce(corrects_entry_id, entry_id)) person_id, date, minutes " +
            $"from {HourRows.Qualified(MartenSetup.Schema)} where date between @first and @last " +
            "order by person_id, coalesce(corrects_entry_id, entry_id), version desc) e group by 1, 2");
        command.Parameters.Add(new NpgsqlParameter("first", first));
        command.Parameters.Add(new NpgsqlParameter("last", last));
        var rows = new List<DistrictReport.PersonMonth>();
        await using var reader = await session.ExecuteReaderAsync(command, ct);
        while (await reader.ReadAsync(ct)) rows.Add(new(reader.GetGuid(0), reader.GetString(1), reader.GetInt64(2)));
        return rows;
    }
}
