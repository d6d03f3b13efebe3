using System.Text.Json.Nodes;

namespace AGH.Tests.Http.OpenApi;

/// <summary>
/// Contract v3d: reasoning and stated reasons that go into a notice are flagged in the OpenAPI description ("appears in
/// the notice"). The list is what src/Api/Notices/*NoticeText.cs print from a request's text, the same fields the staff
/// app marks "erscheint im Bescheid" (NoticeMarkJourneyTests).
/// </summary>
public sealed class NoticeFlagTests
{
    private const string Flag = "appears in the notice";

    public static TheoryData<string, string> NoticeBound => new()
    {
        { "assignPerson", "reasoning" },                             // Heranziehungsbescheid: Begründung
        { "recordRefusal", "statedReason" },                         // Einschränkungsbescheid, Mitteilung: Tatbestand
        { "reportAbsence", "note" },                                 // becomes the refusal's statedReason (recordAbsenceRefusal)
        { "assessRefusal", "reasoning" },
        { "reassessRefusal", "reasoning" },
        { "holdHearing", "statement" },
        { "decideSanction", "reasoning" },
        { "decideSanction", "specialCircumstances.granted" },
        { "decideSanction", "specialCircumstances.reasoning" },
        { "decideSanction", "approvalNotice.discretionReasoning" },
        { "decideObjection", "reasoning" },                          // Abhilfe-/Widerspruchsbescheid
        { "reviewRestriction", "reasoning" },                        // Fortsetzungsbescheid
        { "reviewRestriction", "specialCircumstances.granted" },
        { "reviewRestriction", "specialCircumstances.reasoning" },
        { "reviewRestriction", "approvalNotice.discretionReasoning" },
        { "decidePlacementObjection", "reasoning" },
        { "orderImmediateEnforcement", "reasoning" },
        { "correctHours", "reason" },                                // Erstattungsbescheid
        { "hearRecovery", "statement" },
        { "decideRecovery", "reasoning" },
    };

    [Theory]
    [MemberData(nameof(NoticeBound))]
    public void A_request_text_that_reaches_a_notice_is_flagged(string operationId, string property)
    {
        var document = JsonNode.Parse(File.ReadAllText(CheckedInOpenApi.Path))!.AsObject();
        var schema = RequestSchema(document, operationId);
        JsonNode? node = null;
        foreach (var name in property.Split('.'))
        {
            node = Resolve(document, schema)["properties"]?[name];
            node.Should().NotBeNull($"{operationId}'s body has {property}");
            schema = node!;
        }
        var description = Descriptions(document, node!).ToList();
        description.Should().Contain(d => d.Contains(Flag, StringComparison.OrdinalIgnoreCase),
            $"{operationId}.{property} goes into a notice word for word; its description says so");
    }

    [Theory]
    [InlineData("dismissAbsenceReport", "reason")]     // never shown to anyone outside the office
    [InlineData("proposeSanction", "reasoning")]       // the official's decision reasoning is printed, not the proposal's
    [InlineData("rejectPayoutRun", "reason")]
    public void An_internal_text_is_not_flagged(string operationId, string property)
    {
        var document = JsonNode.Parse(File.ReadAllText(CheckedInOpenApi.Path))!.AsObject();
        var node = Resolve(document, RequestSchema(document, operationId))["properties"]?[property];
        node.Should().NotBeNull();
        Descriptions(document, node!).Should().NotContain(d => d.Contains(Flag, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonNode RequestSchema(JsonObject document, string operationId)
    {
        var operation = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => m.Value!))
            .SingleOrDefault(o => o["operationId"]?.GetValue<string>() == operationId);
        operation.Should().NotBeNull($"the document has the operation {operationId}");
        return operation!["requestBody"]!["content"]!["application/json"]!["schema"]!;
    }

    /// <summary>A schema behind its $ref, or the non-null branch of a nullable oneOf.</summary>
    private static JsonNode Resolve(JsonObject document, JsonNode schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
            return Resolve(document, document["components"]!["schemas"]![reference.Split('/')[^1]]!);
        if (schema["oneOf"] is JsonArray branches)
            return Resolve(document, branches.First(b => b!["type"]?.GetValue<string>() != "null")!);
        return schema;
    }

    /// <summary>The property's own description and those of the schemas it refers to.</summary>
    private static IEnumerable<string> Descriptions(JsonObject document, JsonNode property)
    {
        if (property["description"]?.GetValue<string>() is { } own) yield return own;
        if (property["items"] is { } items && items["description"]?.GetValue<string>() is { } item) yield return item;
    }
}
