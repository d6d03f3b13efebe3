namespace AGH.Api.AbsenceReports;

/// <summary>The caseworker closes the report without a refusal (e.g. the person excused themselves in time).</summary>
[Caseworker]
public static class DismissAbsenceReportEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static (DismissAbsenceReport?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new DismissAbsenceReport(id, v.Text(b.Reason, "reason", 2000), actor.UserId));

    public static Decision Decide(DismissAbsenceReport command, AbsenceReportStream stream) => AbsenceReportDecisions.Dismiss(stream.Report, command);

    /// <summary>Dismiss an absence report without a refusal</summary>
    /// <remarks>Caseworkers of the person's municipality. reason 1-2000 characters (400); it is never shown to the provider.
    /// Recorded or dismissed already: 409 report-closed.</remarks>
    [WolverinePost("/api/absence-reports/{id}/dismissal", OperationId = "dismissAbsenceReport"), Tags("Absence reports")]
    public static Ok<AbsenceReportDto> Handle(Request body, AbsenceReportStream stream, Decision decision, HttpContext http) => stream.Answer(decision, http);
}
