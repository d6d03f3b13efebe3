namespace AGH.Api.Sanctions;

/// <summary>The person's Widerspruch (§§ 83, 84 SGG) against an approved restriction; it does not suspend it (§ 11 Abs. 4 AsylbLG).</summary>
[CaseworkerOrOfficial]
public static class FileObjectionEndpoint
{
    // period: the restriction period objected to; by default the latest notified one.
    public sealed record Request([property: Required] DateOnly? ReceivedOn, [property: Required] string? Statement, int? Period = null);

    public static (FileObjection?, ProblemDetails) Validate(Guid id, Request? body, Actor actor) => Parse.Body(body, (b, v) =>
        new FileObjection(id, v.Date(b.ReceivedOn, "receivedOn"), v.Text(b.Statement, "statement", 8000), actor.UserId,
            v.OptionalRange(b.Period, "period", 1, 1000)));

    public static Decision Decide(FileObjection command, ProposalStream stream, Clock clock) => SanctionDecisions.FileObjection(stream.Person, command, clock.Today);

    /// <summary>Record the person's objection (Widerspruch) against the restriction</summary>
    /// <remarks>No suspensive effect (§ 11 Abs. 4 AsylbLG): the restriction stays in force until the objection is upheld.
    /// Optional period (default: the latest notified one): 404 period-not-found when the restriction has no such period.
    /// 422 not-approved when nothing was approved; 409 objection-exists when that period already has one; 422 date-in-future.</remarks>
    [WolverinePost("/api/sanction-proposals/{id}/objection", OperationId = "fileObjection"), Tags("Refusals and sanctions")]
    public static Created<SanctionProposalDto> Handle(Request body, ProposalStream stream, Decision decision, Clock clock, Policy policy) => ProposalResults.Created(stream, decision, clock.Today, policy);
}
