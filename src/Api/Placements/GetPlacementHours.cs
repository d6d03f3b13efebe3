namespace AGH.Api.Placements;

/// <summary>One page of all of a placement's hour entries, oldest first (its answer carries only the newest 100).</summary>
public sealed record PlacementHoursPageDto(
    Guid PlacementId,
    [property: System.ComponentModel.Description("How many hour entries the placement has, over all pages.")] int HoursTotal,
    IReadOnlyList<HourEntryDto> Hours);

[CaseReader]
public static class GetPlacementHoursEndpoint
{
    /// <summary>All of a placement's hour entries, a page at a time, in recorded order</summary>
    /// <remarks>GET /api/placements/{id} carries only the newest 100 entries in `hours` and counts all in `hoursTotal`; this route reads every entry: `limit` entries (1 to 1000, 100 unless given) recorded after the entry `after` names. `from` and `to` (YYYY-MM-DD, both days included) keep only the entries dated in between (a correction carries its original's date), e.g. one week; `hoursTotal` still counts all. A page with more to follow names the next one in `Link` (rel="next"), with the same filters. Caseworkers and officials of the placement's municipality and auditors; a provider's view of a placement carries no hours.</remarks>
    [WolverineGet("/api/placements/{id}/hours", OperationId = "getPlacementHours"), Tags("Placements")]
    [ProducesResponseType<PlacementHoursPageDto>(200), AnswersProblems(400, 403, 404)]
    public static Task<IResult> Get(Guid id, HttpContext http, Marten.IQuerySession session, string? limit, string? after, string? from, string? to) =>
        PlacementQueries.Hours(id, http, session, limit, after, from, to);
}
