namespace AGH.Api.Payouts;

/// <summary>The payout runs for payroll and auditors, by month.</summary>
[PayoutReader]
public static class ListPayoutRunsEndpoint
{
    /// <summary>Payout runs, newest month first, optionally of one month; paged, total in X-Total-Count</summary>
    [WolverineGet("/api/payout-runs", OperationId = "listPayoutRuns"), Tags("Payouts")]
    [ProducesResponseType<IReadOnlyList<PayoutRunDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? month, string? page, string? pageSize)
    {
        var checks = new Checks();
        var wanted = Month.TryParse(month, out var m) ? m.ToString() : null;
        if (month is not null && wanted is null) checks.Add("month", "must be a month written YYYY-MM.");
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var runs = wanted is null ? session.Query<PayoutRun>() : session.Query<PayoutRun>().Where(r => r.Month == wanted);
        return Results.Ok((await paging.Fetch(http, runs, x => x.OrderByDescending(r => r.Month).ThenBy(r => r.Id))).Select(PayoutRunDto.From));
    }
}
