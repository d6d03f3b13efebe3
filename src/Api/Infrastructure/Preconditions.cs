using Microsoft.Net.Http.Headers;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Optimistic concurrency over HTTP: GET answers an ETag with the stream revision; a command sent with If-Match that no
/// longer matches is refused with 412 before anything is decided or stored.
/// </summary>
public static class Preconditions
{
    public static string ETagFor(long revision) => $"\"{revision}\"";

    public static void SetETag(HttpContext http, long revision) => http.Response.Headers.ETag = ETagFor(revision);

    /// <summary>412 when If-Match names another revision; null when it matches or is absent.</summary>
    public static ProblemDetails? Check(HttpContext http, long revision)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0) return null;
        if (EntityTagHeaderValue.TryParseList(header, out var tags) &&
            tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == ETagFor(revision)))
            return null;
        return Problems.Details(412, "precondition-failed", "Precondition failed",
            $"The resource has changed (current ETag {ETagFor(revision)}); reload it and decide again.");
    }
}
