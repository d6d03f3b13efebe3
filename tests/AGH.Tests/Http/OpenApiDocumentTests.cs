using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AGH.Tests.Http;

/// <summary>The served OpenAPI document is what the municipalities generate their clients from: it must be exact.</summary>
[Collection(HttpCollection.Name)]
public sealed class OpenApiDocumentTests(AghFactory factory) : HttpTest(factory)
{
    private async Task<(JsonNode Doc, string Text)> Document()
    {
        var text = await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        return (JsonNode.Parse(text)!, text);
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode doc) =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public async Task Every_operation_has_a_unique_camelCase_operationId_named_after_its_use_case()
    {
        var (doc, _) = await Document();
        var ids = Operations(doc).Select(o => (o.Path, o.Method, Id: o.Operation["operationId"]?.GetValue<string>())).ToList();
        ids.Should().HaveCountGreaterThan(30);
        ids.Where(i => i.Id is null || !Regex.IsMatch(i.Id, "^[a-z][a-zA-Z0-9]*$"))
            .Should().BeEmpty("every operation needs a camelCase operationId");
        ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty("operationIds are unique");
        string Id(string path, string method) => ids.Single(i => i.Path == path && i.Method == method).Id!;
        Id("/api/placements", "post").Should().Be("assignPerson");
        Id("/api/payout-runs", "post").Should().Be("preparePayoutRun");
        Id("/api/offers/{id}/places", "post").Should().Be("changeOfferPlaces");
        Id("/api/persons/{id}/history", "get").Should().Be("getPersonHistory");
        Id("/api/restrictions/due-for-review", "get").Should().Be("listRestrictionsDueForReview");
    }

    [Fact]
    public async Task Every_api_operation_documents_401_429_500_and_503_and_every_error_as_problem_json()
    {
        var (doc, _) = await Document();
        foreach (var (path, method, op) in Operations(doc))
        {
            var responses = op["responses"]!.AsObject();
            if (path.StartsWith("/api/"))
            {
                responses.ContainsKey("401").Should().BeTrue($"{method} {path} answers 401 without a token");
                responses.ContainsKey("429").Should().BeTrue($"{method} {path} answers 429 to too many requests without a valid token");
                responses.ContainsKey("500").Should().BeTrue($"{method} {path} answers 500 internal-error on an unexpected failure");
                responses.ContainsKey("503").Should().BeTrue($"{method} {path} answers 503 while the database is away");
                if (op["requestBody"] is not null)
                    responses.Select(r => r.Key).Should().Contain(["400", "413", "415"], $"{method} {path} takes a body");
                if (path.Contains("{id}")) responses.ContainsKey("404").Should().BeTrue($"{method} {path} has an id");
            }
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var schema = response!["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
                schema.Should().Be(status == "400" ? "#/components/schemas/HttpValidationProblemDetails" : "#/components/schemas/ProblemDetails",
                    $"{status} of {method} {path} is problem+json");
            }
            responses.Select(r => r.Key).Should().Contain(k => k[0] == '2', $"{method} {path} documents its success");
        }
        doc["components"]!["schemas"]!["HttpValidationProblemDetails"]!["properties"]!.AsObject().ContainsKey("errors").Should().BeTrue();
        doc["paths"]!["/api/offers/{id}/places"]!["post"]!["responses"]!.AsObject().ContainsKey("412").Should().BeTrue("If-Match applies");
    }

    /// <summary>
    /// OpenAPI 3.1 (JSON Schema 2020-12) says where null is allowed: a type list naming "null", or a oneOf with a branch
    /// of type null. 3.0's <c>nullable</c> does not occur (a strict validator ignored it beside allOf).
    /// </summary>
    private static bool Nullable(JsonNode doc, string schema, string property)
    {
        var field = doc["components"]!["schemas"]![schema]!["properties"]![property]!;
        return field["type"] is JsonArray types && types.Any(t => t!.GetValue<string>() == "null")
            || field["oneOf"] is JsonArray branches && branches.Any(b => b!["type"]?.GetValue<string>() == "null");
    }

    [Fact]
    public async Task Nullable_fields_are_nullable_and_the_others_are_not()
    {
        var (doc, text) = await Document();
        doc["openapi"]!.GetValue<string>().Should().StartWith("3.1.");
        text.Should().NotContain("\"nullable\"", "3.1 writes null as a type");
        var schemas = doc["components"]!["schemas"]!;
        bool Nullable(string schema, string property) => OpenApiDocumentTests.Nullable(doc, schema, property);
        Nullable("PlacementDto", "endReason").Should().BeTrue();
        Nullable("PersonDto", "restriction").Should().BeTrue();
        Nullable("RefusalDto", "assessment").Should().BeTrue();
        Nullable("RefusalDto", "hearing").Should().BeTrue();
        Nullable("AssessmentDto", "reason").Should().BeTrue();
        Nullable("OfferDto", "endsOn").Should().BeTrue();
        Nullable("OfferDto", "title").Should().BeFalse();
        Nullable("PlacementDto", "status").Should().BeFalse();
        Nullable("SanctionProposalDto", "restriction").Should().BeTrue();
        Nullable("SanctionProposalDto", "objection").Should().BeTrue();
        Nullable("PlacementDto", "municipality").Should().BeFalse();
        // A nullable reference keeps its type: the reference, or null.
        schemas["PersonDto"]!["properties"]!["restriction"]!["oneOf"]![0]!["$ref"]!.GetValue<string>()
            .Should().Be("#/components/schemas/RestrictionDto");
        // An answer always carries every field (null included): a strict client may rely on that.
        schemas["PlacementDto"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain(["endReason", "status", "id"]);
        schemas["EndReason"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Contain("regular-employment");
    }

    [Fact]
    public async Task Request_bodies_name_their_required_fields_and_the_main_ones_show_an_example()
    {
        var (doc, _) = await Document();
        var schemas = doc["components"]!["schemas"]!;
        foreach (var (path, method, op) in Operations(doc).Where(o => o.Method == "post" && o.Operation["requestBody"] is not null))
        {
            var reference = op["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            var schema = schemas[reference.Split('/').Last()]!;
            schema["required"].Should().NotBeNull($"{method} {path} names its required fields");
            schema["required"]!.AsArray().Should().NotBeEmpty($"{method} {path} has required fields");
        }
        string[] Required(string schema) => schemas[schema]!["required"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        // Contract v3a: noticeServedOn only for a notice served outside the service.
        Required("AssignPersonRequest").Should().BeEquivalentTo(["personId", "offerId", "startsOn", "hoursPerWeek"]);
        Required("RegisterOfferRequest").Should().NotContain("endsOn").And.Contain(["title", "servesPublicBenefit"]);
        Nullable(doc, "RegisterOfferRequest", "endsOn").Should().BeTrue();
        foreach (var name in new[] { "RegisterOfferRequest", "RegisterPersonRequest", "AssignPersonRequest", "LogHoursRequest", "RecordRefusalRequest", "PreparePayoutRunRequest" })
            schemas[name]!["examples"]!.AsArray().Should().ContainSingle($"{name} is a main body");
        var assign = doc["paths"]!["/api/placements"]!["post"]!;
        assign["description"]!.GetValue<string>().Should().Contain("Heranziehungsbescheid");
        assign["x-legal-basis"]!.GetValue<string>().Should().Be(AGH.Domain.Common.LegalBasis.Assignment);
    }

    [Fact]
    public async Task The_document_names_a_server_and_explains_the_domain_in_German()
    {
        var (doc, _) = await Document();
        doc["servers"]!.AsArray().Should().NotBeEmpty();
        doc["servers"]![0]!["url"]!.GetValue<string>().Should().Be("/");
        doc["info"]!["description"]!.GetValue<string>().Should().Contain("Heranziehungsbescheid").And.Contain("§ 5 Abs. 2 AsylbLG");
        doc["tags"]!.AsArray().Should().OnlyContain(t => !string.IsNullOrWhiteSpace(t!["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error_in_the_served_document()
    {
        var (_, text) = await Document();
        var root = PgCluster.RepoRoot() ?? throw new InvalidOperationException("repository root (AGH.sln) not found");
        var results = Path.Combine(root, "TestResults");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, "openapi.json");
        await File.WriteAllTextAsync(file, text);

        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "redocly.sh"), "lint", file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        process.ExitCode.Should().Be(0, output);
        output.Should().NotContain("operation-operationId");
        output.Should().Contain("valid");
    }
}
