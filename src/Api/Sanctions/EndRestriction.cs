using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>Proportionality: the restriction ends early once its ground is gone (§ 9 Abs. 4 AsylbLG with § 48 SGB X).</summary>
public static class EndRestrictionEndpoint
{
    public sealed record Request(DateOnly? Date, RestrictionEndReason? Reason, string? Reasoning);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/restriction/end", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("End a restriction early (Aufhebung der Anspruchseinschränkung)")
            .WithDescription("The person fulfils the duty again (duty-fulfilled), declares in earnest to do so while no place is free "
                + "(willing-no-place), or the duty lapsed (duty-lapsed). date is the last restricted day. 409 restriction-not-in-force; "
                + "422 date-in-future; 422 end-before-start.")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new EndRestriction(id, v.Date(body.Date, "date"), v.Required(body.Reason, "reason"), v.Text(body.Reasoning, "reasoning", 8000),
            actor.UserId);
        if (v.Failed) return v.Problem();

        return await SanctionAccess.Run(runner, actor, id, http, person => SanctionDecisions.EndRestriction(person, command, runner.Clock.Today));
    }
}
