using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AGH.Domain.Payouts;

namespace AGH.Tests.Http;

/// <summary>
/// Data minimisation for providers (contract v3c, Art. 5 Abs. 1 lit. c DSGVO): on a person whose case holds an
/// exemption, a refusal heard and sanctioned, a restriction in force, an expense, hours, an absence report and an
/// accident, a provider receives exactly the fields listed here and nothing about health, refusals, sanctions, money,
/// birth date, address or file reference. A new field fails the test by name (decide whether a provider may see it,
/// then list it); a listed field no longer served fails too, so the list stays the truth.
/// </summary>
[Collection(HttpCollection.Name)]
public sealed class ProviderDataMinimisationTests(AghFactory factory) : HttpTest(factory)
{
    /// <summary>Every GET route a provider may use (contract v3: exact rules, roles table) and the property paths it answers with.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["GET /api/municipalities"] = ["[].id", "[].name"],
        ["GET /api/offers"] = OfferFields("[]."),
        ["GET /api/offers/{id}"] = OfferFields(""),
        ["GET /api/placements"] = PlacementFields("[]."),
        ["GET /api/placements/{id}"] = PlacementFields(""),
        ["GET /api/offers/{id}/timesheets/{month}"] =
        [
            "offerId", "month", "dailyLimitMinutes", "confirmed", "confirmed.by", "confirmed.byName", "confirmed.at", "placements", "placements[].placementId", "placements[].person",
            "placements[].person.givenName", "placements[].person.familyName", "placements[].schedule", "placements[].schedule[].weekday",
            "placements[].schedule[].from", "placements[].schedule[].to", "placements[].days", "placements[].days[].date", "placements[].days[].minutes",
        ],
        ["GET /api/offers/{id}/weeks/{week}"] =
        [
            "offerId", "week", "monday", "sunday", "dailyLimitMinutes", "placements", "placements[].placementId", "placements[].person",
            "placements[].person.givenName", "placements[].person.familyName", "placements[].startsOn", "placements[].until", "placements[].schedule",
            "placements[].schedule[].weekday", "placements[].schedule[].from", "placements[].schedule[].to", "placements[].days", "placements[].days[].date",
            "placements[].days[].inPlacement", "placements[].days[].plannedMinutes", "placements[].days[].minutes",
        ],
        ["GET /api/absence-reports"] = AbsenceReportFields("[]."),
        ["GET /api/absence-reports/{id}"] = AbsenceReportFields(""),
        ["GET /api/accidents"] = AccidentFields("[]."),
        ["GET /api/accidents/{id}"] = AccidentFields(""),
    };

    private static string[] OfferFields(string p) => Fields(p, "id", "providerType", "providerName", "municipality", "title", "activity", "places", "occupied",
        "free", "hoursPerWeek", "startsOn", "endsOn", "reportTo", "status", "providerId", "accidentInsurer");

    private static string[] PlacementFields(string p) => Fields(p, "id", "offerId", "person", "person.givenName", "person.familyName", "startsOn", "until",
        "schedule", "schedule[].weekday", "schedule[].from", "schedule[].to", "status");

    private static string[] AbsenceReportFields(string p) => Fields(p, "id", "placementId", "personId", "offerId", "date", "kind", "note", "status",
        // v3d: the name beside the login id (the provider's own staff member who reported).
        "reportedBy", "reportedByName");

    private static string[] AccidentFields(string p) => Fields(p, "id", "placementId", "personId", "offerId", "on", "description", "incapacityDays", "fatal",
        "accidentInsurer", "recordedOn", "reportDueOn", "reportedOn", "reportedBy", "reportedByName", "status", "recordedBy", "recordedByName");

    private static string[] Fields(string prefix, params string[] names) => names.Select(n => prefix + n).ToArray();

    /// <summary>Field names that would tell a provider about health, refusals, sanctions, money, birth date, address or file reference.</summary>
    private static readonly Regex Forbidden = new(
        "birth|fileReference|address|exemption|illness|health|diagnos|refusal|hearing|sanction|proposal|restriction|objection|notice|payout|amount|cents|expense|rate|legalStatus|entitle",
        RegexOptions.IgnoreCase);

    private static string NewProviderId() => "dm-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_provider_receives_only_the_listed_fields_and_nothing_about_health_refusals_sanctions_money_or_identity()
    {
        // The rich case: a Bad Iburg person on the provider's offer with everything the office records about them.
        var provider = NewProviderId();
        var cw = await Caseworker("bad-iburg", "cw-minimisation");
        var coordinator = await As("coordinator", null, "coordinator-minimisation");
        var offer = IdOf(await Ok(await Post(coordinator, "/api/offers", new
        {
            providerType = "nonprofit", providerName = "Tafel", municipality = "bad-iburg", title = "Lebensmittelausgabe", activity = "Ausgabe sortieren",
            places = 5, hoursPerWeek = 20, startsOn = D(Today.AddYears(-1)), endsOn = D(Today.AddYears(1)), reportTo = "Lager, Am Markt 1",
            servesPublicBenefit = true, providerId = provider, accidentInsurer = "Unfallkasse Niedersachsen",
        }), HttpStatusCode.Created));
        var client = await Provider(provider);
        var person = IdOf(await Ok(await Post(cw, "/api/persons", PersonBody()), HttpStatusCode.Created));
        var personView = await GetOk(cw, $"/api/persons/{person}");
        var (dateOfBirth, fileReference) = (DateOnly.Parse(personView["dateOfBirth"]!.GetValue<string>()), personView["fileReference"]!.GetValue<string>());
        await Ok(await Post(cw, $"/api/persons/{person}/exemptions",
            new { reason = "illness", from = D(Today.AddDays(-150)), until = D(Today.AddDays(-140)), note = "Attest Bronchitis" }), HttpStatusCode.Created);
        var placement = IdOf(await Ok(await Post(cw, "/api/placements", new
        {
            personId = person, offerId = offer, noticeServedOn = D(Today.AddDays(-100)), startsOn = D(Today.AddDays(-95)), hoursPerWeek = 15,
            schedule = AssignmentFields.Schedule(15), until = D(Today.AddMonths(2)),
        }), HttpStatusCode.Created));
        // Hours of the month before last (before the refusal, which a sanction needs), by the provider and the office,
        // confirmed by the provider, then one more by the office.
        var month = Month.Of(Today).Previous.Previous;
        await Ok(await Post(client, $"/api/placements/{placement}/hours", new { date = D(month.Last), minutes = 120 }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.Last.AddDays(-1)), minutes = 60 }), HttpStatusCode.Created);
        await Ok(await Post(client, $"/api/offers/{offer}/timesheets/{month}/confirmation", new { }), HttpStatusCode.Created);
        await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(month.Last.AddDays(-2)), minutes = 30 }), HttpStatusCode.Created);
        // A refusal heard and sanctioned: a restriction in force.
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-10)), kind = "explicit", statedReason = "Verweigert wegen Rückenleiden" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "Kein Attest vorgelegt" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "Äußerung zum Rücken" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "Weigerung ohne wichtigen Grund" }), HttpStatusCode.Created));
        var decided = await Ok(await Post(await As("official", "bad-iburg", "official-minimisation"), $"/api/sanction-proposals/{proposal}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NotifyDecision(person, decided);
        (await GetOk(cw, $"/api/persons/{person}"))["restriction"].Should().NotBeNull("the case holds a restriction in force");
        await Ok(await Post(cw, $"/api/placements/{placement}/expenses",
            new { month = Month.Of(Today).ToString(), amountCents = 1735, description = "Fahrkarte Stadtbus", evidence = "Monatskarte liegt vor" }), HttpStatusCode.Created);
        // Absence reports: one open, one the office recorded as a refusal, one it dismissed; an accident the provider reported.
        var report = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/absence-reports",
            new { date = D(Today.AddDays(-2)), kind = "no-show", note = "nicht erschienen" }), HttpStatusCode.Created));
        var recorded = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/absence-reports",
            new { date = D(Today.AddDays(-3)), kind = "explicit", note = "wollte nicht arbeiten" }), HttpStatusCode.Created));
        var fromReport = IdOf(await Ok(await Post(cw, $"/api/absence-reports/{recorded}/refusal", new { }), HttpStatusCode.Created), "refusalId");
        var dismissed = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/absence-reports",
            new { date = D(Today.AddDays(-4)), kind = "reported-sick", note = "hat angerufen" }), HttpStatusCode.Created));
        await Ok(await Post(cw, $"/api/absence-reports/{dismissed}/dismissal", new { reason = "Krankmeldung liegt vor" }));
        var accident = IdOf(await Ok(await Post(client, $"/api/placements/{placement}/accidents",
            new { on = D(Today.AddDays(-1)), description = "Schnittwunde beim Sortieren", incapacityDays = 5 }), HttpStatusCode.Created));
        await Ok(await Post(client, $"/api/accidents/{accident}/report", new { reportedOn = D(Today) }));

        // Every GET route a provider may use, on this case.
        var requests = new (string Route, string Url)[]
        {
            ("GET /api/municipalities", "/api/municipalities"),
            ("GET /api/offers", "/api/offers"),
            ("GET /api/offers/{id}", $"/api/offers/{offer}"),
            ("GET /api/placements", "/api/placements"),
            ("GET /api/placements", $"/api/placements?offerId={offer}"),
            ("GET /api/placements/{id}", $"/api/placements/{placement}"),
            ("GET /api/offers/{id}/timesheets/{month}", $"/api/offers/{offer}/timesheets/{month}"),
            ("GET /api/offers/{id}/weeks/{week}", $"/api/offers/{offer}/weeks/{WeekOf(Today)}"),
            ("GET /api/absence-reports", "/api/absence-reports"),
            ("GET /api/absence-reports/{id}", $"/api/absence-reports/{report}"),
            ("GET /api/accidents", "/api/accidents"),
            ("GET /api/accidents/{id}", $"/api/accidents/{accident}"),
        };
        var served = Allowed.Keys.ToDictionary(k => k, _ => new SortedSet<string>(StringComparer.Ordinal));
        var bodies = new List<string>();
        foreach (var (route, url) in requests)
        {
            var text = (await Ok(await client.GetAsync(url))).ToJsonString(new System.Text.Json.JsonSerializerOptions
                { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            bodies.Add(text);
            Collect(JsonNode.Parse(text), "", served[route]);
        }
        served["GET /api/placements"].Should().Contain("[].person.givenName", "the provider's list holds the placement");

        var unlisted = served.SelectMany(r => r.Value.Except(Allowed[r.Key]).Select(p => $"{r.Key}: {p}")).ToList();
        string.Join("\n", unlisted).Should().BeEmpty("a provider receives only listed fields; decide whether it may see these, then list them");
        var gone = Allowed.SelectMany(r => r.Value.Except(served[r.Key]).Select(p => $"{r.Key}: {p}")).ToList();
        string.Join("\n", gone).Should().BeEmpty("every listed field is served on this case; remove these from the list");
        served.SelectMany(r => r.Value.Select(p => $"{r.Key}: {p}")).Where(p => Forbidden.IsMatch(p[(p.IndexOf(": ", StringComparison.Ordinal) + 2)..]))
            .Should().BeEmpty("nothing about health, refusals, sanctions, money, birth date, address or file reference");

        // Nor any of the case's values under another name, in JSON or in the printed Arbeitsnachweis.
        var pdf = Unit.PdfText.Of(await (await client.GetAsync($"/api/offers/{offer}/timesheets/{month}/pdf")).Content.ReadAsByteArrayAsync());
        pdf.Should().Contain(personView["familyName"]!.GetValue<string>(), "the Arbeitsnachweis names its persons");
        string[] secrets =
        [
            D(dateOfBirth), dateOfBirth.ToString("dd.MM.yyyy"), fileReference, refusal.ToString(), fromReport.ToString(), proposal.ToString(),
            "cw-minimisation", "official-minimisation", "Krankmeldung", "Bronchitis", "Rückenleiden", "Kein Attest", "Äußerung zum Rücken", "Weigerung", "Fahrkarte", "Monatskarte", "1735", "17,35", "44100", "22050",
        ];
        foreach (var secret in secrets)
        {
            bodies.Should().NotContain(b => b.Contains(secret, StringComparison.Ordinal), $"a provider never reads {secret}");
            pdf.Should().NotContain(secret);
        }

        // Every other GET route answers 403 (role) or 404 (not its own), on the ids of this very case.
        var ids = new Dictionary<string, string>
        {
            ["persons"] = person.ToString(), ["placements"] = placement.ToString(), ["sanction-proposals"] = proposal.ToString(),
            ["offers"] = offer.ToString(), ["absence-reports"] = report.ToString(), ["accidents"] = accident.ToString(),
        };
        var documented = await DocumentedRoutes.Of(Factory.CreateClient());
        var others = documented.Keys.Where(r => r.StartsWith("GET /api/", StringComparison.Ordinal) && !Allowed.ContainsKey(r)
            && r != "GET /api/offers/{id}/timesheets/{month}/pdf").ToList();
        others.Should().Contain(["GET /api/persons/{id}", "GET /api/persons/{id}/history", "GET /api/payout-runs", "GET /api/expenses", "GET /api/notices"]);
        foreach (var route in others)
        {
            var url = Concrete(route["GET ".Length..], ids, month);
            var status = (int)(await client.GetAsync(url)).StatusCode;
            status.Should().BeOneOf([403, 404], $"a provider may not use {route} ({url})");
        }

        // Another provider learns nothing of these, not even that they exist.
        var other = await Provider(NewProviderId());
        foreach (var url in new[] { $"/api/offers/{offer}", $"/api/placements/{placement}", $"/api/offers/{offer}/timesheets/{month}",
                     $"/api/absence-reports/{report}", $"/api/accidents/{accident}" })
            await ShouldBeProblem(await other.GetAsync(url), 404);
        (await GetOk(other, "/api/placements")).AsArray().Should().BeEmpty();
        (await GetOk(other, "/api/absence-reports")).AsArray().Should().BeEmpty();
        (await GetOk(other, "/api/accidents")).AsArray().Should().BeEmpty();
    }

    /// <summary>A documented route made concrete: each placeholder takes the id of the case's resource named before it.</summary>
    private static string WeekOf(DateOnly day) => $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)):D4}-W"
        + $"{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}";

    private static string Concrete(string template, Dictionary<string, string> ids, Month month)
    {
        var segments = template.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{')) continue;
            segments[i] = segments[i] switch
            {
                "{month}" => month.ToString(),
                "{week}" => WeekOf(month.First),
                _ => ids.GetValueOrDefault(segments[i - 1], Guid.NewGuid().ToString()),
            };
        }
        return string.Join('/', segments) + (template.EndsWith("/notices", StringComparison.Ordinal) ? $"?personId={ids["persons"]}" : "");
    }

    /// <summary>Every property path of a JSON value that carries a value (not null); array items are merged under <c>[]</c>.</summary>
    private static void Collect(JsonNode? node, string path, ISet<string> into)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    // A field held back as null tells nothing; what matters is every value a provider receives.
                    if (value is null) continue;
                    var child = path.Length == 0 ? key : path + "." + key;
                    into.Add(child);
                    Collect(value, child, into);
                }
                break;
            case JsonArray a:
                foreach (var item in a) Collect(item, path + "[]", into);
                break;
        }
    }
}
