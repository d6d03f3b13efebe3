using System.Text.Json.Nodes;

namespace AGH.Tests.Http.OpenApi;

/// <summary>
/// A validating proxy between every test client and the host: each answer of an /api route is checked against the
/// checked-in OpenAPI document (the status is documented for the operation, the content type is the documented one, and
/// a JSON body matches the documented schema as JSON Schema 2020-12 reads it: types, null only where a type names it,
/// required fields, enums). A disagreement fails the test.
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
        // As the router does: a literal segment wins over a parameter (/api/recoveries/export before /api/recoveries/{id}),
        // whatever order the document lists the paths in.
        return Document.Value["paths"]!.AsObject()
            .Select(p => (Parts: p.Key.Split('/'), Item: p.Value))
            .Where(p => p.Parts.Length == segments.Length
                && p.Parts.Zip(segments).All(x => x.First.StartsWith('{') || x.First == x.Second)
                && p.Item![method] is JsonObject)
            .OrderByDescending(p => p.Parts.Count(x => !x.StartsWith('{')))
            .Select(p => (JsonObject)p.Item![method]!)
            .FirstOrDefault();
    }

    private static JsonObject Resolve(string reference) =>
        Document.Value["components"]!["schemas"]![reference.Split('/').Last()]!.AsObject();

    /// <summary>
    /// JSON Schema 2020-12 as OpenAPI 3.1 uses it, for the keywords the document contains: <c>$ref</c>, <c>allOf</c>,
    /// <c>oneOf</c>, <c>anyOf</c>, <c>type</c> (one name or a list, <c>null</c> among them), <c>enum</c>, <c>required</c>,
    /// <c>properties</c>, <c>items</c>. A value is null only where a <c>type</c> names <c>null</c> (or no type constrains
    /// it); 3.0's <c>nullable</c> means nothing here, as it means nothing to a strict 3.1 validator.
    /// </summary>
    public static IEnumerable<string> Validate(JsonObject schema, JsonNode? value, string at)
    {
        if (schema["$ref"] is JsonValue r)
            foreach (var e in Validate(Resolve(r.GetValue<string>()), value, at)) yield return e;
        if (schema["allOf"] is JsonArray all)
            foreach (var part in all)
            foreach (var e in Validate(part!.AsObject(), value, at)) yield return e;
        if (schema["oneOf"] is JsonArray one)
        {
            var results = one.Select(part => Validate(part!.AsObject(), value, at).ToList()).ToList();
            var matching = results.Count(errors => errors.Count == 0);
            if (matching != 1)
                yield return value is null && matching == 0 ? $"{at}: null where the document allows none"
                    : $"{at}: matches {matching} of the {one.Count} oneOf schemas ({string.Join("; ", results.SelectMany(x => x).Take(3))})";
        }
        if (schema["anyOf"] is JsonArray any)
        {
            var results = any.Select(part => Validate(part!.AsObject(), value, at).ToList()).ToList();
            if (results.All(errors => errors.Count > 0))
                yield return value is null ? $"{at}: null where the document allows none"
                    : $"{at}: matches none of the anyOf schemas ({string.Join("; ", results.SelectMany(x => x).Take(3))})";
        }

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
            JsonValue single => [single.GetValue<string>()],
            _ => null,
        };
        if (types is not null && !types.Any(t => HasType(t, value)))
        {
            yield return value is null ? $"{at}: null where the document allows none" : $"{at}: expected {string.Join(" or ", types)}";
            yield break;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            yield return $"{at}: {value?.ToJsonString() ?? "null"} is not one of the documented values";
        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required)
                foreach (var name in required.Select(n => n!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
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

    private static bool HasType(string type, JsonNode? value) => (type, value?.GetValueKind()) switch
    {
        ("null", null) => true,
        ("object", System.Text.Json.JsonValueKind.Object) => true,
        ("array", System.Text.Json.JsonValueKind.Array) => true,
        ("string", System.Text.Json.JsonValueKind.String) => true,
        ("number", System.Text.Json.JsonValueKind.Number) => true,
        ("integer", System.Text.Json.JsonValueKind.Number) => value!.AsValue().TryGetValue<long>(out _),
        ("boolean", System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False) => true,
        _ => false,
    };
}
