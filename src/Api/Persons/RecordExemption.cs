using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Api.Persons;

/// <summary>A good reason not to work (§ 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII): the reason class and period, never a diagnosis.</summary>
public static class RecordExemptionEndpoint
{
    public sealed record Request(ExemptionReason? Reason, DateOnly? From, DateOnly? Until, string? Note);

    public sealed record Created(Guid ExemptionId);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/persons/{id:guid}/exemptions", Handle)
            .WithTags("Persons")
            .WithSummary("Record a good reason not to work (wichtiger Grund); no health details")
            .Accepts<Request>("application/json")
            .Produces<Created>(201)
            .ProducesValidationProblem()
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(422);

    public static async Task<IResult> Handle(Guid id, HttpContext http, CommandRunner runner)
    {
        var (actor, body, refused) = await Caller.ReadCommand<Request>(http, Roles.Caseworker);
        if (refused is not null) return refused;
        var v = new Checks();
        var command = new RecordExemption(id, Guid.CreateVersion7(), v.Required(body.Reason, "reason"), v.Date(body.From, "from"),
            body.Until is null ? null : v.Date(body.Until, "until"), v.OptionalText(body.Note, "note", 500));
        if (v.Failed) return v.Problem();

        return await runner.Run(actor, async ws =>
        {
            var person = await ws.LoadPerson(id);
            if (!PersonAccess.Visible(actor, person)) return Outcome.Stop(Problems.NotFound("person"));
            if (Preconditions.Check(http, person!.Revision) is { } stale) return Outcome.Stop(stale);
            return Outcome.Of(PersonDecisions.RecordExemption(person!, command),
                () => Results.Created($"/api/persons/{id}", new Created(command.ExemptionId)));
        }, http.RequestAborted);
    }
}
