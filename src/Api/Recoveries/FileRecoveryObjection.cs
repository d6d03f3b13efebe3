namespace AGH.Api.Recoveries;

/// <summary>A Widerspruch against the Erstattungsbescheid suspends collection (§ 86a Abs. 1 SGG): the recovery does not become final.</summary>
[CaseworkerOrOfficial]
public static class FileRecoveryObjectionEndpoint
{
    public sealed record Request([property: Required] DateOnly? ReceivedOn, [property: Required] string? Statement);

    public static (FileRecoveryObjection?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new FileRecoveryObjection(id, v.Date(b.ReceivedOn, "receivedOn"), v.Text(b.Statement, "statement", 4000), actor.UserId));

    public static Decision Decide(FileRecoveryObjection command, RecoveryStream stream, Clock clock) =>
        RecoveryProcedure.FileObjection(stream.Recovery, stream.Recovery.NoticeId is { } n ? stream.Person.Notices.GetValueOrDefault(n) : null, command, clock.Today);

    /// <summary>Record a Widerspruch against the Erstattungsbescheid; collection is suspended (§ 86a Abs. 1 SGG)</summary>
    /// <remarks>Caseworkers and officials of the person's municipality. Only a decided recovery (409 not-decided); once (409 objection-exists);
    /// 422 date-in-future; before the Erstattungsbescheid was issued: 422 objection-before-issue. A timely objection (received by the notice's
    /// remedyDeadline) keeps the recovery from becoming final, so it is not exported. Answers the recovery.</remarks>
    [WolverinePost("/api/recoveries/{id}/objection", OperationId = "fileRecoveryObjection"), Tags("Recoveries")]
    public static Created<RecoveryDto> Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        TypedResults.Created($"/api/recoveries?personId={stream.Recovery.PersonId}", stream.Answer(decision, policy, clock.Today));
}
