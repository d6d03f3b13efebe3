using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Sanctions;

namespace AGH.Api.Sanctions;

/// <summary>
/// § 14 Abs. 2 AsylbLG: before six months have passed the official reviews the restriction: it continues for six more
/// months only after a new hearing and while the breach persists, otherwise it ends as planned.
/// </summary>
public static class ReviewRestrictionEndpoint
{
    public sealed record Request(bool? ContinueRestriction, string? Reasoning, DateOnly? HearingHeldOn);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/sanction-proposals/{id:guid}/review", Handle)
            .WithTags("Refusals and sanctions")
            .WithSummary("Review a restriction after six months (Überprüfung nach § 14 Abs. 2 AsylbLG)")
            .WithDescription("continueRestriction true continues it for six months from the day after endsOn (not before today); it needs "
                + "hearingHeldOn after the restriction began (422 hearing-required) and a persisting breach (422 breach-ended). "
                + "409 already-reviewed for the same period; 409 restriction-not-in-force.")
            .Accepts<Request>("application/json")
            .Produces<SanctionProposalDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Official);
        if (refused is not null) return refused;
        var v = new Checks();
        var continues = v.Required(body.ContinueRestriction, "continueRestriction");
        var reasoning = v.Text(body.Reasoning, "reasoning", 8000);
        DateOnly? heard = body.HearingHeldOn is null ? null : v.Date(body.HearingHeldOn, "hearingHeldOn");
        if (v.Failed) return v.Problem();
        var command = new ReviewRestriction(id, continues, reasoning, heard, actor.UserId);

        return await SanctionAccess.Run(runner, actor, id, http, person => SanctionDecisions.Review(person, command, runner.Clock.Today));
    }
}
