using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// An official other than the approver decides the objection: upheld (Abhilfe, § 85 Abs. 1 SGG) withdraws the
/// restriction from its start; dismissed leaves it in force.
/// </summary>
public static class DecideObjectionEndpoint
{
    public sealed record Request(bool? Upheld, string? Reasoning);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/objection/decision", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Decide the objection (Abhilfe oder Zurückweisung des Widerspruchs)")
            .WithDescription("403 four-eyes for the official who approved the restriction; 409 already-decided; 409 no-objection when none was filed.")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new DecideObjection(id, v.Required(body.Upheld, "upheld"), v.Text(body.Reasoning, "reasoning", 8000), actor.UserId);
        if (v.Failed) return v.Problem();

        return await SanctionAccess.Run(runner, actor, id, http, person => SanctionDecisions.DecideObjection(person, command));
    }
}
