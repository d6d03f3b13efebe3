using AGH.Domain.Persons;
using JasperFx.Events;

namespace AGH.Api.Persons;

/// <summary>A good reason not to work (§ 5 Abs. 3 AsylbLG, § 11 Abs. 4 SGB XII): the reason class and period, never a diagnosis.</summary>
[Caseworker]
public static class RecordExemptionEndpoint
{
    public sealed record Request([property: Required] ExemptionReason? Reason, [property: Required] DateOnly? From, DateOnly? Until, string? Note);

    public sealed record Created(Guid ExemptionId);

    public static (RecordExemption?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) => new RecordExemption(id,
        Guid.CreateVersion7(), v.Required(b.Reason, "reason"), v.Date(b.From, "from"), b.Until is null ? null : v.Date(b.Until, "until"), v.OptionalText(b.Note, "note", 500)));

    public static Decision Decide(RecordExemption command, IEventStream<Person> stream) => PersonDecisions.RecordExemption(stream.Aggregate!, command);

    [WolverinePost("/api/persons/{id}/exemptions", OperationId = "recordExemption"), Tags("Persons"), EndpointSummary("Record a good reason not to work (wichtiger Grund); no health details")]
    [ProducesResponseType<Created>(201)]
    public static IResult Handle(Request body, RecordExemption command) => Results.Created($"/api/persons/{command.PersonId}", new Created(command.ExemptionId));
}
