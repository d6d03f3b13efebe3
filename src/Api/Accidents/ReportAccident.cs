namespace AGH.Api.Accidents;

/// <summary>The accident report (Unfallanzeige) went to the insurer.</summary>
[ProviderOrCaseworker]
public static class ReportAccidentEndpoint
{
    public sealed record Request([property: Required] DateOnly? ReportedOn);

    public static (ReportAccident?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new ReportAccident(id, v.Date(b.ReportedOn, "reportedOn"), actor.UserId));

    public static Decision Decide(ReportAccident command, AccidentStream stream, Clock clock) => AccidentDecisions.Report(stream.Accident, command, clock.Today);

    /// <summary>Record that the accident was reported to the insurer</summary>
    /// <remarks>Providers (their own accidents) and caseworkers (own municipality). A second report: 409 already-reported; reportedOn in the
    /// future: 422 date-in-future; before the accident: 422 report-before-accident.</remarks>
    [WolverinePost("/api/accidents/{id}/report", OperationId = "reportAccident"), Tags("Accidents")]
    public static Ok<AccidentDto> Handle(Request body, AccidentStream stream, Decision decision, HttpContext http) => stream.Answer(decision, http);
}
