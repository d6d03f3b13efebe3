namespace AGH.Api.Placements;

/// <summary>Whether a good cause (wichtiger Grund, § 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII) excuses the refusal.</summary>
[Caseworker]
public static class AssessRefusalEndpoint
{
    public static (AssessRefusal?, ProblemDetails) Validate(RefusalAssessmentRequest? body, Guid id, Guid refusalId) =>
        RefusalAssessmentRequest.Parse(body, (goodCause, reason, reasoning) => new AssessRefusal(id, refusalId, goodCause, reason, reasoning));

    public static Decision Decide(AssessRefusal command, PlacementStream stream) => PlacementDecisions.AssessRefusal(stream.Person, stream.Placement, command);

    /// <summary>Assess a refusal: good cause (wichtiger Grund) or not</summary>
    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/assessment", OperationId = "assessRefusal"), Tags("Refusals and sanctions")]
    [ProducesResponseType<PlacementDto>(200)]
    public static IResult Handle(RefusalAssessmentRequest body, PlacementStream stream, Decision decision, Clock clock) => PlacementResults.Ok(stream, decision, clock.Today);
}
