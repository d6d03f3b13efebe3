namespace AGH.Web.Api;

/// <summary>A resource as read, with the ETag it was read at: a form sends that back as If-Match, so a change made meanwhile is not overwritten.</summary>
public sealed record Tagged<T>(T Value, string? ETag);

/// <summary>What the generated client drops: list answers carry their total in X-Total-Count; the generated client hands us the response to read it.</summary>
public partial class AghClient
{
    private string? _etag;

    public int? LastTotalCount { get; private set; }

    /// <summary>One read with the ETag of its own answer (the generated methods return only the body).</summary>
    public async Task<Tagged<T>> Tagged<T>(Func<AghClient, Task<T>> read)
    {
        _etag = null;
        var value = await read(this);
        return new Tagged<T>(value, _etag);
    }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        LastTotalCount = response.Headers.TryGetValues("X-Total-Count", out var values) && int.TryParse(values.FirstOrDefault(), out var total)
            ? total : null;
        _etag = response.Headers.ETag?.ToString();
    }
}
