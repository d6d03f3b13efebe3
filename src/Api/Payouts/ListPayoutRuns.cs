namespace AGH.Api.Payouts;

/// <summary>The payout runs for payroll and auditors, by month.</summary>
[PayoutReader]
public static class ListPayoutRunsEndpoint
{
    [WolverineGet("/api/payout-runs", OperationId = "listPayoutRuns"), Tags("Payouts")]
    [EndpointSummary("Payout runs, newest month first, optionally of one month; paged, total in X-Total-Count")]
    [ProducesResponseType<IReadOnlyList<PayoutRunDto>>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? month, string? page, string? pageSize)
    {
        var checks = new Checks();
        Month? wanted = null;
        if (month is not null)
        {
            if (Month.TryParse(month, out var m)) wanted = m;
            else checks.Add("month", "must be a month written YYYY-MM.");
        }
        var paging = Paging.Read(page, pageSize, checks);
        if (checks.Failed) return checks.Details().Answer();
        var query = session.Query<PayoutRun>().AsQueryable();
        if (wanted is { } one)
        {
            var text = one.ToString();
            query = query.Where(r => r.Month == text);
        }
        var runs = await paging.Fetch(http, query, x => x.OrderByDescending(r => r.Month).ThenBy(r => r.Id));
        return Results.Ok(runs.Select(PayoutRunDto.From));
    }
}
