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
            ["hoursPerWeek"] = 10, ["minutesLogged"] = 0, ["hours"] = new JsonArray(), ["refusals"] = new JsonArray(),
            ["sanctionProposals"] = new JsonArray(), ["endedOn"] = null, ["endReason"] = null, ["noticeVersion"] = null,
        };
        ContractCheck.Check("get", $"/api/placements/{Guid.NewGuid()}", 200, "application/json", placement.ToJsonString()).Should().BeEmpty();
        placement["municipality"] = null;
        ContractCheck.Check("get", $"/api/placements/{Guid.NewGuid()}", 200, "application/json", placement.ToJsonString())
            .Should().ContainSingle().Which.Should().Contain("$.municipality: null");
    }
}
