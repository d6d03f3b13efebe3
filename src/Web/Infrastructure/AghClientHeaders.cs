namespace AGH.Web.Api;

/// <summary>What the generated client drops: list answers carry their total in X-Total-Count; the generated client hands us the response to read it.</summary>
public partial class AghClient
{
    public int? LastTotalCount { get; private set; }

    /// <summary>The ETag of the last resource read: a form sends it back as If-Match, so a change made meanwhile is not overwritten.</summary>
    public string? LastETag { get; private set; }

    partial void ProcessResponse(HttpClient client, HttpResponseMessage response)
    {
        LastTotalCount = response.Headers.TryGetValues("X-Total-Count", out var values) && int.TryParse(values.FirstOrDefault(), out var total)
            ? total : null;
        LastETag = response.Headers.ETag?.ToString();
    }
}
