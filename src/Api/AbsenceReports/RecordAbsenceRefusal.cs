namespace AGH.Api.AbsenceReports;

/// <summary>The caseworker records the refusal the report describes (the refusal names the report).</summary>
[Caseworker]
public static class RecordAbsenceRefusalEndpoint
{
    public sealed record Created(Guid RefusalId);

    public static (RecordAbsenceRefusal?, ProblemDetails) Validate(Guid id, Actor actor) =>
        (new RecordAbsenceRefusal(id, Guid.CreateVersion7(), actor.UserId), WolverineContinue.NoProblems);

    public static Decision Decide(RecordAbsenceRefusal command, AbsenceReportStream stream, Policy policy, Clock clock) =>
        AbsenceReportDecisions.RecordAsRefusal(stream.Person, stream.Report, command, policy, clock.Today, stream.Week);

    /// <summary>Record the refusal an absence report describes ({ date, kind, statedReason: note, absenceReportId })</summary>
    /// <remarks>Caseworkers of the person's municipality; no body. Recorded or dismissed already: 409 report-closed; kind reported-sick:
    /// 422 not-a-refusal (record an illness exemption instead). Otherwise the refusal's own rules answer unchanged (422 date-in-future,
    /// outside-placement, refusal-before-notification, refusal-before-start, duty-suspended). The refusal shows absenceReportId;
    /// its statedReason (the provider's note) appears in the notice.</remarks>
    [WolverinePost("/api/absence-reports/{id}/refusal", OperationId = "recordAbsenceRefusal"), Tags("Absence reports")]
    public static Created<Created> Handle([NotBody] RecordAbsenceRefusal command, [NotBody] AbsenceReportStream stream) =>
        TypedResults.Created($"/api/placements/{stream.Report.PlacementId}", new Created(command.RefusalId));
}
