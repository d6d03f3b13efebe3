namespace AGH.Api.Placements;

/// <summary>The person's Klage after the Widerspruchsbescheid (§ 87 SGG); it suspends the duty too (§ 86a Abs. 1 SGG) and holds the record.</summary>
[CaseworkerOrOfficial]
public static class FileLawsuitEndpoint
{
    public sealed record Request([property: Required] DateOnly? FiledOn, [property: Required] string? Court, [property: Required] string? FileNumber);

    public static (FileLawsuit?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new FileLawsuit(id, v.Date(b.FiledOn, "filedOn"), v.Text(b.Court, "court", 200), v.Text(b.FileNumber, "fileNumber", 100), actor));

    public static Decision Decide(FileLawsuit command, PlacementStream stream, Clock clock) =>
        PlacementObjectionDecisions.FileLawsuit(stream.Person, stream.Placement, command, clock.Today);

    /// <summary>Record the person's lawsuit (Klage) against the Heranziehungsbescheid</summary>
    /// <remarks>409 no-dismissed-objection before a Widerspruchsbescheid; 409 lawsuit-exists; 422 date-in-future;
    /// 422 lawsuit-before-notice (filedOn before the Widerspruchsbescheid's issuedOn). A pending lawsuit holds the record against erasure.</remarks>
    [WolverinePost("/api/placements/{id}/lawsuit", OperationId = "fileLawsuit"), Tags("Placements")]
    public static Created<PlacementObjectionAnswer> Handle(Request body, PlacementStream stream, Decision decision, Policy policy) =>
        PlacementObjectionResults.Created(stream, decision, policy);
}
