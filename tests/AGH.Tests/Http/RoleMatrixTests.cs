using System.Net;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// Every role against every route of the contract ("Who may do what"): an allowed call does what it asks (2xx on real
/// resources of the caller's municipality), a refused one is 403 problem+json and stores nothing. And every route that
/// takes the id of a person, placement, refusal or proposal answers 404 to another municipality, storing nothing.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class RoleMatrixTests(HostileFactory factory, ITestOutputHelper output) : HostileTest(factory)
{
    private sealed record RoleCase(string Label, string Role, string? Municipality, string UserId);

    private static readonly RoleCase[] Roles =
    [
        new("caseworker bad-iburg", "caseworker", "bad-iburg", "cw-matrix"),
        new("coordinator", "coordinator", null, "coord-matrix"),
        new("official bad-iburg", "official", "bad-iburg", "official-matrix"),
        new("official (district)", "official", null, "official-district-matrix"),
        new("payroll", "payroll", null, "payroll-matrix"),
        new("auditor", "auditor", null, "auditor-matrix"),
    ];

    private const string Cw = "caseworker", Co = "coordinator", Of = "official", Pa = "payroll", Au = "auditor";
    private static readonly string[] All = [Cw, Co, Of, Pa, Au];

    /// <summary>A route, the roles the contract allows (confirmed against the code's role checks), and a valid call on a world.</summary>
    private sealed record Route(string Name, string[] Allowed, bool Mutates, Func<Ctx, HttpClient, Task<HttpResponseMessage>> Send);

    private sealed record Ctx(World W, Guid Run, DateOnly Today);


    private static readonly Route[] Routes =
    [
        new("GET /api/municipalities", All, false, (_, c) => c.GetAsync("/api/municipalities")),
        new("GET /api/offers", All, false, (_, c) => c.GetAsync("/api/offers?municipality=bad-iburg")),
        new("GET /api/offers/{id}", All, false, (x, c) => c.GetAsync($"/api/offers/{x.W.Offer}")),
        // Contract, Offers: "A caseworker may register offers in their own municipality, and change or withdraw them; a coordinator anywhere."
        // (The role table lists offers under the coordinator only.)
        new("POST /api/offers", [Co, Cw], true, (x, c) => Post(c, "/api/offers", new
        {
            providerType = "nonprofit", providerName = "Verein", municipality = "bad-iburg", title = "Kleiderladen", activity = "Sortieren",
            places = 2, hoursPerWeek = 10, startsOn = D(x.Today), reportTo = "Lager", servesPublicBenefit = true,
        })),
        new("POST /api/offers/{id}/places", [Co, Cw], true, (x, c) => Post(c, $"/api/offers/{x.W.Offer}/places", new { places = 11 })),
        // Withdrawal needs an offer without active placements: the world's spare one.
        new("POST /api/offers/{id}/withdrawal", [Co, Cw], true, (x, c) => Post(c, $"/api/offers/{x.W.SpareOffer}/withdrawal",
            new { date = D(x.Today), reason = "Träger hört auf" })),
        // Contract: "Officials and auditors read persons and placements (officials of their own municipality only)".
        new("GET /api/persons", [Cw, Of, Au], false, (_, c) => c.GetAsync("/api/persons")),
        new("GET /api/persons/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}")),
        new("POST /api/persons", [Cw], true, (x, c) => Post(c, "/api/persons", new
        {
            municipality = "bad-iburg", givenName = "Ali", familyName = "Khan", dateOfBirth = "1990-05-05", entitledSince = "2024-01-01",
        })),
        new("POST /api/persons/{id}/exemptions", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/exemptions",
            new { reason = "training", from = D(x.Today.AddDays(30)) })),
        new("POST /api/persons/{id}/entitlement-end", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/entitlement-end",
            new { date = D(x.Today), reason = "Wegzug" })),
        new("GET /api/placements", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/placements?personId={x.W.Person}")),
        new("GET /api/placements/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/placements/{x.W.Placement}")),
        new("POST /api/placements", [Cw], true, (x, c) => Post(c, "/api/placements", new
        {
            personId = x.W.FreePerson, offerId = x.W.Offer, noticeServedOn = D(x.Today.AddDays(-3)), startsOn = D(x.Today.AddDays(-2)), hoursPerWeek = 5,
        })),
        new("POST /api/placements/{id}/hours", [Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/hours",
            new { date = D(x.Today.AddDays(-1)), minutes = 30 })),
        new("POST /api/placements/{id}/hours/{entryId}/correction", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/hours/{x.W.Entry}/correction", new { minutes = 45, reason = "Nachtrag" })),
        new("POST /api/placements/{id}/refusals", [Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/refusals",
            new { date = D(x.Today.AddDays(-1)), kind = "dropped-out", statedReason = "krank" })),
        new("POST /api/placements/{id}/refusals/{refusalId}/assessment", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/assessment", new { goodCause = false, reasoning = "kein Grund" })),
        new("POST /api/placements/{id}/refusals/{refusalId}/hearing", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/hearing", new { heldOn = D(x.Today), statement = "nichts" })),
        new("POST /api/placements/{id}/sanction-proposals", [Cw], true, async (x, c) =>
        {
            // A second proposal needs a refusal assessed and heard: the caller prepares the open one, then proposes.
            // (A role that may not propose may not assess or hear either: those steps are refused too and store nothing.)
            var baseUrl = $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}";
            (await Post(c, $"{baseUrl}/assessment", new { goodCause = false, reasoning = "kein Grund" })).Dispose();
            (await Post(c, $"{baseUrl}/hearing", new { heldOn = D(x.Today), statement = "nichts" })).Dispose();
            return await Post(c, $"/api/placements/{x.W.Placement}/sanction-proposals", new { refusalId = x.W.OpenRefusal, reasoning = "r" });
        }),
        new("POST /api/placements/{id}/end", [Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/end",
            new { date = D(x.Today), reason = "moved-away" })),
        // Contract: caseworkers may do "sanction proposals", officials decide them; auditors read everything.
        new("GET /api/sanction-proposals/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/sanction-proposals/{x.W.Proposal}")),
        new("POST /api/sanction-proposals/{id}/decision", [Of], true, (x, c) => Post(c, $"/api/sanction-proposals/{x.W.Proposal}/decision",
            new { approved = true, reasoning = "§ 1a", startsOn = D(x.Today) })),
        new("GET /api/quota", [Co, Au], false, (_, c) => c.GetAsync("/api/quota")),
        new("POST /api/payout-runs", [Pa], true, (x, c) => Post(c, "/api/payout-runs", new { month = $"{x.Today.AddMonths(-6):yyyy-MM}" })),
        new("GET /api/payout-runs", [Pa, Au], false, (_, c) => c.GetAsync("/api/payout-runs")),
        new("GET /api/payout-runs/{id}", [Pa, Au], false, (x, c) => c.GetAsync($"/api/payout-runs/{x.Run}")),
        new("POST /api/payout-runs/{id}/release", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/release", new { })),
        new("POST /api/payout-runs/{id}/review", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/review", new { })),
        new("POST /api/payout-runs/{id}/reject", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/reject", new { reason = "Stunden fehlen" })),
        new("GET /api/payout-runs/{id}/export", [Pa, Au], false, (x, c) => c.GetAsync($"/api/payout-runs/{x.Run}/export")),
        // Contract: history for the auditor, or a caseworker of the person's municipality; the access log for the auditor.
        new("GET /api/persons/{id}/history", [Au, Cw], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}/history")),
        new("GET /api/persons/{id}/access-log", [Au], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}/access-log")),
    ];

    [Fact]
    public async Task Each_role_gets_exactly_what_the_contract_allows_on_every_route()
    {
        var shared = await BuildWorld("bad-iburg", "cw-bad-iburg");
        var sharedRun = await PreparedRun("payroll-a", monthsBack: 2);
        // Only a released run is exported (contract v2), so the shared run is released by a second clerk.
        (await Post(await As("payroll", null, "payroll-b"), $"/api/payout-runs/{sharedRun}/release", new { })).EnsureSuccessStatusCode();
        var failures = new List<string>();
        var table = new List<string>();
        var runMonths = 7;

        foreach (var route in Routes)
        {
            var row = new List<string>();
            foreach (var role in Roles)
            {
                var client = await As(role.Role, role.Municipality, role.UserId);
                var allowed = route.Allowed.Contains(role.Role);
                // An allowed change gets resources of its own, so every allowed call can succeed; refusals share one world.
                var ctx = allowed && route.Mutates
                    ? new Ctx(await BuildWorld("bad-iburg", "cw-bad-iburg"), await PreparedRun("payroll-a", runMonths++), Today)
                    : new Ctx(shared, sharedRun, Today);
                var before = await Factory.EventMark();
                using var response = await route.Send(ctx, client);
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                row.Add($"{role.Label}={status}");
                if (allowed && status is < 200 or >= 300)
                    failures.Add($"{route.Name} as {role.Label}: allowed, expected 2xx, got {status} {text}");
                if (!allowed)
                {
                    if (status != 403) failures.Add($"{route.Name} as {role.Label}: not allowed, expected 403, got {status} {text}");
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{route.Name} as {role.Label}: 403 without problem+json");
                    if (await Factory.EventMark() != before) failures.Add($"{route.Name} as {role.Label}: refused but appended events");
                }
            }
            table.Add($"{route.Name}: {string.Join(", ", row)}");
        }
        foreach (var line in table) output.WriteLine(line);
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_persons_placements_refusals_and_proposals_and_stores_nothing()
    {
        var iburg = await BuildWorld("bad-iburg", "cw-bad-iburg");
        var melle = await BuildWorld("melle", "cw-melle");
        var melleCw = await Caseworker("melle", "cw-melle-2");
        var melleOfficial = await As("official", "melle", "official-melle");
        var today = Today;
        var p = $"/api/placements/{iburg.Placement}";

        var caseworkerCalls = new (string, Func<HttpClient, Task<HttpResponseMessage>>)[]
        {
            ("GET person", c => c.GetAsync($"/api/persons/{iburg.Person}")),
            ("GET person asOf", c => c.GetAsync($"/api/persons/{iburg.Person}?asOf={Uri.EscapeDataString(Factory.Time.GetUtcNow().ToString("O"))}")),
            ("GET person history", c => c.GetAsync($"/api/persons/{iburg.Person}/history")),
            ("POST exemption", c => Post(c, $"/api/persons/{iburg.Person}/exemptions", new { reason = "illness", from = D(today) })),
            ("POST entitlement-end", c => Post(c, $"/api/persons/{iburg.Person}/entitlement-end", new { date = D(today), reason = "Wegzug" })),
            ("POST placement for a foreign person", c => Post(c, "/api/placements", new
            {
                personId = iburg.FreePerson, offerId = melle.Offer, noticeServedOn = D(today.AddDays(-3)), startsOn = D(today.AddDays(-2)), hoursPerWeek = 5,
            })),
            ("GET placement", c => c.GetAsync(p)),
            ("POST hours", c => Post(c, $"{p}/hours", new { date = D(today.AddDays(-1)), minutes = 30 })),
            ("POST correction", c => Post(c, $"{p}/hours/{iburg.Entry}/correction", new { minutes = 0, reason = "Storno" })),
            ("POST refusal", c => Post(c, $"{p}/refusals", new { date = D(today.AddDays(-1)), kind = "explicit", statedReason = "x" })),
            ("POST assessment", c => Post(c, $"{p}/refusals/{iburg.OpenRefusal}/assessment", new { goodCause = false, reasoning = "r" })),
            ("POST hearing", c => Post(c, $"{p}/refusals/{iburg.OpenRefusal}/hearing", new { heldOn = D(today), statement = "s" })),
            ("POST sanction proposal", c => Post(c, $"{p}/sanction-proposals", new { refusalId = iburg.Refusal, reasoning = "r" })),
            ("POST end", c => Post(c, $"{p}/end", new { date = D(today), reason = "other" })),
            ("GET proposal", c => c.GetAsync($"/api/sanction-proposals/{iburg.Proposal}")),
            // The caller's own placement with the other municipality's refusal: that refusal does not exist here.
            ("POST assessment of a foreign refusal in an own placement",
                c => Post(c, $"/api/placements/{melle.Placement}/refusals/{iburg.OpenRefusal}/assessment", new { goodCause = false, reasoning = "r" })),
            ("POST hearing on a foreign refusal in an own placement",
                c => Post(c, $"/api/placements/{melle.Placement}/refusals/{iburg.OpenRefusal}/hearing", new { heldOn = D(today), statement = "s" })),
            ("POST proposal for a foreign refusal in an own placement",
                c => Post(c, $"/api/placements/{melle.Placement}/sanction-proposals", new { refusalId = iburg.Refusal, reasoning = "r" })),
            ("POST correction of a foreign entry in an own placement",
                c => Post(c, $"/api/placements/{melle.Placement}/hours/{iburg.Entry}/correction", new { minutes = 0, reason = "Storno" })),
        };
        // Officials act on the routes their role allows; on the caseworkers' routes the role check answers 403 first,
        // the same for every id, so nothing is revealed there either.
        var officialCalls = new (string, Func<HttpClient, Task<HttpResponseMessage>>)[]
        {
            ("GET person", c => c.GetAsync($"/api/persons/{iburg.Person}")),
            ("GET placement", c => c.GetAsync(p)),
            ("GET proposal", c => c.GetAsync($"/api/sanction-proposals/{iburg.Proposal}")),
            ("POST decision", c => Post(c, $"/api/sanction-proposals/{iburg.Proposal}/decision", new { approved = true, reasoning = "§ 1a", startsOn = D(today) })),
        };

        var failures = new List<string>();
        foreach (var (who, client, calls) in new[] { ("caseworker melle", melleCw, caseworkerCalls), ("official melle", melleOfficial, officialCalls) })
        {
            foreach (var (name, send) in calls)
            {
                var before = await Factory.EventMark();
                var response = await send(client);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{who}: {name} → {(int)response.StatusCode} {text}");
                if (await Factory.EventMark() != before) failures.Add($"{who}: {name} appended events");
            }
        }

        // Lists filter instead of refusing: the other municipality's resources simply do not appear.
        foreach (var (who, client) in new[] { ("caseworker melle", melleCw), ("official melle", melleOfficial) })
        {
            (await GetOk(client, $"/api/placements?personId={iburg.Person}")).AsArray().Should().BeEmpty(who);
            (await GetOk(client, "/api/persons?municipality=bad-iburg")).AsArray().Should().BeEmpty(who);
        }

        // And the resources are all there for their own municipality.
        var iburgCw = await Caseworker("bad-iburg", "cw-bad-iburg-2");
        foreach (var url in new[] { $"/api/persons/{iburg.Person}", p, $"/api/sanction-proposals/{iburg.Proposal}" })
            (await iburgCw.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);

        failures.Should().BeEmpty();
    }
}
