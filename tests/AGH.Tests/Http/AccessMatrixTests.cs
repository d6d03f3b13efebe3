namespace AGH.Tests.Http;

/// <summary>Every /api route of the contract: 401 without a token, 403 for a role the contract does not allow.</summary>
[Collection(HttpCollection.Name)]
public sealed class AccessMatrixTests(AghFactory factory) : HttpTest(factory)
{
    private static readonly Guid X = Guid.NewGuid();

    public static TheoryData<string, string, string> Routes() => new()
    {
        // method, path, a role that must be refused (null-free: "-" where every role may)
        { "GET", "/api/municipalities", "-" },
        { "GET", "/api/offers", "-" },
        { "GET", $"/api/offers/{X}", "-" },
        { "POST", "/api/offers", "auditor" },
        { "POST", $"/api/offers/{X}/places", "payroll" },
        { "POST", $"/api/offers/{X}/provider", "caseworker" },
        { "GET", $"/api/offers/{X}/timesheets/2026-01", "coordinator" },
        { "GET", $"/api/offers/{X}/timesheets/2026-01", "official" },
        { "GET", $"/api/offers/{X}/timesheets/2026-01/pdf", "coordinator" },
        { "GET", $"/api/offers/{X}/timesheets/2026-01/pdf", "official" },
        { "POST", $"/api/offers/{X}/timesheets/2026-01/confirmation", "caseworker" },
        { "GET", $"/api/offers/{X}/weeks/2026-W01", "coordinator" },
        { "GET", $"/api/offers/{X}/weeks/2026-W01", "official" },
        { "POST", $"/api/offers/{X}/weeks/2026-W01/hours", "payroll" },
        { "POST", $"/api/offers/{X}/weeks/2026-W01/hours", "auditor" },
        { "POST", $"/api/offers/{X}/timesheets/2026-01/confirmation", "payroll" },
        { "POST", $"/api/placements/{X}/absence-reports", "caseworker" },
        { "GET", "/api/absence-reports", "payroll" },
        { "GET", $"/api/absence-reports/{X}", "coordinator" },
        { "POST", $"/api/absence-reports/{X}/refusal", "provider" },
        { "POST", $"/api/absence-reports/{X}/dismissal", "official" },
        { "POST", $"/api/placements/{X}/accidents", "official" },
        { "GET", "/api/accidents", "payroll" },
        { "GET", $"/api/accidents/{X}", "official" },
        { "POST", $"/api/accidents/{X}/report", "coordinator" },
        { "POST", $"/api/accidents/{X}/incapacity", "auditor" },
        { "POST", $"/api/offers/{X}/withdrawal", "official" },
        { "GET", "/api/persons", "coordinator" },
        { "GET", $"/api/persons/{X}", "payroll" },
        { "POST", "/api/persons", "official" },
        { "POST", $"/api/persons/{X}/exemptions", "auditor" },
        { "POST", $"/api/persons/{X}/entitlement-end", "coordinator" },
        { "GET", "/api/placements", "payroll" },
        { "GET", $"/api/placements/{X}", "coordinator" },
        { "GET", $"/api/placements/{X}/hours", "provider" },
        { "POST", "/api/placements", "official" },
        { "POST", $"/api/placements/{X}/hours", "auditor" },
        { "POST", $"/api/placements/{X}/hours/{X}/correction", "payroll" },
        { "POST", $"/api/placements/{X}/refusals", "coordinator" },
        { "POST", $"/api/placements/{X}/refusals/{X}/assessment", "official" },
        { "POST", $"/api/placements/{X}/refusals/{X}/hearing", "auditor" },
        { "POST", $"/api/placements/{X}/sanction-proposals", "official" },
        { "POST", $"/api/placements/{X}/end", "payroll" },
        { "GET", $"/api/sanction-proposals/{X}", "payroll" },
        { "POST", $"/api/sanction-proposals/{X}/decision", "caseworker" },
        { "GET", "/api/quota", "caseworker" },
        { "POST", "/api/payout-runs", "auditor" },
        { "GET", "/api/payout-runs", "coordinator" },
        { "GET", $"/api/payout-runs/{X}", "official" },
        { "POST", $"/api/payout-runs/{X}/release", "caseworker" },
        { "POST", $"/api/payout-runs/{X}/review", "auditor" },
        { "POST", $"/api/payout-runs/{X}/reject", "official" },
        { "GET", $"/api/payout-runs/{X}/export", "caseworker" },
        { "GET", $"/api/persons/{X}/history", "official" },
        { "GET", $"/api/persons/{X}/access-log", "caseworker" },
        { "GET", $"/api/persons/{X}/export", "official" },
        { "POST", $"/api/persons/{X}/legal-hold", "auditor" },
        { "POST", $"/api/persons/{X}/legal-hold/release", "payroll" },
        { "GET", $"/api/placements/{X}/notice", "coordinator" },
        { "GET", "/api/sanction-proposals", "coordinator" },
        { "GET", $"/api/sanction-proposals/{X}/notice", "payroll" },
        { "POST", $"/api/sanction-proposals/{X}/objection", "payroll" },
        { "POST", $"/api/sanction-proposals/{X}/objection/decision", "caseworker" },
        { "POST", $"/api/sanction-proposals/{X}/restriction/end", "caseworker" },
        { "POST", $"/api/sanction-proposals/{X}/review", "caseworker" },
        { "GET", "/api/restrictions/due-for-review", "payroll" },
        { "GET", "/api/tasks", "auditor" },
        { "POST", $"/api/placements/{X}/objection", "auditor" },
        { "POST", $"/api/placements/{X}/immediate-enforcement", "caseworker" },
        { "POST", $"/api/placements/{X}/objection/decision", "caseworker" },
        { "POST", $"/api/placements/{X}/lawsuit", "payroll" },
        { "POST", $"/api/placements/{X}/lawsuit/end", "coordinator" },
        { "POST", $"/api/persons/{X}/exemptions/{X}/end", "auditor" },
        { "POST", $"/api/persons/{X}/exemptions/{X}/withdrawal", "coordinator" },
        { "POST", $"/api/persons/{X}/legal-status", "payroll" },
        { "POST", $"/api/persons/{X}/correction", "official" },
        { "POST", $"/api/persons/{X}/correction", "provider" },
        { "POST", $"/api/persons/{X}/duplicate-of", "auditor" },
        { "POST", $"/api/persons/{X}/duplicate-of", "official" },
        { "POST", $"/api/persons/{X}/willingness", "auditor" },
        { "POST", $"/api/placements/{X}/refusals/{X}/hearing-invitation", "coordinator" },
        { "POST", $"/api/placements/{X}/refusals/{X}/reassessment", "payroll" },
        { "POST", $"/api/sanction-proposals/{X}/suspension", "caseworker" },
        { "POST", $"/api/sanction-proposals/{X}/suspension/end", "caseworker" },
        { "POST", $"/api/sanction-proposals/{X}/review-request", "payroll" },
        { "POST", $"/api/sanction-proposals/{X}/review-request/decision", "caseworker" },
        { "GET", $"/api/notices?personId={X}", "coordinator" },
        { "GET", $"/api/notices/{X}", "payroll" },
        { "GET", $"/api/notices/{X}/pdf", "coordinator" },
        { "GET", $"/api/notices/{X}/preview", "payroll" },
        { "GET", $"/api/notices/{X}/preview", "provider" },
        { "POST", $"/api/notices/{X}/dispatch", "auditor" },
        { "POST", $"/api/notices/{X}/receipt", "payroll" },
        { "POST", $"/api/placements/{X}/expenses", "payroll" },
        { "POST", $"/api/expenses/{X}/decision", "caseworker" },
        { "GET", "/api/expenses", "coordinator" },
        { "GET", $"/api/expenses/{X}", "coordinator" },
        { "GET", "/api/recoveries", "coordinator" },
        { "GET", $"/api/recoveries/{X}", "coordinator" },
        { "POST", $"/api/recoveries/{X}/hearing", "official" },
        { "POST", $"/api/recoveries/{X}/hearing", "payroll" },
        { "POST", $"/api/recoveries/{X}/decision", "caseworker" },
        { "POST", $"/api/recoveries/{X}/decision", "payroll" },
        { "POST", $"/api/recoveries/{X}/objection", "payroll" },
        { "POST", $"/api/recoveries/{X}/objection", "auditor" },
        { "GET", "/api/recoveries/export", "caseworker" },
        { "GET", "/api/recoveries/export", "official" },
        { "GET", "/api/recoveries/export", "auditor" },
        // Contract v3c: the district report for coordinators, officials and auditors.
        { "GET", "/api/reports/placements?from=2026-01&to=2026-02", "caseworker" },
        { "GET", "/api/reports/placements?from=2026-01&to=2026-02", "payroll" },
    };

    /// <summary>Documented routes that need no token, with the reason.</summary>
    private static readonly Dictionary<string, string> Anonymous = new()
    {
        ["POST /dev/token"] = "issues the tokens (Development only)",
    };

    [Fact]
    public async Task Every_documented_route_is_in_the_table()
    {
        var documented = await DocumentedRoutes.Of(Factory.CreateClient());
        var rows = Routes().Select(row => $"{row[0]} {row[1]}").Concat(Anonymous.Keys).ToList();
        var missing = DocumentedRoutes.Uncovered(documented.Keys, rows).ToList();
        missing.Should().BeEmpty("every documented route needs a token and refuses the roles the contract does not allow; add these routes:\n"
            + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_token_401_and_wrong_role_403(string method, string path, string refusedRole)
    {
        var anonymous = Factory.CreateClient();
        await ShouldBeProblem(await Send(anonymous, method, path), 401);

        if (refusedRole == "-") return;
        var client = await As(refusedRole, refusedRole == "caseworker" ? "bad-iburg" : null);
        var before = await Factory.EventCount();
        await ShouldBeProblem(await Send(client, method, path), 403);
        (await Factory.EventCount()).Should().Be(before);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : PostRaw(client, path, "{}");
}
