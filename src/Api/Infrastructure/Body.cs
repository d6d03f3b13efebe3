using System.Text.Json;

namespace AGH.Api.Infrastructure;

/// <summary>Reads a JSON body ourselves so malformed JSON, wrong types and oversized bodies get a problem response.</summary>
public static class Body
{
    public static async Task<(T? Value, IResult? Problem)> Read<T>(HttpRequest request) where T : class
    {
        if (request.ContentType is not { } ct || !ct.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            && !ct.Contains("+json", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.Create(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json."));
        if (request.ContentLength > RequestLimits.MaxBodyBytes)
            return (null, Problems.Create(413, "payload-too-large", "Payload too large", "Bodies are limited to 1 MB."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Json.Options, request.HttpContext.RequestAborted);
            if (value is null)
                return (null, new Checks().Add("$", "A JSON object is required.").Details().Answer());
            return (value, null);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "$" : e.Path.StartsWith("$.") ? e.Path[2..] : e.Path;
            return (null, new Checks().Add(path, "is malformed or has the wrong type.").Details().Answer());
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Create(413, "payload-too-large", "Payload too large", "Bodies are limited to 1 MB."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.Create(e.StatusCode, "bad-request", "Bad request", "The request body could not be read."));
        }
    }
}
