namespace AGH.Api.Payouts;

/// <summary>One payout run with its lines; runs carry no ETag.</summary>
[PayoutReader]
public static class GetPayoutRunEndpoint
{
    /// <summary>One payout run with its lines, each with the person's names and file reference</summary>
    [WolverineGet("/api/payout-runs/{id}", OperationId = "getPayoutRun"), Tags("Payouts")]
    [ProducesResponseType<PayoutRunDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        if (await session.LoadAsync<PayoutRun>(id, http.RequestAborted) is not { } run) return Problems.NotFound("payout run").Answer();
        return Results.Ok(PayoutRunDto.From(run).WithNames(await PayoutRunNames.Of(session, run, http.RequestAborted)));
    }
}
