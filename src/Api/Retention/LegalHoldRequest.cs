namespace AGH.Api.Retention;

// The body of placing and of lifting a legal hold: the reason (a comment, not a summary: the schema carries no description).
public sealed record LegalHoldRequest([property: Required] string? Reason)
{
    public static (T?, ProblemDetails) Parse<T>(LegalHoldRequest? body, Func<string, T> command) where T : class =>
        Infrastructure.Parse.Body(body, (b, v) => command(v.Text(b.Reason, "reason", 2000)));
}
