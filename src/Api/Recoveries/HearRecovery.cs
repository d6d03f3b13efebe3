using System.ComponentModel;

namespace AGH.Api.Recoveries;

/// <summary>The hearing before a recovery is decided (open → heard).</summary>
[Caseworker]
public static class HearRecoveryEndpoint
{
    public sealed record Request([property: Required] DateOnly? HeldOn,
        [property: Required, Description("Appears in the notice (Erstattungsbescheid).")] string? Statement);

    public static (HearRecovery?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new HearRecovery(id, v.Date(b.HeldOn, "heldOn"), v.Text(b.Statement, "statement", 4000), actor.UserId));

    public static Decision Decide(HearRecovery command, RecoveryStream stream, Clock clock) => RecoveryProcedure.Hear(stream.Recovery, command, clock.Today);

    /// <summary>Record the hearing on a recovery (open → heard)</summary>
    /// <remarks>Caseworkers of the person's municipality. statement required (write "keine Äußerung" when the person said nothing).
    /// Not open: 409 not-open; heldOn in the future: 422 date-in-future; before the recovery was opened: 422 hearing-before-opening.</remarks>
    [WolverinePost("/api/recoveries/{id}/hearing", OperationId = "hearRecovery"), Tags("Recoveries")]
    public static Ok<RecoveryDto> Handle(Request body, RecoveryStream stream, Decision decision, Policy policy, Clock clock) =>
        TypedResults.Ok(stream.Answer(decision, policy, clock.Today));
}
