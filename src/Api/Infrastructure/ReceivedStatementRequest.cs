namespace AGH.Api.Infrastructure;

/// <summary>
/// A remedy the person lodged in writing, as received (a Widerspruch against an assignment, an application for review
/// of a restriction): the day it came in and what it says.
/// </summary>
public sealed record ReceivedStatementRequest([property: Required] DateOnly? ReceivedOn, [property: Required] string? Statement)
{
    public static (T?, ProblemDetails) Parse<T>(ReceivedStatementRequest? body, Func<DateOnly, string, T> command) where T : class =>
        Infrastructure.Parse.Body(body, (b, v) => command(v.Date(b.ReceivedOn, "receivedOn"), v.Text(b.Statement, "statement", 8000)));
}
