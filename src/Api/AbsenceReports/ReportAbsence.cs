namespace AGH.Api.AbsenceReports;

/// <summary>The provider tells the office who stayed away (contract v3c); the office decides whether it is a refusal.</summary>
[Provider]
public static class ReportAbsenceEndpoint
{
    public sealed record Request([property: Required] DateOnly? Date, [property: Required] AbsenceKind? Kind,
        [property: System.ComponentModel.Description("Appears in the notice (Einschränkungsbescheid, Mitteilung) as the refusal's statedReason when the office records the report as a refusal.")] string? Note);

    public static (ReportAbsence?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new ReportAbsence(id, Guid.CreateVersion7(), v.Date(b.Date, "date"), v.Required(b.Kind, "kind"),
            v.Text(b.Note, "note", 2000, required: false), actor.Provider!, actor.UserId));

    public static Decision Decide(ReportAbsence command, PlacementStream stream, Clock clock) =>
        AbsenceReportDecisions.Report(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Report an absence from the work (provider, its own placements)</summary>
    /// <remarks>Providers, placements on their own offers (another provider's or an unknown placement: 404). kind: explicit, no-show,
    /// dropped-out (the refusal kinds) or reported-sick (the person told the provider they are ill; write no diagnosis). note up to 2000
    /// characters. date in the future: 422 date-in-future; before the start or after the end of the placement: 422 outside-placement.
    /// The report is open until a caseworker records a refusal from it or dismisses it.</remarks>
    [WolverinePost("/api/placements/{id}/absence-reports", OperationId = "reportAbsence"), Tags("Absence reports")]
    public static Created<AbsenceReportDto> Handle(Request body, ReportAbsence command, Decision decision, Actor actor) =>
        TypedResults.Created($"/api/absence-reports/{command.ReportId}",
            AbsenceReportDto.From(AbsenceReport.Start((AbsenceReported)decision.Events[0].Event), actor));
}
