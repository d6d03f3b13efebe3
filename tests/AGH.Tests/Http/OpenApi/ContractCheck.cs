using System.Text.Json.Nodes;

namespace AGH.Tests.Http.OpenApi;

/// <summary>
/// A validating proxy between every test client and the host: each answer of an /api route is checked against the
/// checked-in OpenAPI document (the status is documented for the operation, the content type is the documented one, and
/// a JSON body matches the documented schema: types, required and nullable fields, enums). A disagreement fails the test.
/// </summary>
public sealed class ContractCheck : DelegatingHandler
{
    private static readonly Lazy<JsonObject> Document = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "openapi", "agh-v1.json"))) dir = dir.Parent;
        return JsonNode.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "openapi", "agh-v1.json")))!.AsObject();
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return response;
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(ct);
        var problems = Check(request.Method.Method.ToLowerInvariant(), path, (int)response.StatusCode,
            response.Content?.Headers.ContentType?.MediaType, body).ToList();
        // The test that got an answer the document does not describe fails, naming the disagreement.
        if (problems.Count > 0)
            throw new Xunit.Sdk.XunitException($"The answer disagrees with openapi/agh-v1.json: {request.Method} {path} → {(int)response.StatusCode}: "
                + string.Join("; ", problems));
        return response;
    }

    public static IEnumerable<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        var operation = Find(method, path);
        if (operation is null)
        {
            // An unknown route or a route value of the wrong shape never reaches an operation.
            if (status is not (404 or 405)) yield return "no documented operation";
            yield break;
        }
        var responses = operation["responses"]!.AsObject();
        var documented = responses[status.ToString()] ?? responses["default"];
        if (documented is null)
        {
            yield return $"status not documented (documented: {string.Join(", ", responses.Select(r => r.Key))})";
            yield break;
        }
        var content = documented["content"]?.AsObject();
        if (content is null || body.Length == 0) yield break;
        if (mediaType is null || content[mediaType] is not { } media)
        {
            yield return $"content type {mediaType} not documented ({string.Join(", ", content.Select(c => c.Key))})";
            yield break;
        }
        if (!mediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not JsonObject schema) yield break;
        JsonNode? json;
        try { json = JsonNode.Parse(body); }
        catch (System.Text.Json.JsonException) { json = null; }
        foreach (var error in Validate(schema, json, "$")) yield return error;
    }

    private static JsonObject? Find(string method, string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        foreach (var (template, item) in Document.Value["paths"]!.AsObject())
        {
            var parts = template.Split('/');
            if (parts.Length != segments.Length) continue;
            if (parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second) && item![method] is JsonObject op) return op;
        }
        return null;
    }

    private static JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonValue r)
            schema = Document.Value["components"]!["schemas"]![r.GetValue<string>().Split('/').Last()]!.AsObject();
        return schema;
    }

    public static IEnumerable<string> Validate(JsonObject schema, JsonNode? value, string at)
    {
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        if (schema["allOf"] is JsonArray all)
        {
            if (value is null) { if (!nullable) yield return $"{at}: null where the document allows none"; yield break; }
            foreach (var part in all)
            foreach (var e in Validate(part!.AsObject(), value, at)) yield return e;
            yield break;
        }
        schema = Resolve(schema);
        nullable |= schema["nullable"]?.GetValue<bool>() == true;
        if (value is null)
        {
            if (!nullable && schema.Count > 0) yield return $"{at}: null where the document allows none";
            yield break;
        }
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object" when value is not JsonObject:
            case "array" when value is not JsonArray:
                yield return $"{at}: expected {type}";
                yield break;
            case "string" when value is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String:
                yield return $"{at}: expected string";
                yield break;
            case "integer" or "number" when value is not JsonValue n || n.GetValueKind() != System.Text.Json.JsonValueKind.Number:
                yield return $"{at}: expected {type}";
                yield break;
            case "boolean" when value is not JsonValue b || b.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False):
                yield return $"{at}: expected boolean";
                yield break;
        }
        if (schema["enum"] is JsonArray allowed && value is JsonValue ev && !allowed.Any(a => a?.ToJsonString() == ev.ToJsonString()))
            yield return $"{at}: {ev.ToJsonString()} is not one of the documented values";
        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required)
                foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
                    yield return $"{at}.{name}: required but missing";
            if (schema["properties"] is JsonObject props)
                foreach (var (name, child) in obj)
                    if (props[name] is JsonObject childSchema)
                        foreach (var e in Validate(childSchema, child, $"{at}.{name}")) yield return e;
        }
        if (value is JsonArray arr && schema["items"] is JsonObject items)
            for (var i = 0; i < arr.Count && i < 50; i++)
                foreach (var e in Validate(items, arr[i], $"{at}[{i}]")) yield return e;
    }
}
