using AGH.Api.Infrastructure;
using AGH.Api.Persons;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Retention;

/// <summary>While a remedy is pending (Widerspruch, Klage), the person's data is held beyond the retention period.</summary>
public static class LegalHoldEndpoints
{
    public sealed record Request(string? Reason);

    private static readonly string[] Roles_ = [Roles.Caseworker, Roles.Official];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/persons/{id:guid}/legal-hold", (Guid id, HttpContext http, CommandRunner runner) =>
                Run(id, http, runner, (p, reason) => PersonDecisions.PlaceLegalHold(p, new PlaceLegalHold(id, reason))))
            .WithTags("Data protection")
            .WithSummary("Hold the person's data while a remedy is pending (no erasure)")
            .Accepts<Request>("application/json")
            .Produces<PersonDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/persons/{id:guid}/legal-hold/release", (Guid id, HttpContext http, CommandRunner runner) =>
                Run(id, http, runner, (p, reason) => PersonDecisions.LiftLegalHold(p, new LiftLegalHold(id, reason))))
            .WithTags("Data protection")
            .WithSummary("Lift the legal hold once the remedy is settled")
            .Accepts<Request>("application/json")
            .Produces<PersonDto>(200)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IResult> Run(Guid id, HttpContext http, CommandRunner runner, Func<Person, string, Decision> decide)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles_);
        if (refused is not null) return refused;
        var v = new Checks();
        var reason = v.Text(body.Reason, "reason", 2000);
        if (v.Failed) return v.Problem();
        return await runner.Run(actor, async ws =>
        {
            var person = await ws.LoadPerson(id);
            if (!PersonAccess.Visible(actor, person)) return Outcome.Stop(Problems.NotFound("person"));
            if (Preconditions.Check(http, person!.Revision) is { } stale) return Outcome.Stop(stale);
            var decision = decide(person, reason);
            return Outcome.Of(decision, () => Results.Ok(PersonDto.From(
                decision.Events.Aggregate(person, (p, e) => Person.Evolve(p, e.Event)!), runner.Clock.Today)));
        }, http.RequestAborted);
    }
}
