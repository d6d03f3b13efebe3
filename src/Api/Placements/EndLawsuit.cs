namespace AGH.Api.Placements;

/// <summary>The court's end of the Klage: upheld sets the Heranziehungsbescheid aside and ends the placement as an upheld objection does.</summary>
[CaseworkerOrOfficial]
public static class EndLawsuitEndpoint
{
    public sealed record Request([property: Required] LawsuitOutcome? Outcome, [property: Required] DateOnly? On);

    public static (EndLawsuit?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new EndLawsuit(id, v.Required(b.Outcome, "outcome"), v.Date(b.On, "on"), actor));

    // Upheld frees the place.
    public static Decision Decide(EndLawsuit command, [FreesPlace] PlacementStream stream, Clock clock) =>
        PlacementObjectionDecisions.EndLawsuit(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Record the end of the lawsuit against the Heranziehungsbescheid</summary>
    /// <remarks>Upheld: the placement ends today with reason objection-upheld. 409 no-pending-lawsuit; 409 already-decided;
    /// 422 date-in-future; 422 end-before-start (on before filedOn).</remarks>
    [WolverinePost("/api/placements/{id}/lawsuit/end", OperationId = "endLawsuit"), Tags("Placements")]
    public static Ok<PlacementObjectionAnswer> Handle(Request body, PlacementStream stream, Decision decision, Policy policy) => PlacementObjectionResults.Ok(stream, decision, policy);
}
