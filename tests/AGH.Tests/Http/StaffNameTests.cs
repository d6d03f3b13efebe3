using System.Net;
using System.Text.Json.Nodes;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>Contract v3d "Names, not login ids": a "…Name" beside every staff id, and payout run lines with names and file reference.</summary>
[Collection(HttpCollection.Name)]
public sealed class StaffNameTests(AghFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_proposal_names_who_proposed_and_who_decided_by_the_name_their_token_carried()
    {
        var cw = await Caseworker("hilter", "cw-names-prop");
        var official = await As("official", "hilter", "off-names-prop");
        var placement = await NewPlacement(cw, await NewOffer(cw, "hilter"), await NewPerson(cw, "hilter"), notice: Today.AddDays(-40), startsOn: Today.AddDays(-30));
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");
        var url = $"/api/placements/{placement}/refusals/{refusal}";
        await Ok(await Post(cw, $"{url}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{url}/hearing", new { heldOn = D(Today.AddDays(-8)), statement = "keine Äußerung" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));

        var read = await GetOk(official, $"/api/sanction-proposals/{proposal}");
        read["proposedBy"]!.GetValue<string>().Should().Be("cw-names-prop");
        read["proposedByName"]!.GetValue<string>().Should().Be("Test cw-names-prop");
        read["decidedByName"].Should().BeNull("nobody decided yet");

        await Ok(await Post(official, $"/api/sanction-proposals/{proposal}/decision", new { approved = false, reasoning = "Härte" }));
        var decided = await GetOk(cw, $"/api/sanction-proposals/{proposal}");
        decided["decidedBy"]!.GetValue<string>().Should().Be("off-names-prop");
        decided["decidedByName"]!.GetValue<string>().Should().Be("Test off-names-prop");
        // The placement's embedded proposals carry the names too (one rule for every answer).
        (await GetOk(cw, $"/api/placements/{placement}"))["sanctionProposals"]![0]!["decidedByName"]!.GetValue<string>().Should().Be("Test off-names-prop");
        // Every staff field anywhere in the answer, nested ones included, has its name beside it.
        StaffNameChecks.Named(decided, new() { ["cw-names-prop"] = "Test cw-names-prop", ["off-names-prop"] = "Test off-names-prop" })
            .Should().Contain(["proposedBy", "decidedBy"]);
    }
}

/// <summary>Contract v3d: payroll reviews a run by names (in the payout database: runs pay the whole district).</summary>
[Collection(PayoutCollection.Name)]
public sealed class PayoutRunNameTests(PayoutFactory factory) : HttpTest(factory)
{
    [Fact]
    public async Task A_payout_run_names_its_preparer_and_each_line_the_persons_names_and_file_reference()
    {
        var cw = await Caseworker("hilter", "cw-names-run");
        var pay = await As("payroll", userId: "pay-names-run", name: "Paula Kasse");
        var releaser = await As("payroll", userId: "pay-names-rel", name: "Rolf Freigabe");
        var month = Month.Of(Today.AddMonths(-43));
        var offer = await NewOffer(cw, "hilter", startsOn: month.First.AddYears(-1));
        var person = IdOf(await Ok(await Post(cw, "/api/persons", PersonBody("hilter", entitledSince: month.First.AddYears(-1))), HttpStatusCode.Created));
        var fileReference = (await GetOk(cw, $"/api/persons/{person}"))["fileReference"]!.GetValue<string>();
        var placement = await NewPlacement(cw, offer, person, notice: month.First.AddDays(-7), startsOn: month.First);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.First.AddDays(3)), minutes = 60 }), HttpStatusCode.Created);

        var prepared = await Post(pay, "/api/payout-runs", new { month = month.ToString() });
        var id = IdOf(await Ok(prepared, prepared.StatusCode == HttpStatusCode.Created ? HttpStatusCode.Created : HttpStatusCode.OK));
        var run = await GetOk(pay, $"/api/payout-runs/{id}");
        run["preparedByName"]!.GetValue<string>().Should().Be(run["preparedBy"]!.GetValue<string>() == "pay-names-run" ? "Paula Kasse" : $"Test {run["preparedBy"]!.GetValue<string>()}");
        // Released by one, exported by another: releasedBy and each export's exportedBy are named too.
        await Ok(await Post(releaser, $"/api/payout-runs/{id}/release", new { }));
        (await pay.GetAsync($"/api/payout-runs/{id}/export")).StatusCode.Should().Be(HttpStatusCode.OK);
        var released = await GetOk(pay, $"/api/payout-runs/{id}");
        StaffNameChecks.Named(released, new() { ["pay-names-run"] = "Paula Kasse", ["pay-names-rel"] = "Rolf Freigabe" })
            .Should().Contain(["releasedBy", "exportedBy"]);
        var line = run["lines"]!.AsArray().Single(l => l!["personId"]!.GetValue<string>() == person.ToString())!;
        line["familyName"]!.GetValue<string>().Should().Be("Yusuf");
        line["givenName"]!.GetValue<string>().Should().Be("Amina");
        line["fileReference"]!.GetValue<string>().Should().Be(fileReference);
        // Payroll still reads no person otherwise.
        await ShouldBeProblem(await pay.GetAsync($"/api/persons/{person}"), 403);
    }
}

/// <summary>Walks an answer: every string field "…By" (or "by") holding a known login id has its "…Name" sibling with that user's name.</summary>
public static class StaffNameChecks
{
    /// <returns>The names of the fields checked.</returns>
    public static IReadOnlyList<string> Named(JsonNode? node, Dictionary<string, string> names)
    {
        var seen = new List<string>();
        Walk(node, names, seen);
        return seen;
    }

    private static void Walk(JsonNode? node, Dictionary<string, string> names, List<string> seen)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array) Walk(item, names, seen);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if ((key == "by" || (key.Length > 2 && key.EndsWith("By", StringComparison.Ordinal)))
                        && value is JsonValue v && v.TryGetValue<string>(out var id) && names.TryGetValue(id, out var name))
                    {
                        obj.ContainsKey(key + "Name").Should().BeTrue($"{key} names a user; {key}Name must stand beside it");
                        obj[key + "Name"]?.GetValue<string>().Should().Be(name, $"{key}Name is the name from {id}'s token");
                        seen.Add(key);
                    }
                    Walk(value, names, seen);
                }
                break;
        }
    }
}

/// <summary>
/// The OpenAPI document is the guard that no staff field is forgotten: every answer schema's string property "…By" (or
/// "by") declares its "…ByName" sibling, which the JSON hook fills for every AGH type at run time.
/// </summary>
public sealed class StaffNameDocumentTests
{
    [Fact]
    public void Every_staff_login_id_field_of_every_answer_schema_has_its_name_sibling_in_the_document()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "openapi", "agh-v1.json"))) dir = dir.Parent;
        var schemas = JsonNode.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "openapi", "agh-v1.json")))!["components"]!["schemas"]!.AsObject();
        var checkedFields = new List<string>();
        var missing = new List<string>();
        foreach (var (schema, body) in schemas)
        {
            // Requests carry no names: the server takes them from the token.
            if (schema.EndsWith("Request", StringComparison.Ordinal) || body?["properties"] is not JsonObject props) continue;
            foreach (var (key, prop) in props)
            {
                if (!(key == "by" || (key.Length > 2 && key.EndsWith("By", StringComparison.Ordinal)))) continue;
                var type = prop?["type"];
                var isString = type is JsonValue t ? t.GetValue<string>() == "string" : type is JsonArray a && a.Any(x => x!.GetValue<string>() == "string");
                if (!isString) continue;
                checkedFields.Add($"{schema}.{key}");
                if (!props.ContainsKey(key + "Name")) missing.Add($"{schema}.{key}");
            }
        }
        missing.Should().BeEmpty("every staff login id in an answer has its …Name (contract v3d)");
        // The fields the audit listed, so the guard is known to look at them.
        checkedFields.Should().Contain(f => f.EndsWith(".reviewedBy")).And.Contain(f => f.EndsWith(".releasedBy")).And.Contain(f => f.EndsWith(".rejectedBy"))
            .And.Contain(f => f.EndsWith(".recordedBy")).And.Contain(f => f.EndsWith(".closedBy"))
            .And.Contain(f => f.EndsWith(".exportedBy")).And.Contain(f => f.EndsWith(".decidedBy")).And.Contain(f => f.EndsWith(".by"));
    }

    [Fact]
    public void A_history_line_names_an_unknown_user_by_the_events_own_actor_else_by_login_id()
    {
        var id = $"unknown-{Guid.NewGuid():N}";
        AGH.Api.Persons.HistorySummary.NameOf(id, new AGH.Domain.Common.Actor(id, "Nora Neu", "official", "melle")).Should().Be("Nora Neu");
        AGH.Api.Persons.HistorySummary.NameOf(id, new AGH.Domain.Common.Actor("someone-else", "Sara Anders", "official", "melle")).Should().Be(id);
        AGH.Api.Persons.HistorySummary.NameOf(id, null).Should().Be(id);
    }
}
