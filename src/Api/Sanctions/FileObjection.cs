using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>The person's Widerspruch (§§ 83, 84 SGG) against an approved restriction; it does not suspend it (§ 11 Abs. 4 AsylbLG).</summary>
public static class FileObjectionEndpoint
{
    public sealed record Request(DateOnly? ReceivedOn, string? Statement);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/objection", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Record the person's objection (Widerspruch) against the restriction")
            .WithDescription("No suspensive effect (§ 11 Abs. 4 AsylbLG): the restriction stays in force until the objection is upheld. "
                + "422 not-approved when nothing was approved; 409 objection-exists; 422 date-in-future.")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new FileObjection(id, v.Date(body.ReceivedOn, "receivedOn"), v.Text(body.Statement, "statement", 8000), actor.UserId);
        if (v.Failed) return v.Problem();

        return await SanctionAccess.Run(runner, actor, id, http, person => SanctionDecisions.FileObjection(person, command, runner.Clock.Today),
            created: true);
    }
}
