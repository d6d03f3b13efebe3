using AGH.Api.Infrastructure;
using AGH.Api.Offers;
using AGH.Api.Placements;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>The caseworker proposes a § 1a restriction; an official decides (Vier-Augen-Prinzip).</summary>
public static class ProposeSanctionEndpoint
{
    public sealed record Request(Guid? RefusalId, string? Reasoning);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/sanction-proposals", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Propose a benefit restriction (Anspruchseinschränkung nach § 1a AsylbLG)")
            .WithDescription("Only when the Heranziehungsbescheid with Rechtsfolgenbelehrung preceded the refusal, the person was obliged to work "
                + "that day, the refusal was assessed without good cause and a hearing (§ 28 VwVfG) was held; else 422 sanction-preconditions.")
            .Accepts<Request>("application/json")
            .Produces<CreatedId>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new ProposeSanction(id, Guid.CreateVersion7(), v.Id(body.RefusalId, "refusalId"),
            v.Text(body.Reasoning, "reasoning", 8000), actor.UserId);
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, (person, placement) =>
            Outcome.Of(SanctionDecisions.Propose(person, placement, command),
                () => Results.Created($"/api/sanction-proposals/{command.ProposalId}", new CreatedId(command.ProposalId))));
    }
}
