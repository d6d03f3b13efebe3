namespace AGH.Api.Infrastructure;

/// <summary>
/// A request body into its domain command: a missing body (JSON <c>null</c> or nothing) and every field that fails its
/// check are one 400 with the fields named; otherwise the command goes on to the next step.
/// </summary>
public static class Parse
{
    public static (T?, ProblemDetails) Body<TBody, T>(TBody? body, Func<TBody, Checks, T> parse) where TBody : class where T : class
    {
        var v = new Checks();
        if (body is null) return (null, v.Add("$", "A JSON object is required.").Details());
        var command = parse(body, v);
        return v.Failed ? (null, v.Details()) : (command, WolverineContinue.NoProblems);
    }

    /// <summary>For a body that is decided on as it is: only its checks.</summary>
    public static ProblemDetails Check<TBody>(TBody? body, Action<TBody, Checks> check) where TBody : class
    {
        var v = new Checks();
        if (body is null) return v.Add("$", "A JSON object is required.").Details();
        check(body, v);
        return v.Details();
    }
}
