namespace AGH.Api.Placements;

/// <summary>The person's Widerspruch against the Heranziehungsbescheid (§§ 84, 86a SGG): timely, it suspends the duty to work.</summary>
[CaseworkerOrOfficial]
public static class FilePlacementObjectionEndpoint
{
    public static (FilePlacementObjection?, ProblemDetails) Validate(Guid id, ReceivedStatementRequest? body, Actor actor) =>
        ReceivedStatementRequest.Parse(body, (receivedOn, statement) => new FilePlacementObjection(id, receivedOn, statement, actor));

    public static Decision Decide(FilePlacementObjection command, PlacementStream stream, Clock clock) =>
        PlacementObjectionDecisions.File(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Record the person's objection (Widerspruch) against the Heranziehungsbescheid</summary>
    /// <remarks>Suspensive effect (§ 86a Abs. 1 SGG): a timely objection suspends the duty back to the notice's notification;
    /// refusals dated while suspended: 422 duty-suspended, and none can be sanctioned. 409 objection-exists (one per notice);
    /// 422 date-in-future; 422 objection-before-issue (receivedOn before the notice's issuedOn).</remarks>
    [WolverinePost("/api/placements/{id}/objection", OperationId = "filePlacementObjection"), Tags("Placements")]
    public static Created<PlacementObjectionAnswer> Handle(ReceivedStatementRequest body, PlacementStream stream, Decision decision, Policy policy) =>
        PlacementObjectionResults.Created(stream, decision, policy);
}
