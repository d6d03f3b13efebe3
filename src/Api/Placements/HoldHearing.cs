using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Anhörung (§ 28 VwVfG) before any burdening decision on a refusal.</summary>
public static class HoldHearingEndpoint
{
    public sealed record Request(DateOnly? HeldOn, string? Statement);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/refusals/{refusalId:guid}/hearing", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Record the hearing (Anhörung, § 28 VwVfG) on a refusal")
            .Accepts<Request>("application/json")
            .Produces<PlacementDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, Guid refusalId, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new HoldHearing(id, refusalId, v.Date(body.HeldOn, "heldOn"), v.Text(body.Statement, "statement", 8000, required: false));
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, (person, placement) =>
            PlacementResults.Ok(person, PlacementDecisions.HoldHearing(person, placement, command, runner.Clock.Today), id, runner.Clock.Today));
    }
}
