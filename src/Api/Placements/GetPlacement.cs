namespace AGH.Api.Placements;

/// <summary>One placement as its ETag names it: hours, refusals and sanction proposals.</summary>
[CaseReader]
public static class GetPlacementEndpoint
{
    [WolverineGet("/api/placements/{id}", OperationId = "getPlacement"), Tags("Placements")]
    [EndpointSummary("One placement with its hours, refusals and sanction proposals")]
    [ProducesResponseType<PlacementDto>(200), AnswersProblems(403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, Marten.IQuerySession session, Clock clock, Policy policy) =>
        PlacementQueries.Get(id, http, session, clock, policy);
}
