using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>Hours confirmed by the provider; the basis of the Aufwandsentschädigung (§ 5 Abs. 2 AsylbLG).</summary>
public static class LogHoursEndpoint
{
    public sealed record Request(DateOnly? Date, int? Minutes);

    public sealed record Created(Guid EntryId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements/{id:guid}/hours", Handle)
            .WithTags("Placements")
            .WithSummary("Log hours worked on a day (whole quarter hours)")
            .Accepts<Request>("application/json")
            .Produces<Created>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner, Policy policy)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var date = v.Date(body.Date, "date");
        var minutes = Minutes.Check(v, body.Minutes, allowZero: false);
        if (v.Failed) return v.Problem();
        var command = new LogHours(id, Guid.CreateVersion7(), date, minutes);

        return await PlacementAccess.Run(runner, actor, id, http, async (ws, person, placement) =>
            Outcome.Of(PlacementDecisions.LogHours(person, placement, command, policy, runner.Clock.Today, await PlacementAccess.OfferEndsOn(ws, placement)),
                () => Results.Created($"/api/placements/{id}", new Created(command.EntryId))));
    }
}

public static class Minutes
{
    public static int Check(Checks v, int? minutes, bool allowZero)
    {
        if (minutes is null) { v.Add("minutes", "is required."); return 0; }
        // No upper bound here: an entry over the daily cap is the rule violation 422 daily-limit, as the contract says.
        if (minutes < 0 || (!allowZero && minutes == 0) || minutes % 15 != 0)
            v.Add("minutes", allowZero ? "must be 0 or a positive multiple of 15." : "must be a positive multiple of 15.");
        return minutes.Value;
    }
}
