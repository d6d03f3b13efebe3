using System.Text.Json.Nodes;

namespace AGH.Tests.Http;

/// <summary>Art. 15 DSGVO: the export lists every access to the person's data; who accessed it only for an auditor.</summary>
[Collection(HttpCollection.Name)]
public sealed class PersonExportTests(AghFactory factory) : HttpTest(factory)
{
    private static JsonArray AccessLog(JsonNode export) => export["accessLog"]!.AsArray();

    private static string[] Purposes(JsonNode export) => AccessLog(export).Select(e => e!["purpose"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_caseworkers_export_shows_when_and_what_was_accessed_but_not_who()
    {
        var cw = await Caseworker("glandorf", "sb-glandorf-export");
        var person = await NewPerson(cw, "glandorf");
        await GetOk(await As("auditor", userId: "rpa-export-1"), $"/api/persons/{person}/history");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await GetOk(cw, $"/api/persons/{person}/history");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var exportedAt = Factory.Time.GetUtcNow();

        var export = await GetOk(cw, $"/api/persons/{person}/export");

        Purposes(export).Should().Equal("history", "history", "export");
        foreach (var entry in AccessLog(export))
        {
            entry!["at"]!.GetValue<DateTimeOffset>().Should().BeOnOrBefore(exportedAt);
            entry["recordedAt"]!.GetValue<DateTimeOffset>().Should().Be(entry["at"]!.GetValue<DateTimeOffset>());
            entry["actor"].Should().BeNull("the staff's identities are not the person's data (CJEU C-579/21)");
        }
        AccessLog(export)[2]!["at"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(exportedAt, TimeSpan.FromSeconds(1), "the export itself is recorded");
        export.ToJsonString().Should().NotContain("rpa-export-1").And.NotContain("Test rpa-export-1");

        var log = (await GetOk(await As("auditor"), $"/api/persons/{person}/access-log")).AsArray();
        log.Select(e => e!["purpose"]!.GetValue<string>()).Should().Equal("history", "history", "export");
        log[2]!["actor"]!["userId"]!.GetValue<string>().Should().Be("sb-glandorf-export");
    }

    [Fact]
    public async Task An_auditors_export_also_shows_who_accessed_the_data()
    {
        var cw = await Caseworker("glandorf", "sb-glandorf-export2");
        var person = await NewPerson(cw, "glandorf");
        await GetOk(cw, $"/api/persons/{person}/history");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await GetOk(cw, $"/api/persons/{person}/export");
        Factory.Time.Advance(TimeSpan.FromSeconds(1));

        var export = await GetOk(await As("auditor", userId: "rpa-export-2"), $"/api/persons/{person}/export");

        Purposes(export).Should().Equal("history", "export", "export");
        var who = AccessLog(export).Select(e => e!["actor"]!).ToList();
        who[0]["userId"]!.GetValue<string>().Should().Be("sb-glandorf-export2");
        who[0]["name"]!.GetValue<string>().Should().Be("Test sb-glandorf-export2");
        who[0]["role"]!.GetValue<string>().Should().Be("caseworker");
        who[0]["municipality"]!.GetValue<string>().Should().Be("glandorf");
        who[1]["userId"]!.GetValue<string>().Should().Be("sb-glandorf-export2");
        who[2]["userId"]!.GetValue<string>().Should().Be("rpa-export-2");
        who[2]["role"]!.GetValue<string>().Should().Be("auditor");
        AccessLog(export).Select(e => e!["at"]!.GetValue<DateTimeOffset>()).Should().BeInAscendingOrder();
    }
}
