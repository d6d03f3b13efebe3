namespace AGH.Api.Infrastructure;

/// <summary>The contract's Idempotency-Key: any string up to 200 characters; Wolverine stores and replays the answers.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>
    /// The key Wolverine stores an answer under: the caller's key together with the role and municipality the caller
    /// holds now (Wolverine adds the user id). A retry under other rights finds no stored answer and runs afresh, so
    /// its role check and the municipality's 404 answer it as they would any request: a stored answer is replayed only
    /// to the rights that earned it. Resources do not change municipality, and erasure forgets their answers.
    /// </summary>
    public static string WithRights(string key, Actor? actor) =>
        $"{actor?.Role?.Length ?? 0}:{actor?.Role}|{actor?.Municipality?.Length ?? 0}:{actor?.Municipality}|{key}";
}

/// <summary>
/// What every command body must be before an endpoint reads it: JSON, at most 1 MB. Checked up front so the answer is
/// the same problem+json whatever binds the body afterwards.
/// </summary>
public sealed class RequestShape(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments("/api") && Caller.HasSeveralRoles(http.User))
        {
            // Which of two roles the identity provider meant is not ours to guess.
            await Problems.Forbidden("The token carries more than one role claim.").Answer().ExecuteAsync(http);
            return;
        }
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments("/api"))
        {
            if (http.Request.ContentLength > RequestLimits.MaxBodyBytes)
            {
                await Problems.Create(413, "payload-too-large", "Payload too large", "Bodies are limited to 1 MB.").ExecuteAsync(http);
                return;
            }
            if (http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var key) && key.ToString().Length is 0 or > IdempotencyKey.MaxLength)
            {
                await new Checks().Add(IdempotencyKey.Header, $"must be 1 to {IdempotencyKey.MaxLength} characters.").Details().Answer().ExecuteAsync(http);
                return;
            }
            if (key.Count > 0) http.Request.Headers[IdempotencyKey.Header] = IdempotencyKey.WithRights(key.ToString(), Caller.ActorOf(http.User));
            var hasBody = http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0;
            if (hasBody && !IsJson(http.Request.ContentType))
            {
                await Problems.Create(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json.").ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    }

    private static bool IsJson(string? contentType) => contentType is { } ct &&
        (ct.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || ct.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Problems written by the framework (a body that is not valid JSON for the command) get the contract's shape: a
    /// stable <c>code</c>, and for 400 an <c>errors</c> map naming the field; never a .NET type name.
    /// </summary>
    public static void Normalize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem is HttpValidationProblemDetails || problem.Extensions.ContainsKey("code")) return;
        if (problem.Status == 422 && problem.Detail?.Contains(IdempotencyKey.Header, StringComparison.Ordinal) == true)
        {
            // Wolverine's answer to a key reused for another request, in the contract's words.
            problem.Type = Problems.TypePrefix + "idempotency-key-reused";
            problem.Title = "Idempotency key reused";
            problem.Detail = "This Idempotency-Key was already used by you for a different request.";
            problem.Extensions["code"] = "idempotency-key-reused";
            return;
        }
        if (problem.Status == 400)
        {
            var path = problem.Extensions.TryGetValue("path", out var p) && p is string s ? s : PathIn(problem.Detail);
            problem.Type = Problems.TypePrefix + "validation";
            problem.Title = "The request is invalid";
            problem.Detail = "The body is not valid JSON for this request, or a field has the wrong type.";
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [path] = ["is malformed or has the wrong type."] };
            problem.Extensions["code"] = "validation";
            return;
        }
        problem.Extensions["code"] = problem.Status switch
        {
            401 => "unauthorized", 403 => "forbidden", 404 => "not-found", 405 => "method-not-allowed", 413 => "payload-too-large",
            415 => "unsupported-media-type", _ => "error",
        };
        problem.Type ??= Problems.TypePrefix + problem.Extensions["code"];
    }

    // System.Text.Json names the place it failed as "Path: $.places | …".
    private static string PathIn(string? detail)
    {
        if (detail is null) return "$";
        var at = detail.IndexOf("Path: ", StringComparison.Ordinal);
        if (at < 0) return "$";
        var path = detail[(at + 6)..].Split(' ', '|')[0];
        return path is "" or "$" ? "$" : path.StartsWith("$.") ? path[2..] : path;
    }
}
