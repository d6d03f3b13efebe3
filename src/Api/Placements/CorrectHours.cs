using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Corrections are new entries, never edits: the original stays in the history (0 cancels it).</summary>
public static class CorrectHoursEndpoint
{
    public sealed record Request(int? Minutes, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/hours/{entryId:guid}/correction", Handle)
            .WithTags("Placements")
            .WithSummary("Correct an hour entry with a new entry that replaces its value")
            .Accepts<Request>("application/json")
            .Produces<LogHoursEndpoint.Created>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, Guid entryId, HttpContext http, CommandRunner runner, Policy policy)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new CorrectHours(id, entryId, Guid.CreateVersion7(), Minutes.Check(v, body.Minutes, allowZero: true),
            v.Text(body.Reason, "reason", 1000));
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, async (ws, person, placement) =>
            Outcome.Of(PlacementDecisions.CorrectHours(person, placement, command, policy, await PlacementAccess.OfferEndsOn(ws, placement)),
                () => Results.Created($"/api/placements/{id}", new LogHoursEndpoint.Created(command.NewEntryId))));
    }
}
