using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>A placement ends as soon as regular employment is possible, or for another documented reason; the place is freed at once.</summary>
public static class EndPlacementEndpoint
{
    public sealed record Request(DateOnly? Date, EndReason? Reason, string? Note);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/end", Handle)
            .WithTags("Placements")
            .WithSummary("End a placement (e.g. on regular employment); the place becomes free at once")
            .Accepts<Request>("application/json")
            .Produces<PlacementDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new EndPlacement(id, v.Date(body.Date, "date"), v.Required(body.Reason, "reason"), v.OptionalText(body.Note, "note", 2000));
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, (person, placement) =>
            PlacementResults.Ok(person, PlacementDecisions.End(person, placement, command, runner.Clock.Today), id, runner.Clock.Today));
    }
}
