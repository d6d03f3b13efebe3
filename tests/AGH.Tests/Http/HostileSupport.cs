using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace AGH.Tests.Http;

/// <summary>A database of its own for the hostile, token and role-matrix tests: they count events across the whole store.</summary>
public sealed class HostileFactory : AghFactory
{
    /// <summary>The event store's highest sequence and row count: unchanged means nothing was appended.</summary>
    public async Task<(long Max, long Count)> EventMark(NpgsqlConnection? open = null)
    {
        var conn = open ?? new NpgsqlConnection(ConnectionString);
        try
        {
            if (open is null) await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("select coalesce(max(seq_id),0), count(*) from agh.mt_events", conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
        finally
        {
            if (open is null) await conn.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileFactory>
{
    public const string Name = "hostile";
}

/// <summary>
/// Real resources of one municipality, from offer to a pending sanction proposal, plus a free person, an offer without
/// placements, and a second placed person whose proposal was approved: a restriction in force from today.
/// <paramref name="Printed"/> is a placement from today whose Heranziehungsbescheid the service issued and handed over, so
/// it prints (the others' notices were served outside the service: no PDF).
/// </summary>
public sealed record World(
    string Municipality,
    Guid Offer,
    Guid SpareOffer,
    Guid Person,
    Guid FreePerson,
    Guid Placement,
    Guid Entry,
    Guid Refusal,
    Guid OpenRefusal,
    Guid Proposal,
    Guid RestrictedPerson,
    Guid Restricted,
    Guid Printed);

/// <summary>
/// The routes the service publishes, read from its own OpenAPI document (<c>paths</c> only, which stays the same
/// whatever the document's version), so a test's route table can be checked against every route there is.
/// </summary>
public static partial class DocumentedRoutes
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>"METHOD /path/{template}" for every operation of the served document, with the route's responses.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> Of(HttpClient anonymous)
    {
        var text = await anonymous.GetStringAsync("/swagger/v1/swagger.json");
        var paths = JsonNode.Parse(text)!["paths"]!.AsObject();
        var routes = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (path, item) in paths)
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
                routes[$"{method.ToUpperInvariant()} {path}"] = operation!["responses"]?.AsObject().Select(r => r.Key).ToArray() ?? [];
        routes.Should().NotBeEmpty("the service documents its routes");
        return routes;
    }

    /// <summary>A route or a concrete request as "METHOD /path/{}/…": placeholders and GUIDs become {}, the query goes.</summary>
    public static string Key(string methodAndPath)
    {
        var (method, path) = (methodAndPath[..methodAndPath.IndexOf(' ')], methodAndPath[(methodAndPath.IndexOf(' ') + 1)..]);
        path = path.Split('?')[0];
        return $"{method.ToUpperInvariant()} {Placeholder().Replace(path, "{}")}";
    }

    public static string Key(HttpMethod method, string url) => Key($"{method.Method} {url}");

    /// <summary>The documented routes that none of <paramref name="covered"/> (routes or requests, see <see cref="Key(string)"/>) reaches.</summary>
    public static IEnumerable<string> Uncovered(IEnumerable<string> documented, IEnumerable<string> covered)
    {
        var keys = covered.Select(Key).ToHashSet(StringComparer.Ordinal);
        return documented.Where(route => !keys.Contains(Key(route)));
    }

    // A month segment (YYYY-MM, the timesheet routes) and an ISO week (YYYY-Www, the week routes) are route values too.
    [GeneratedRegex(@"\{[^}/]*\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)[0-9]{4}-[0-9]{2}(?=/|$)|(?<=/)[0-9]{4}-W[0-9]{2}(?=/|$)")]
    private static partial Regex Placeholder();
}

public abstract class HostileTest(HostileFactory factory) : HttpTest(factory)
{
    protected new HostileFactory Factory { get; } = factory;

    /// <summary>
    /// Builds a complete case in one municipality: an offer, a placed person with an hour entry, an assessed and heard
    /// refusal with a pending proposal, an unassessed refusal, and a registered person without placement.
    /// </summary>
    /// <summary>The provider running a world's main offer.</summary>
    public static string MatrixProvider(string municipality) => $"traeger-{municipality}";

    protected async Task<World> BuildWorld(string municipality, string? caseworkerId = null)
    {
        var cw = await Caseworker(municipality, caseworkerId ?? $"cw-{municipality}");
        var offer = await NewOffer(cw, municipality, places: 10, hoursPerWeek: 20);
        // Run by the matrix's provider (contract v3c), who sees this offer and its placements and no other municipality's.
        await SetProvider(offer, MatrixProvider(municipality));
        var spare = await NewOffer(cw, municipality, places: 1, hoursPerWeek: 10);
        var person = await NewPerson(cw, municipality);
        var free = await NewPerson(cw, municipality);
        var placement = await NewPlacement(cw, offer, person, Today.AddDays(-60), Today.AddDays(-50));
        // Worked before the refusal: hours after it would mean the duty was fulfilled, and the proposal could not be approved (v3a).
        var entry = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/hours", new { date = D(Today.AddDays(-25)), minutes = 60 }),
            HttpStatusCode.Created), "entryId");
        var refusal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-20)), kind = "no-show", statedReason = "nicht erschienen" }), HttpStatusCode.Created), "refusalId");
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"/api/placements/{placement}/refusals/{refusal}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var proposal = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/sanction-proposals",
            new { refusalId = refusal, reasoning = "ohne wichtigen Grund" }), HttpStatusCode.Created));
        var open = IdOf(await Ok(await Post(cw, $"/api/placements/{placement}/refusals",
            new { date = D(Today.AddDays(-15)), kind = "explicit", statedReason = "will nicht" }), HttpStatusCode.Created), "refusalId");

        // One restriction per person may be in force: the approved one belongs to a second person.
        var restrictedPerson = await NewPerson(cw, municipality);
        var restrictedPlacement = await NewPlacement(cw, offer, restrictedPerson, Today.AddDays(-60), Today.AddDays(-50));
        var restrictedRefusal = IdOf(await Ok(await Post(cw, $"/api/placements/{restrictedPlacement}/refusals",
            new { date = D(Today.AddDays(-20)), kind = "no-show", statedReason = "nicht erschienen" }), HttpStatusCode.Created), "refusalId");
        var refusalUrl = $"/api/placements/{restrictedPlacement}/refusals/{restrictedRefusal}";
        await Ok(await Post(cw, $"{refusalUrl}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
        await Ok(await Post(cw, $"{refusalUrl}/hearing", new { heldOn = D(Today.AddDays(-5)), statement = "keine" }));
        var restricted = IdOf(await Ok(await Post(cw, $"/api/placements/{restrictedPlacement}/sanction-proposals",
            new { refusalId = restrictedRefusal, reasoning = "ohne wichtigen Grund" }), HttpStatusCode.Created));
        // Approved by an official of its own, so the officials of the tests may decide objections against it (four eyes).
        var decided = await Ok(await Post(await As("official", municipality, $"official-approver-{municipality}"), $"/api/sanction-proposals/{restricted}/decision",
            new { approved = true, reasoning = "§ 1a Abs. 1 AsylbLG", startsOn = D(Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice }));
        await NotifyDecision(restrictedPerson, decided);
        var printedPerson = await NewPerson(cw, municipality);
        var printed = await NewIssuedPlacement(cw, offer, printedPerson);
        await NoticeDispatching.DispatchAsync(Factory, printedPerson,
            AGH.Domain.Notices.NoticeIssuing.IdFor(printed, AGH.Domain.Notices.NoticeKind.Heranziehungsbescheid, 0), AGH.Domain.Notices.DispatchMethod.HandedOver, Today);
        return new World(municipality, offer, spare, person, free, placement, entry, refusal, open, proposal, restrictedPerson, restricted, printed);
    }

    /// <summary>
    /// The payout run of a month that has ended (<paramref name="monthsBack"/> before this one): prepared by
    /// <paramref name="preparer"/> (201), or the one a test of this collection prepared for that month earlier (asking
    /// again would be 200 with that run). Each test class keeps to months of its own, so none depends on another's runs.
    /// </summary>
    protected async Task<Guid> PreparedRun(string preparer, int monthsBack)
    {
        var month = $"{Today.AddMonths(-monthsBack):yyyy-MM}";
        var payroll = await As("payroll", null, preparer);
        var existing = (await GetOk(payroll, $"/api/payout-runs?month={month}")).AsArray();
        if (existing.Count > 0)
        {
            var again = await Ok(await Post(payroll, "/api/payout-runs", new { month }));
            IdOf(again).Should().Be(IdOf(existing.Single()!), "asking again for a month returns its run");
            return IdOf(again);
        }
        return IdOf(await Ok(await Post(payroll, "/api/payout-runs", new { month }), HttpStatusCode.Created));
    }
}
