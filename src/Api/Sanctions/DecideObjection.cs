using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// An official other than the approver decides the objection: upheld (Abhilfe, § 85 Abs. 1 SGG) withdraws the
/// period from its start (period 1: the whole restriction; a continued period: that one, the restriction ends with the
/// period before); dismissed leaves it in force.
/// </summary>
[Official]
public static class DecideObjectionEndpoint
{
    // period: whose objection is decided; by default the pending one.
    public sealed record Request([property: Required] bool? Upheld, [property: Required] string? Reasoning, int? Period = null);

    public static (DecideObjection?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new DecideObjection(id, v.Required(b.Upheld, "upheld"), v.Text(b.Reasoning, "reasoning", 8000), Access.Actor(http).UserId,
            v.OptionalRange(b.Period, "period", 1, 1000)));

    public static Decision Decide(DecideObjection command, ProposalStream stream) => SanctionDecisions.DecideObjection(stream.Person, command);

    [WolverinePost("/api/sanction-proposals/{id}/objection/decision", OperationId = "decideObjection"), Tags("Refusals and sanctions")]
    [EndpointSummary("Decide the objection (Abhilfe oder Zurückweisung des Widerspruchs)")]
    [EndpointDescription("Optional period (default: the pending objection): 404 period-not-found when the restriction has no such period. 403 four-eyes for the official who approved the restriction; 409 already-decided; 409 no-objection when none was filed.")]
    [ProducesResponseType<SanctionProposalDto>(200)]
    public static IResult Handle(Request body, ProposalStream stream, Decision decision, Clock clock) => ProposalResults.Ok(stream, decision, clock.Today);
}
