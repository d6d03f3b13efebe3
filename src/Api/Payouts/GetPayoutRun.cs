using AGH.Domain.Payouts;
using Marten;

namespace AGH.Api.Payouts;

/// <summary>One payout run with its lines; runs carry no ETag.</summary>
[PayoutReader]
public static class GetPayoutRunEndpoint
{
    [WolverineGet("/api/payout-runs/{id}", OperationId = "getPayoutRun"), Tags("Payouts"), EndpointSummary("One payout run with its lines")]
    [ProducesResponseType<PayoutRunDto>(200), AnswersProblems(403, 404)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var run = await session.LoadAsync<PayoutRun>(id, http.RequestAborted);
        return run is null ? Problems.NotFound("payout run").Answer() : Results.Ok(PayoutRunDto.From(run));
    }
}
