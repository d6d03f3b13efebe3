namespace AGH.Api.Quota;

/// <summary>The Kreistag's question: how far towards 300 places (150 municipal, 50 district, 100 non-profit), and where.</summary>
[QuotaReader]
public static class QuotaEndpoint
{
    /// <summary>Quota report for the Kreistag: places offered and occupied, persons placed and exempt</summary>
    [WolverineGet("/api/quota", OperationId = "getQuota"), Tags("Views")]
    [ProducesResponseType<QuotaDto>(200), AnswersProblems(403)]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, IDocumentStore store, QuotaTargets targets, Clock clock)
    {
        await AsyncViews.CatchUp(store);
        // Withdrawn and ended offers count nowhere; persons count while entitled.
        var offers = (await session.Query<QuotaOffer>().Where(o => !o.Withdrawn).ToListAsync(http.RequestAborted))
            .Where(o => o.CountsOn(clock.Today)).ToList();
        var persons = await session.Query<QuotaPerson>().Where(p => p.Entitled).ToListAsync(http.RequestAborted);
        return Results.Ok(QuotaDto.Build(offers, persons, targets, clock.Now, clock.Today));
    }
}
