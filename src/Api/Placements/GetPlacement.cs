namespace AGH.Api.Placements;

/// <summary>One placement as its ETag names it: hours, refusals and sanction proposals.</summary>
[PlacementReader]
public static class GetPlacementEndpoint
{
    /// <summary>One placement with its hours, refusals and sanction proposals; a provider gets only { id, offerId, person: { givenName, familyName }, startsOn, until, schedule, status } of a placement on its own offers</summary>
    /// <remarks>`hours` holds the newest 100 hour entries (in recorded order, as before); `hoursTotal` counts all of them and `minutesLogged` sums all effective ones. When entries were left out, `Link` names GET /api/placements/{id}/hours (rel="hours"), which pages through all of them.</remarks>
    [WolverineGet("/api/placements/{id}", OperationId = "getPlacement"), Tags("Placements")]
    [ProducesResponseType<PlacementDto>(200), AnswersProblems(403, 404), ProviderView(typeof(ProviderPlacementDto))]
    public static Task<IResult> Get(Guid id, HttpContext http, Marten.IQuerySession session, Clock clock, Policy policy) =>
        PlacementQueries.Get(id, http, session, clock, policy);
}
