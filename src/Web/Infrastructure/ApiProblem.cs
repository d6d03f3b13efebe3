using System.Text.Json;
using AGH.Web.Api;

namespace AGH.Web.Infrastructure;

/// <summary>An RFC 9457 answer of the API, read from the generated client's exception.</summary>
public sealed record ApiProblem(int Status, string? Code, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static ApiProblem From(AghApiException e)
    {
        string? code = null, title = null, detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(e.Response) ? "{}" : e.Response);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = Text(root, "code");
                title = Text(root, "title");
                detail = Text(root, "detail");
                if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
                    foreach (var field in map.EnumerateObject())
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? field.Value.EnumerateArray().Select(x => x.ToString()).ToArray()
                            : [field.Value.ToString()];
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, say): the status alone speaks.
        }
        return new ApiProblem(e.StatusCode, code, title, detail, errors);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The problem in plain German: the stable code's text, else the status's.</summary>
    public string Message => ProblemTexts.For(this);
}
