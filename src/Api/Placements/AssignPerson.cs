using AGH.Api.Infrastructure;
using AGH.Api.Offers;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Api.Placements;

/// <summary>
/// Heranziehung (§ 5 Abs. 4 AsylbLG): the social office assigns an eligible person to a free place after serving the
/// assignment notice with the Rechtsfolgenbelehrung.
/// </summary>
public static class AssignPersonEndpoint
{
    public sealed record Request(Guid? PersonId, Guid? OfferId, DateOnly? NoticeServedOn, DateOnly? StartsOn, int? HoursPerWeek);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/placements", Handle)
            .WithTags("Placements")
            .WithSummary("Assign a person to an offer after the Heranziehungsbescheid was served")
            .Accepts<Request>("application/json")
            .Produces<CreatedId>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(HttpContext http, CommandRunner runner, Policy policy)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new AssignPerson(Guid.CreateVersion7(), v.Id(body.PersonId, "personId"), v.Id(body.OfferId, "offerId"),
            v.Date(body.NoticeServedOn, "noticeServedOn"), v.Date(body.StartsOn, "startsOn"), v.Range(body.HoursPerWeek, "hoursPerWeek", 1, 168));
        if (v.Failed) return v.Problem();

        return await runner.Run(actor, async ws =>
        {
            var person = await ws.LoadPerson(command.PersonId);
            if (!PersonAccess.Visible(actor, person)) return Outcome.Stop(Problems.NotFound("person"));
            var offer = await ws.LoadOffer(command.OfferId);
            if (offer is null) return Outcome.Stop(Problems.NotFound("offer"));
            return Outcome.Of(PlacementDecisions.Assign(offer, person!, command, policy, runner.Clock.Today),
                () => Results.Created($"/api/placements/{command.PlacementId}", new CreatedId(command.PlacementId)));
        }, http.RequestAborted);
    }
}
