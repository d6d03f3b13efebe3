using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Whether a good cause (wichtiger Grund, § 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII) excuses the refusal.</summary>
public static class AssessRefusalEndpoint
{
    public sealed record Request(bool? GoodCause, ExemptionReason? Reason, string? Reasoning);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/refusals/{refusalId:guid}/assessment", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Assess a refusal: good cause (wichtiger Grund) or not")
            .Accepts<Request>("application/json")
            .Produces<PlacementDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

    public static async Task<IResult> Handle(Guid id, Guid refusalId, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var goodCause = v.Required(body.GoodCause, "goodCause");
        if (goodCause && body.Reason is null) v.Add("reason", "is required when goodCause is true.");
        var command = new AssessRefusal(id, refusalId, goodCause, body.Reason, v.Text(body.Reasoning, "reasoning", 4000));
        if (v.Failed) return v.Problem();

        return await PlacementAccess.Run(runner, actor, id, http, (person, placement) =>
            PlacementResults.Ok(person, PlacementDecisions.AssessRefusal(person, placement, command), id, runner.Clock.Today));
    }
}

public static class PlacementResults
{
    /// <summary>Answers 200 with the placement as it is after the decision's events.</summary>
    public static Outcome Ok(Person person, Decision decision, Guid placementId, DateOnly today) =>
        Outcome.Of(decision, () =>
        {
            var after = decision.Events.Where(e => e.StreamId == person.Id).Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!);
            return Results.Ok(PlacementDto.From(after, after.Placements[placementId], today));
        });
}
