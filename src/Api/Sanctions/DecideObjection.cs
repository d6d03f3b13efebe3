using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// An official other than the approver decides the objection: upheld (Abhilfe, § 85 Abs. 1 SGG) withdraws the
/// restriction from its start; dismissed leaves it in force.
/// </summary>
[Official]
public static class DecideObjectionEndpoint
{
    public sealed record Request([property: Required] bool? Upheld, [property: Required] string? Reasoning);

    public static (DecideObjection?, ProblemDetails) Validate(Guid id, Request? body, HttpContext http) => Parse.Body(body, (b, v) =>
        new DecideObjection(id, v.Required(b.Upheld, "upheld"), v.Text(b.Reasoning, "reasoning", 8000), Access.Actor(http).UserId));

    public static Decision Decide(DecideObjection command, ProposalStream stream) => SanctionDecisions.DecideObjection(stream.Person, command);

    [WolverinePost("/api/sanction-proposals/{id}/objection/decision", OperationId = "decideObjection"), Tags("Refusals and sanctions")]
    [EndpointSummary("Decide the objection (Abhilfe oder Zurückweisung des Widerspruchs)")]
    [EndpointDescription("403 four-eyes for the official who approved the restriction; 409 already-decided; 409 no-objection when none was filed.")]
    [ProducesResponseType<SanctionProposalDto>(200)]
    public static IResult Handle(Request body, ProposalStream stream, Decision decision, Clock clock) => ProposalResults.Ok(stream, decision, clock.Today);
}
