using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Persons;

/// <summary>The AsylbLG entitlement ended; an active placement ends at once with reason entitlement-ended.</summary>
public static class EndEntitlementEndpoint
{
    public sealed record Request(DateOnly? Date, string? Reason);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/persons/{id:guid}/entitlement-end", Handle)
            .WithTags("Persons")
            .WithSummary("Record the end of the AsylbLG entitlement (Ende der Leistungsberechtigung)")
            .Accepts<Request>("application/json")
            .Produces<PersonDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new EndEntitlement(id, v.Date(body.Date, "date"), v.Text(body.Reason, "reason", 1000));
        if (v.Failed) return v.Problem();

        return await runner.Run(actor, async ws =>
        {
            var person = await ws.LoadPerson(id);
            if (!PersonAccess.Visible(actor, person)) return Outcome.Stop(Problems.NotFound("person"));
            if (Preconditions.Check(http, person!.Revision) is { } stale) return Outcome.Stop(stale);
            var decision = PersonDecisions.EndEntitlement(person!, command, runner.Clock.Today);
            return Outcome.Of(decision, () =>
            {
                var after = decision.Events.Where(e => e.StreamId == id).Aggregate(person!, (p, e) => Person.Evolve(p, e.Event)!);
                return Results.Ok(PersonDto.From(after, runner.Clock.Today));
            });
        }, http.RequestAborted);
    }
}
