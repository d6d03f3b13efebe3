using AGH.Api.Persons;
using AGH.Domain.Persons;
using JasperFx.Events;

namespace AGH.Api.Retention;

/// <summary>Placing and lifting a legal hold take the same body (why) and answer the person as it then stands.</summary>
public sealed record LegalHoldRequest([property: Required] string? Reason)
{
    public static (T?, ProblemDetails) Parse<T>(LegalHoldRequest? body, Func<string, T> command) where T : class =>
        Infrastructure.Parse.Body(body, (b, v) => command(v.Text(b.Reason, "reason", 2000)));

    public static IResult Answer(IEventStream<Person> stream, Decision decision, Clock clock) => PersonResults.Ok(stream.Aggregate!, decision, clock.Today);
}
