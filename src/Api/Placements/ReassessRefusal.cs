namespace AGH.Api.Placements;

/// <summary>The refusal assessed anew in the light of the hearing; good cause then makes a pending proposal fail on approval.</summary>
[CaseworkerOrOfficial]
public static class ReassessRefusalEndpoint
{
    public static (ReassessRefusal?, ProblemDetails) Validate(RefusalAssessmentRequest? body, Guid id, Guid refusalId) =>
        RefusalAssessmentRequest.Parse(body, (goodCause, reason, reasoning) => new ReassessRefusal(id, refusalId, goodCause, reason, reasoning));

    public static Decision Decide(ReassessRefusal command, PlacementStream stream) => HearingDecisions.Reassess(stream.Person, stream.Placement, command);

    /// <summary>Reassess a refusal after the hearing: good cause (wichtiger Grund) or not</summary>
    /// <remarks>Replaces the assessment (assessment.reassessed true). 404 refusal-not-found; 409 already-decided once a restriction
    /// was approved on the refusal; 409 not-assessed before the first assessment; 422 hearing-required without a hearing held or an
    /// invitation to it; 422 not-obliged-on-refusal-date for goodCause false on a day without a duty to work.</remarks>
    [WolverinePost("/api/placements/{id}/refusals/{refusalId}/reassessment", OperationId = "reassessRefusal"), Tags("Refusals and sanctions")]
    [ProducesResponseType<PlacementDto>(200)]
    public static IResult Handle(RefusalAssessmentRequest body, PlacementStream stream, Decision decision, Clock clock) => PlacementResults.Ok(stream, decision, clock.Today);
}
