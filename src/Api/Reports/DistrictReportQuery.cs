using AGH.Api.Municipalities;
using Npgsql;

namespace AGH.Api.Reports;

/// <summary>The read behind the district's report: its months checked, the report views, the minutes and the released amounts.</summary>
public static class DistrictReportQuery
{
    /// <summary>from and to: each a month YYYY-MM given once, to not before from, at most <see cref="DistrictReport.MaxMonths"/> months.</summary>
    public static ProblemDetails Check(HttpContext http)
    {
        var checks = new Checks();
        var first = MonthParameter(http, "from", checks);
        var last = MonthParameter(http, "to", checks);
        if (first is { } f && last is { } t)
        {
            if (t.CompareTo(f) < 0) checks.Add("to", "must not be before from.");
            else if ((t.Year - f.Year) * 12 + t.Number - f.Number + 1 > DistrictReport.MaxMonths)
                checks.Add("to", $"the report covers at most {DistrictReport.MaxMonths} months.");
        }
        return checks.Details();
    }

    /// <summary>The report of the months from <paramref name="first"/> to <paramref name="last"/>; an official with a municipality reads its rows only.</summary>
    public static async Task<DistrictReportDto> Read(IQuerySession session, Actor actor, Month first, Month last, DateOnly today, CancellationToken ct)
    {
        var own = actor.Role == Roles.Official ? actor.Municipality : null;
        var municipalities = MunicipalityCatalog.All.Select(m => m.Id).Where(m => own is null || m == own).ToList();
        var offers = await session.Query<ReportOffer>().Where(o => municipalities.Contains(o.Municipality)).ToListAsync(ct);
        var persons = await session.Query<ReportPerson>().Where(p => municipalities.Contains(p.Municipality)).ToListAsync(ct);
        var minutes = await Minutes(session, first.First, last.Last, ct);
        var months = DistrictReport.Months(first, last).Select(m => m.ToString()).ToList();
        var runs = await session.Query<PayoutRun>().Where(r => r.Status == PayoutRunStatus.Released && months.Contains(r.Month)).ToListAsync(ct);
        var paid = runs.SelectMany(r => r.Lines.Select(l => new DistrictReport.PersonMonth(l.PersonId, r.Month, l.AmountCents))).ToList();
        return DistrictReport.Build(first, last, today, municipalities, offers, persons, minutes, paid);
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
