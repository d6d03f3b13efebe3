namespace AGH.Api.Placements;

/// <summary>One placement as its ETag names it: hours, refusals and sanction proposals.</summary>
[PlacementReader]
public static class GetPlacementEndpoint
{
    [WolverineGet("/api/placements/{id}", OperationId = "getPlacement"), Tags("Placements")]
    [EndpointSummary("One placement with its hours, refusals and sanction proposals; a provider gets only { id, offerId, person: { givenName, familyName }, startsOn, until, schedule, status } of a placement on its own offers")]
    [ProducesResponseType<PlacementDto>(200), AnswersProblems(403, 404), ProviderView(typeof(ProviderPlacementDto))]
    public static Task<IResult> Get(Guid id, HttpContext http, Marten.IQuerySession session, Clock clock, Policy policy) =>
        PlacementQueries.Get(id, http, session, clock, policy);
}
