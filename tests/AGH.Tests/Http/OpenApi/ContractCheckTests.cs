using System.Text.Json.Nodes;

namespace AGH.Tests.Http.OpenApi;

/// <summary>The validating proxy finds what it must: otherwise a suite without disagreements would prove nothing.</summary>
public class ContractCheckTests
{
    [Fact]
    public void An_undocumented_status_is_a_disagreement() =>
        ContractCheck.Check("post", "/api/payout-runs", 418, "application/problem+json", "{}").Should().ContainSingle()
            .Which.Should().Contain("status not documented");

    [Fact]
    public void A_missing_required_field_a_wrong_type_and_an_unknown_enum_value_are_disagreements()
    {
        var body = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["month"] = "2026-11", ["status"] = "paid", ["preparedBy"] = 7,
        }.ToJsonString();
        var problems = ContractCheck.Check("get", $"/api/payout-runs/{Guid.NewGuid()}", 200, "application/json", body).ToList();
        problems.Should().Contain(p => p.Contains("$.lines: required but missing"));
        problems.Should().Contain(p => p.Contains("$.preparedBy: expected string"));
        problems.Should().Contain(p => p.Contains("$.status: \"paid\" is not one of the documented values"));
    }

    [Fact]
    public void Null_is_a_disagreement_only_where_the_document_forbids_it()
    {
        var placement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["personId"] = Guid.NewGuid().ToString(), ["offerId"] = Guid.NewGuid().ToString(),
            ["municipality"] = "belm", ["status"] = "active", ["noticeServedOn"] = "2026-11-01", ["startsOn"] = "2026-11-02",
            ["hoursPerWeek"] = 10, ["minutesLogged"] = 0, ["hours"] = new JsonArray(), ["hoursTotal"] = 0, ["refusals"] = new JsonArray(),
            ["sanctionProposals"] = new JsonArray(), ["endedOn"] = null, ["endReason"] = null, ["noticeVersion"] = null,
            ["dailyLimitMinutes"] = 480, ["weeklyLimitMinutes"] = 1200, ["objection"] = null, ["noticeId"] = Guid.NewGuid().ToString(),
            ["until"] = null, ["schedule"] = null, ["reasoning"] = null, ["informationLanguage"] = null,
        };
        ContractCheck.Check("get", $"/api/placements/{Guid.NewGuid()}", 200, "application/json", placement.ToJsonString()).Should().BeEmpty();
        placement["municipality"] = null;
        ContractCheck.Check("get", $"/api/placements/{Guid.NewGuid()}", 200, "application/json", placement.ToJsonString())
            .Should().ContainSingle().Which.Should().Contain("$.municipality: null");
    }
    /// <summary>
    /// Spec semantics on schemas of their own: null passes only where a type names it (directly or in one branch of a
    /// oneOf); 3.0's <c>nullable</c> beside an <c>allOf</c> lets nothing through, as strict validators read it.
    /// </summary>
    [Fact]
    public void The_validator_reads_null_as_json_schema_does()
    {
        var schema = JsonNode.Parse("""
            { "type": "object", "required": ["name"], "properties": {
                "name": { "type": "string" },
                "note": { "type": ["string", "null"] },
                "reason": { "oneOf": [ { "type": "string", "enum": ["illness", "other"] }, { "type": "null" } ] },
                "legacy": { "type": "object", "nullable": true, "allOf": [ { "type": "object" } ] } } }
            """)!.AsObject();
        IEnumerable<string> Check(string json) => ContractCheck.Validate(schema, JsonNode.Parse(json), "$");

        Check("""{ "name": "a", "note": null, "reason": null }""").Should().BeEmpty();
        Check("""{ "name": "a", "note": "n", "reason": "illness", "legacy": {} }""").Should().BeEmpty();
        Check("""{ "name": null }""").Should().ContainSingle().Which.Should().Be("$.name: null where the document allows none");
        Check("""{ "name": "a", "legacy": null }""").Should().NotBeEmpty().And.OnlyContain(e => e == "$.legacy: null where the document allows none");
        Check("""{ "name": "a", "reason": "holiday" }""").Should().ContainSingle().Which.Should().Contain("$.reason: matches 0");
        Check("""{ "name": "a", "note": 7 }""").Should().ContainSingle().Which.Should().Be("$.note: expected string or null");
    }

    /// <summary>The service's own nulls (no restriction, objection, hearing, assessment yet) are allowed by the document.</summary>
    [Fact]
    public void The_documents_nullable_references_accept_null_and_their_type_but_nothing_else()
    {
        var proposal = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["personId"] = Guid.NewGuid().ToString(), ["placementId"] = Guid.NewGuid().ToString(),
            ["refusalId"] = Guid.NewGuid().ToString(), ["reasoning"] = "r", ["proposedBy"] = "cw", ["status"] = "pending",
            ["decision"] = null, ["restriction"] = null, ["objection"] = null, ["objections"] = new JsonArray(),
        };
        var url = $"/api/sanction-proposals/{Guid.NewGuid()}";
        ContractCheck.Check("get", url, 200, "application/json", proposal.ToJsonString())
            .Where(p => p.Contains("restriction") || p.Contains("objection")).Should().BeEmpty();
        proposal["restriction"] = "in-force";
        ContractCheck.Check("get", url, 200, "application/json", proposal.ToJsonString())
            .Should().Contain(p => p.StartsWith("$.restriction: matches 0"));
    }
}
