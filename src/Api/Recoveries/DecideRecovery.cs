using System.ComponentModel;

namespace AGH.Api.Recoveries;

/// <summary>An official decides the heard recovery: recover (Erstattungsbescheid) or waive.</summary>
[Official]
public static class DecideRecoveryEndpoint
{
    public sealed record Request([property: Required] RecoveryOutcome? Outcome,
        [property: Required, Description("Appears in the notice (Erstattungsbescheid) when recovered.")] string? Reasoning);

    public static (DecideRecovery?, ProblemDetails) Validate(Guid id, Request? body) => Parse.Body(body, (b, v) =>
        new DecideRecovery(id, v.Required(b.Outcome, "outcome"), v.Text(b.Reasoning, "reasoning", 4000)));

    public static Decision Decide(DecideRecovery command, RecoveryStream stream, Actor actor, Clock clock) =>
        RecoveryProcedure.Decide(stream.Person, stream.Recovery, command, actor, clock.Today);

    /// <summary>Decide a heard recovery: recover (issues an Erstattungsbescheid, noticeId) or waive</summary>
    /// <remarks>Officials (own municipality; without one: all). The one who held the hearing: 403 four-eyes; decided or waived:
    /// 409 already-decided; not heard: 409 not-heard. recover issues the Erstattungsbescheid (kind erstattungsbescheid, subject the recovery,
    /// remedy widerspruch; § 50 Abs. 2 SGB X (with §§ 45, 48 SGB X) i. V. m. § 9 Abs. 4 AsylbLG); reasoning appears in the notice.</remarks>
    [WolverinePost("/api/recoveries/{id}/decision", OperationId = "decideRecovery"), Tags("Recoveries")]
    public static Ok<RecoveryDto> Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        TypedResults.Ok(stream.Answer(decision, policy, clock.Today));
}
