namespace AGH.Api.Infrastructure;

/// <summary>Something ends on a day, for a reason (an offer withdrawn, an entitlement ended).</summary>
public sealed record DatedReasonRequest([property: Required] DateOnly? Date, [property: Required] string? Reason)
{
    public static (T?, ProblemDetails) Parse<T>(DatedReasonRequest? body, Func<DateOnly, string, T> command) where T : class =>
        Infrastructure.Parse.Body(body, (b, v) => command(v.Date(b.Date, "date"), v.Text(b.Reason, "reason", 1000)));
}
