using AGH.Api.Persons;
using AGH.Domain.Persons;
using JasperFx.Events;

namespace AGH.Api.Retention;

/// <summary>While a remedy is pending (Widerspruch, Klage), the person's data is held beyond the retention period.</summary>
[CaseworkerOrOfficial]
public static class PlaceLegalHoldEndpoint
{
    public sealed record Request([property: Required] string? Reason);

    public static (PlaceLegalHold?, ProblemDetails) Validate(Request? body, Guid id) => Parse.Body(body, (b, v) => new PlaceLegalHold(id, v.Text(b.Reason, "reason", 2000)));

    public static Decision Decide(PlaceLegalHold command, IEventStream<Person> stream) => PersonDecisions.PlaceLegalHold(stream.Aggregate!, command);

    [WolverinePost("/api/persons/{id}/legal-hold", OperationId = "placeLegalHold"), Tags("Data protection"), EndpointSummary("Hold the person's data while a remedy is pending (no erasure)")]
    [ProducesResponseType<PersonDto>(200)]
    public static IResult Handle(Request body, IEventStream<Person> stream, Decision decision, Clock clock) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today);
}
