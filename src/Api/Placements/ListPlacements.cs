namespace AGH.Api.Placements;

/// <summary>The placements of the caller's municipality (auditors: all), by person, offer or status.</summary>
[PlacementReader]
public static class ListPlacementsEndpoint
{
    // Wolverine reads an id filter that is no GUID as no filter at all; the list refuses it instead.
    public static ProblemDetails Validate(HttpContext http)
    {
        var checks = new Checks();
        foreach (var name in new[] { "personId", "offerId" })
            if (http.Request.Query[name].ToString() is { Length: > 0 } value && !Guid.TryParse(value, out _)) checks.Add(name, "must be a GUID.");
        return checks.Details();
    }

    /// <summary>Placements the caller may see, by person, offer or status; a provider those on its own offers, each as { id, offerId, person: { givenName, familyName }, startsOn, until, schedule, status }; paged, total in X-Total-Count. With asOf (an ISO 8601 instant, personId required): the person's placements as recorded up to that instant, with the hours, refusals and proposals recorded by then (the person's stream replayed), statuses as of that day; not paged</summary>
    [WolverineGet("/api/placements", OperationId = "listPlacements"), Tags("Placements")]
    [ProducesResponseType<IReadOnlyList<PlacementDto>>(200), AnswersProblems(403, 404), ProviderView(typeof(ProviderPlacementDto))]
    public static Task<IResult> Get(HttpContext http, Marten.IQuerySession session, Clock clock, Policy policy, Guid? personId, Guid? offerId,
        string? status, string? page, string? pageSize, string? asOf) =>
        asOf is null
            ? PlacementQueries.List(http, session, clock, policy, personId, offerId, status, page, pageSize)
            : PlacementQueries.AsRecorded(http, session, policy, personId, offerId, status, asOf);
}
