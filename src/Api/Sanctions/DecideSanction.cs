using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// An authorised official decides a proposal. An approval restricts benefits to § 1a Abs. 1 AsylbLG for six months
/// (§ 14 Abs. 1 AsylbLG) from a day not before the decision; the proposer can never decide their own proposal.
/// </summary>
public static class DecideSanctionEndpoint
{
    public sealed record Request(bool? Approved, string? Reasoning, DateOnly? StartsOn);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/decision", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Decide a sanction proposal (Entscheidung über die Anspruchseinschränkung)")
            .WithDescription("403 four-eyes for the proposer; 409 already-decided; 422 starts-on-in-past (§§ 41, 43 VwVfG: never backwards); "
                + "409 restriction-overlaps with another restriction of the person in force.")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var approved = v.Required(body.Approved, "approved");
        var reasoning = v.Text(body.Reasoning, "reasoning", 8000);
        DateOnly? startsOn = body.StartsOn is null ? null : v.Date(body.StartsOn, "startsOn");
        if (approved && startsOn is null) v.Add("startsOn", "is required when approved is true.");
        if (v.Failed) return v.Problem();
        var command = new DecideSanction(id, approved, reasoning, startsOn, actor.UserId);

        return await SanctionAccess.Run(runner, actor, id, http, person => SanctionDecisions.Decide(person, command, runner.Clock.Today));
    }
}
