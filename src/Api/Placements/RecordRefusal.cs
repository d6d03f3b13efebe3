using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>An explicit refusal, a no-show or dropping out, with the reason the person gave.</summary>
public static class RecordRefusalEndpoint
{
    public sealed record Request(DateOnly? Date, RefusalKind? Kind, string? StatedReason);

    public sealed record Created(Guid RefusalId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/refusals", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Record a refusal (Ablehnung, Nichterscheinen, Abbruch) with the reason given")
            .Accepts<Request>("application/json")
            .Produces<Created>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new RecordRefusal(id, Guid.CreateVersion7(), v.Date(body.Date, "date"), v.Required(body.Kind, "kind"),
            v.Text(body.StatedReason, "statedReason", 4000, required: false));
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, (person, placement) =>
            Outcome.Of(PlacementDecisions.RecordRefusal(person, placement, command, runner.Clock.Today),
                () => Results.Created($"/api/placements/{id}", new Created(command.RefusalId))));
    }
}
