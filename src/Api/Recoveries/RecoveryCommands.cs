using System.ComponentModel;

namespace AGH.Api.Recoveries;

/// <summary>The hearing before a recovery is decided (open → heard).</summary>
[Caseworker]
public static class HearRecoveryEndpoint
{
    public sealed record Request([property: Required] DateOnly? HeldOn,
        [property: Required, Description("Appears in the notice (Erstattungsbescheid).")] string? Statement);

    public static (HearRecovery?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new HearRecovery(id, v.Date(b.HeldOn, "heldOn"), v.Text(b.Statement, "statement", 4000), Access.Actor(http).UserId));

    public static Decision Decide(HearRecovery command, RecoveryStream stream, Clock clock) => RecoveryProcedure.Hear(stream.Recovery, command, clock.Today);

    [WolverinePost("/api/recoveries/{id}/hearing", OperationId = "hearRecovery"), Tags("Recoveries")]
    [EndpointSummary("Record the hearing on a recovery (open → heard)")]
    [EndpointDescription("Caseworkers of the person's municipality. statement required (write \"keine Äußerung\" when the person said nothing). "
        + "Not open: 409 not-open; heldOn in the future: 422 date-in-future; before the recovery was opened: 422 hearing-before-opening.")]
    [ProducesResponseType<RecoveryDto>(200)]
    public static IResult Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        Results.Ok(stream.Answer(decision, policy, clock.Today));
}

/// <summary>An official decides the heard recovery: recover (Erstattungsbescheid) or waive.</summary>
[Official]
public static class DecideRecoveryEndpoint
{
    public sealed record Request([property: Required] RecoveryOutcome? Outcome,
        [property: Required, Description("Appears in the notice (Erstattungsbescheid) when recovered.")] string? Reasoning);

    public static (DecideRecovery?, ProblemDetails) Validate(Guid id, Request? body) => Parse.Body(body, (b, v) =>
        new DecideRecovery(id, v.Required(b.Outcome, "outcome"), v.Text(b.Reasoning, "reasoning", 4000)));

    public static Decision Decide(DecideRecovery command, RecoveryStream stream, HttpContext http, Clock clock) =>
        RecoveryProcedure.Decide(stream.Person, stream.Recovery, command, Access.Actor(http), clock.Today);

    [WolverinePost("/api/recoveries/{id}/decision", OperationId = "decideRecovery"), Tags("Recoveries")]
    [EndpointSummary("Decide a heard recovery: recover (issues an Erstattungsbescheid, noticeId) or waive")]
    [EndpointDescription("Officials (own municipality; without one: all). The one who held the hearing: 403 four-eyes; decided or waived: "
        + "409 already-decided; not heard: 409 not-heard. recover issues the Erstattungsbescheid (kind erstattungsbescheid, subject the recovery, "
        + "remedy widerspruch; § 50 Abs. 2 SGB X (with §§ 45, 48 SGB X) i. V. m. § 9 Abs. 4 AsylbLG); reasoning appears in the notice.")]
    [ProducesResponseType<RecoveryDto>(200)]
    public static IResult Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        Results.Ok(stream.Answer(decision, policy, clock.Today));
}

/// <summary>A Widerspruch against the Erstattungsbescheid suspends collection (§ 86a Abs. 1 SGG): the recovery does not become final.</summary>
[CaseworkerOrOfficial]
public static class FileRecoveryObjectionEndpoint
{
    public sealed record Request([property: Required] DateOnly? ReceivedOn, [property: Required] string? Statement);

    public static (FileRecoveryObjection?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new FileRecoveryObjection(id, v.Date(b.ReceivedOn, "receivedOn"), v.Text(b.Statement, "statement", 4000), Access.Actor(http).UserId));

    public static Decision Decide(FileRecoveryObjection command, RecoveryStream stream, Clock clock) =>
        RecoveryProcedure.FileObjection(stream.Recovery, stream.Recovery.NoticeId is { } n ? stream.Person.Notices.GetValueOrDefault(n) : null, command, clock.Today);

    [WolverinePost("/api/recoveries/{id}/objection", OperationId = "fileRecoveryObjection"), Tags("Recoveries")]
    [EndpointSummary("Record a Widerspruch against the Erstattungsbescheid; collection is suspended (§ 86a Abs. 1 SGG)")]
    [EndpointDescription("Caseworkers and officials of the person's municipality. Only a decided recovery (409 not-decided); once (409 objection-exists); "
        + "422 date-in-future; before the Erstattungsbescheid was issued: 422 objection-before-issue. A timely objection (received by the notice's "
        + "remedyDeadline) keeps the recovery from becoming final, so it is not exported. Answers the recovery.")]
    [ProducesResponseType<RecoveryDto>(201)]
    public static IResult Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        Results.Created($"/api/recoveries?personId={stream.Recovery.PersonId}", stream.Answer(decision, policy, clock.Today));
}
