using System.Net;
using Xunit.Abstractions;

namespace AGH.Tests.Http;

/// <summary>
/// Every role against every route of the service's OpenAPI document: an allowed call does what it asks (2xx on real
/// resources of the caller's municipality), a refused one is 403 problem+json and stores nothing, and a command sent
/// with a stale If-Match is 412 and stores nothing. Every route that takes the id of a person, placement, refusal or
/// proposal answers 404 to another municipality, storing nothing. A documented route without a row fails the tests
/// that compare the tables with the document, naming the route.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class RoleMatrixTests(HostileFactory factory, ITestOutputHelper output) : HostileTest(factory)
{
    private sealed record RoleCase(string Label, string Role, string? Municipality, string UserId, string? Provider = null);

    private static readonly RoleCase[] Roles =
    [
        new("caseworker bad-iburg", "caseworker", "bad-iburg", "cw-matrix"),
        new("coordinator", "coordinator", null, "coord-matrix"),
        new("official bad-iburg", "official", "bad-iburg", "official-matrix"),
        new("official (district)", "official", null, "official-district-matrix"),
        new("payroll", "payroll", null, "payroll-matrix"),
        new("auditor", "auditor", null, "auditor-matrix"),
        // Contract v3c: the provider running the worlds' main offer (see BuildWorld).
        new("provider", "provider", null, "provider-matrix", HostileTest.MatrixProvider("bad-iburg")),
    ];

    private const string Cw = "caseworker", Co = "coordinator", Of = "official", Pa = "payroll", Au = "auditor", Pr = "provider";
    private static readonly string[] All = [Cw, Co, Of, Pa, Au, Pr];

    private Task<HttpClient> ClientOf(RoleCase role) => Factory.ClientFor(role.Role, role.Municipality, role.UserId, role.Provider);

    /// <summary>
    /// A route as the OpenAPI document names it, the roles the contract allows (confirmed against the code's role
    /// checks), and a valid call on a world. <c>Prepare</c> brings a fresh world into the state the call needs (run only
    /// for allowed roles: a refused role is refused before any state is looked at). <c>ETagOf</c> is the resource whose
    /// ETag the command checks against If-Match.
    /// </summary>
    private sealed record Route(string Name, string[] Allowed, bool Mutates, Func<Ctx, HttpClient, Task<HttpResponseMessage>> Send)
    {
        public Func<Ctx, Task>? Prepare { get; init; }
        public Func<Ctx, string>? ETagOf { get; init; }
    }

    /// <summary>A world, a payout run, today, and the world's own caseworker for preparing it.</summary>
    private sealed record Ctx(World W, Guid Run, DateOnly Today, HttpClient Cw)
    {
        /// <summary>A district official for steps a route needs first (a suspension before its end).</summary>
        public HttpClient? Official { get; init; }

        /// <summary>The matrix provider (runs every bad-iburg world's main offer), for absence reports a route needs first.</summary>
        public HttpClient? Provider { get; init; }
    }

    /// <summary>Documented routes without a row: not role-checked by design, with the reason.</summary>
    private static readonly Dictionary<string, string> NotRoleChecked = new()
    {
        ["POST /dev/token"] = "issues the development tokens themselves: anonymous by design, Development only",
        // A recovery needs a run released for the whole district, which the shared world cannot hold: the allowed and refused
        // roles and the other municipality's 404 are proven in RecoveryProcedureTests (own database), refusals also in AccessMatrixTests.
        ["POST /api/recoveries/{id}/hearing"] = "roles and other municipality: RecoveryProcedureTests, AccessMatrixTests",
        ["POST /api/recoveries/{id}/decision"] = "roles and other municipality: RecoveryProcedureTests, AccessMatrixTests",
        ["POST /api/recoveries/{id}/objection"] = "roles: RecoveryProcedureTests, AccessMatrixTests",
        ["GET /api/recoveries/export"] = "payroll only: RecoveryProcedureTests, AccessMatrixTests",
        ["GET /api/recoveries/{id}"] = "roles and other municipality: RecoveryProcedureTests, AccessMatrixTests",
    };

    /// <summary>Documented routes that list 412 without an If-Match check, with the reason.</summary>
    private static async Task Must(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        response.IsSuccessStatusCode.Should().BeTrue($"{response.RequestMessage!.RequestUri} prepares the world: {await response.Content.ReadAsStringAsync()}");
    }

    private static string OfProposal(Guid id) => $"/api/sanction-proposals/{id}";

    private static Task<HttpResponseMessage> PlacementObjected(Ctx x) =>
        Post(x.Cw, $"/api/placements/{x.W.Placement}/objection", new { receivedOn = D(x.Today), statement = "Ich widerspreche" });

    // Deciding needs an official; the world's caseworker client fetches the token, since the preparation has no other.
    private static async Task PlacementObjectionDismissed(Ctx x)
    {
        await Must(PlacementObjected(x));
        var token = await AghFactory.Token(x.Cw, "official-prepare", "official", "bad-iburg");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/placements/{x.W.Placement}/objection/decision")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { outcome = "dismissed", reasoning = "Der Heranziehungsbescheid ist rechtmäßig" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await Must(x.Cw.SendAsync(request));
    }

    /// <summary>The first exemption of the world's free person (recorded by the row's Prepare), or an unknown id when it has none.</summary>
    private static async Task<Guid> ExemptionOf(Ctx x)
    {
        var person = System.Text.Json.Nodes.JsonNode.Parse(await x.Cw.GetStringAsync($"/api/persons/{x.W.FreePerson}"))!;
        return person["exemptions"]!.AsArray().Select(e => Guid.Parse(e!["exemptionId"]!.GetValue<string>())).FirstOrDefault(Guid.NewGuid());
    }

    /// <summary>The placement's Heranziehungsbescheid (its id is derived from the placement's, contract v3a).</summary>
    private static Guid NoticeOf(Guid placement) => AGH.Domain.Notices.NoticeIssuing.IdFor(placement, AGH.Domain.Notices.NoticeKind.Heranziehungsbescheid, 0);

    private static object ExpenseBody(Ctx x) => new
    {
        month = AGH.Domain.Payouts.Month.Of(x.Today).ToString(), amountCents = 1500, description = "Fahrtkosten", evidence = "Monatskarte liegt vor",
    };

    /// <summary>The world's first pending expense (recorded by the row's Prepare), or an unknown id when it has none.</summary>
    private static async Task<Guid> PendingExpenseOf(Ctx x)
    {
        var list = System.Text.Json.Nodes.JsonNode.Parse(await x.Cw.GetStringAsync($"/api/expenses?personId={x.W.Person}&status=pending"))!;
        return list.AsArray().Select(e => Guid.Parse(e!["id"]!.GetValue<string>())).FirstOrDefault(Guid.NewGuid());
    }

    private static async Task<Guid> ExpenseOf(Ctx x)
    {
        var list = System.Text.Json.Nodes.JsonNode.Parse(await x.Cw.GetStringAsync($"/api/expenses?personId={x.W.Person}"))!.AsArray();
        if (list.Count > 0) return Guid.Parse(list[0]!["id"]!.GetValue<string>());
        await Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/expenses", ExpenseBody(x)));
        return await ExpenseOf(x);
    }

    /// <summary>The ISO week of a day as the week routes take it (YYYY-Www).</summary>
    private static string WeekOf(DateOnly day) => $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)):D4}-W"
        + $"{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}";

    private static object AbsenceBody(Ctx x, string kind = "explicit") => new { date = D(x.Today.AddDays(-2)), kind, note = "nicht erschienen" };

    private static object AccidentBody(Ctx x) => new { on = D(x.Today.AddDays(-1)), description = "Schnittwunde", incapacityDays = 5 };

    /// <summary>The world's first open absence report (made by the row's Prepare or on demand), or an unknown id when it has none.</summary>
    private static async Task<Guid> OpenAbsenceReportOf(Ctx x, bool create = false)
    {
        var list = System.Text.Json.Nodes.JsonNode.Parse(await x.Cw.GetStringAsync("/api/absence-reports?status=open&pageSize=500"))!.AsArray();
        var found = list.Where(r => r!["placementId"]!.GetValue<string>() == x.W.Placement.ToString()).Select(r => Guid.Parse(r!["id"]!.GetValue<string>())).ToList();
        if (found.Count > 0) return found[0];
        if (!create) return Guid.NewGuid();
        await Must(Post(x.Provider!, $"/api/placements/{x.W.Placement}/absence-reports", AbsenceBody(x)));
        return await OpenAbsenceReportOf(x);
    }

    /// <summary>The world's first unreported accident (made by the row's Prepare or on demand), or an unknown id when it has none.</summary>
    private static async Task<Guid> AccidentOf(Ctx x, bool create = false)
    {
        var list = System.Text.Json.Nodes.JsonNode.Parse(await x.Cw.GetStringAsync("/api/accidents?status=open&pageSize=500"))!.AsArray();
        var found = list.Where(r => r!["placementId"]!.GetValue<string>() == x.W.Placement.ToString()).Select(r => Guid.Parse(r!["id"]!.GetValue<string>())).ToList();
        if (found.Count > 0) return found[0];
        if (!create) return Guid.NewGuid();
        await Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/accidents", AccidentBody(x)));
        return await AccidentOf(x);
    }

    private static readonly Route[] Routes =
    [
        // Contract v3 roles table: absence reports are made by providers, listed by the office, its provider and auditors,
        // turned into a refusal or dismissed by caseworkers; accidents recorded by providers and caseworkers, listed also by coordinators.
        new("POST /api/placements/{id}/absence-reports", [Pr], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/absence-reports", AbsenceBody(x)))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("GET /api/absence-reports", [Cw, Of, Au, Pr], false, (_, c) => c.GetAsync("/api/absence-reports?status=open")),
        new("GET /api/absence-reports/{id}", [Cw, Of, Au, Pr], false, async (x, c) => await c.GetAsync($"/api/absence-reports/{await OpenAbsenceReportOf(x, create: true)}")),
        new("POST /api/absence-reports/{id}/refusal", [Cw], true, async (x, c) => await Post(c, $"/api/absence-reports/{await OpenAbsenceReportOf(x)}/refusal", new { }))
        {
            Prepare = x => Must(Post(x.Provider!, $"/api/placements/{x.W.Placement}/absence-reports", AbsenceBody(x))),
        },
        new("POST /api/absence-reports/{id}/dismissal", [Cw], true, async (x, c) =>
            await Post(c, $"/api/absence-reports/{await OpenAbsenceReportOf(x)}/dismissal", new { reason = "rechtzeitig entschuldigt" }))
        {
            Prepare = x => Must(Post(x.Provider!, $"/api/placements/{x.W.Placement}/absence-reports", AbsenceBody(x, "reported-sick"))),
        },
        new("POST /api/placements/{id}/accidents", [Pr, Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/accidents", AccidentBody(x)))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("GET /api/accidents", [Cw, Co, Au, Pr], false, (_, c) => c.GetAsync("/api/accidents?status=open")),
        new("GET /api/accidents/{id}", [Cw, Co, Au, Pr], false, async (x, c) => await c.GetAsync($"/api/accidents/{await AccidentOf(x, create: true)}")),
        new("POST /api/accidents/{id}/report", [Pr, Cw], true, async (x, c) => await Post(c, $"/api/accidents/{await AccidentOf(x)}/report", new { reportedOn = D(x.Today) }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/accidents", AccidentBody(x))),
        },
        new("POST /api/accidents/{id}/incapacity", [Pr, Cw], true, async (x, c) => await Post(c, $"/api/accidents/{await AccidentOf(x)}/incapacity", new { incapacityDays = 6 }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/accidents", AccidentBody(x))),
        },
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
        // Contract v3c: only the coordinator names an offer's provider.
        new("POST /api/offers/{id}/provider", [Co], true, (x, c) => Post(c, $"/api/offers/{x.W.Offer}/provider", new { providerId = "tafel-neu" }))
            { ETagOf = x => $"/api/offers/{x.W.Offer}" },
        new("POST /api/offers/{id}/places", [Co, Cw], true, (x, c) => Post(c, $"/api/offers/{x.W.Offer}/places", new { places = 11 }))
            { ETagOf = x => $"/api/offers/{x.W.Offer}" },
        // Withdrawal needs an offer without active placements: the world's spare one.
        new("POST /api/offers/{id}/withdrawal", [Co, Cw], true, (x, c) => Post(c, $"/api/offers/{x.W.SpareOffer}/withdrawal",
            new { date = D(x.Today), reason = "Träger hört auf" })) { ETagOf = x => $"/api/offers/{x.W.SpareOffer}" },
        // Contract: "Officials and auditors read persons and placements (officials of their own municipality only)".
        new("GET /api/persons", [Cw, Of, Au], false, (_, c) => c.GetAsync("/api/persons")),
        new("GET /api/persons/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}")),
        new("POST /api/persons", [Cw], true, (x, c) => Post(c, "/api/persons", new
        {
            municipality = "bad-iburg", givenName = "Ali", familyName = "Khan", dateOfBirth = D(x.Today.AddYears(-36)), confirmedNotDuplicate = true, entitledSince = D(x.Today.AddYears(-2)),
        })),
        // Contract v3d: corrections and closing a record entered twice are the caseworker's.
        new("POST /api/persons/{id}/correction", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/correction",
            new { givenName = "Amira-Lou", reason = "Schreibfehler bei der Erfassung" })) { ETagOf = x => $"/api/persons/{x.W.FreePerson}" },
        new("POST /api/persons/{id}/duplicate-of", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/duplicate-of",
            new { personId = x.W.Person, reason = "doppelt erfasst" })) { ETagOf = x => $"/api/persons/{x.W.FreePerson}" },
        new("POST /api/persons/{id}/exemptions", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/exemptions",
            new { reason = "training", from = D(x.Today.AddDays(30)) })) { ETagOf = x => $"/api/persons/{x.W.FreePerson}" },
        new("POST /api/persons/{id}/entitlement-end", [Cw], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/entitlement-end",
            new { date = D(x.Today), reason = "Wegzug" })) { ETagOf = x => $"/api/persons/{x.W.FreePerson}" },
        // Contract v3 roles table: exemption end/withdrawal, legal status, willingness, hearing invitation and reassessment
        // are for caseworkers and officials (of the person's municipality).
        new("POST /api/persons/{id}/exemptions/{exemptionId}/end", [Cw, Of], true, async (x, c) => await Post(c,
            $"/api/persons/{x.W.FreePerson}/exemptions/{await ExemptionOf(x)}/end", new { until = D(x.Today.AddDays(40)) }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/persons/{x.W.FreePerson}/exemptions", new { reason = "training", from = D(x.Today.AddDays(30)) })),
            ETagOf = x => $"/api/persons/{x.W.FreePerson}",
        },
        new("POST /api/persons/{id}/exemptions/{exemptionId}/withdrawal", [Cw, Of], true, async (x, c) => await Post(c,
            $"/api/persons/{x.W.FreePerson}/exemptions/{await ExemptionOf(x)}/withdrawal", new { reason = "irrtümlich erfasst" }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/persons/{x.W.FreePerson}/exemptions", new { reason = "training", from = D(x.Today.AddDays(30)) })),
            ETagOf = x => $"/api/persons/{x.W.FreePerson}",
        },
        new("POST /api/persons/{id}/legal-status", [Cw, Of], true, (x, c) => Post(c, $"/api/persons/{x.W.FreePerson}/legal-status",
            new { status = "tolerated", since = D(x.Today.AddDays(-1)), note = "Duldung erteilt" })) { ETagOf = x => $"/api/persons/{x.W.FreePerson}" },
        new("POST /api/persons/{id}/willingness", [Cw, Of], true, (x, c) => Post(c, $"/api/persons/{x.W.Person}/willingness",
            new { on = D(x.Today), note = "will wieder arbeiten" })) { ETagOf = x => $"/api/persons/{x.W.Person}" },
        new("POST /api/placements/{id}/refusals/{refusalId}/hearing-invitation", [Cw, Of], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/hearing-invitation",
            new { invitedOn = D(x.Today), form = "written", deadline = D(x.Today.AddDays(30)), language = "ar" }))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/refusals/{refusalId}/reassessment", [Cw, Of], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/reassessment", new { goodCause = false, reasoning = "nach Anhörung kein Grund" }))
        {
            Prepare = async x =>
            {
                var refusal = $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}";
                await Must(Post(x.Cw, $"{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
                await Must(Post(x.Cw, $"{refusal}/hearing", new { heldOn = D(x.Today), statement = "nichts", form = "oral", heldInPerson = true }));
            },
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        // Contract v3c: a provider reads the placements on its own offers, in a reduced view (ProviderTests).
        new("GET /api/placements", [Cw, Of, Au, Pr], false, (x, c) => c.GetAsync($"/api/placements?personId={x.W.Person}")),
        new("GET /api/placements/{id}", [Cw, Of, Au, Pr], false, (x, c) => c.GetAsync($"/api/placements/{x.W.Placement}")),
        // Issue 16: all of a placement's hour entries by page, read as its hours are; a provider's view carries none.
        new("GET /api/placements/{id}/hours", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/placements/{x.W.Placement}/hours?limit=5")),
        // Contract v3a: notices (and their PDFs) are read as the person is: caseworker, official, auditor.
        new("GET /api/placements/{id}/notice", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/placements/{x.W.Printed}/notice")),
        // Contract v3a, roles of the new routes: notices are read as the person is; dispatch and receipt by caseworker or official.
        new("GET /api/notices", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/notices?personId={x.W.Person}")),
        new("GET /api/notices/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.W.Placement)}")),
        // Contract v3b: the translated annex is read as the PDF is (rendering it lists it on the notice once); an allowed
        // role gets both, the annex first, a refused one is refused the annex.
        new("GET /api/notices/{id}/pdf", [Cw, Of, Au], false, async (x, c) =>
        {
            var annexed = await c.GetAsync($"/api/notices/{NoticeOf(x.W.Printed)}/pdf?annex=ar");
            if (annexed.StatusCode != HttpStatusCode.OK) return annexed;
            annexed.Dispose();
            return await c.GetAsync($"/api/notices/{NoticeOf(x.W.Printed)}/pdf");
        }),
        // Contract v3d: the draft is read as the notice is. Only before dispatch: each allowed role gets a world of its own
        // (marked as changing for that reason only) whose printed notice is first reported not received.
        new("GET /api/notices/{id}/preview", [Cw, Of, Au], true, (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.W.Printed)}/preview"))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/notices/{NoticeOf(x.W.Printed)}/receipt", new { outcome = "not-received", note = "nie erhalten" })),
        },
        // The world's notice was handed over: the person says it never arrived, so it can go out again.
        new("POST /api/notices/{id}/dispatch", [Cw, Of], true, (x, c) => Post(c, $"/api/notices/{NoticeOf(x.W.Placement)}/dispatch",
            new { method = "post", on = D(x.Today) }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/notices/{NoticeOf(x.W.Placement)}/receipt", new { outcome = "not-received", note = "nie erhalten" })),
        },
        new("POST /api/notices/{id}/receipt", [Cw, Of], true, (x, c) => Post(c, $"/api/notices/{NoticeOf(x.W.Placement)}/receipt",
            new { outcome = "returned", note = "Brief kam zurück" })),
        // Contract v3 roles table: expenses are recorded by caseworkers and officials, decided by payroll or an official
        // (not the recorder: the world's caseworker records, so every allowed role decides); read by payroll, the office and auditors.
        new("POST /api/placements/{id}/expenses", [Cw, Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/expenses", ExpenseBody(x)))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/expenses/{id}/decision", [Pa, Of], true, async (x, c) =>
            await Post(c, $"/api/expenses/{await PendingExpenseOf(x)}/decision", new { approved = true, reasoning = "Belege geprüft" }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/expenses", ExpenseBody(x))),
        },
        new("GET /api/recoveries", [Pa, Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/recoveries?personId={x.W.Person}")),
        new("GET /api/expenses", [Pa, Cw, Of, Au], false, (x, c) => c.GetAsync($"/api/expenses?personId={x.W.Person}")),
        // A read shares the world: the first caller (the caseworker, allowed) finds the expense its world's caseworker records once.
        new("GET /api/expenses/{id}", [Pa, Cw, Of, Au], false, async (x, c) => await c.GetAsync($"/api/expenses/{await ExpenseOf(x)}")),
        new("POST /api/placements", [Cw], true, (x, c) => Post(c, "/api/placements", new
        {
            personId = x.W.FreePerson, offerId = x.W.Offer, noticeServedOn = D(x.Today.AddDays(-3)), startsOn = D(x.Today.AddDays(-2)), hoursPerWeek = 5,
        })),
        // Contract v3c: timesheets for the provider (own offer), caseworkers (their rows), payroll and auditors; confirmation by the provider.
        new("GET /api/offers/{id}/timesheets/{month}", [Pr, Cw, Pa, Au], false,
            (x, c) => c.GetAsync($"/api/offers/{x.W.Offer}/timesheets/{AGH.Domain.Payouts.Month.Of(x.Today).Previous}")),
        new("GET /api/offers/{id}/timesheets/{month}/pdf", [Pr, Cw, Pa, Au], false,
            (x, c) => c.GetAsync($"/api/offers/{x.W.Offer}/timesheets/{AGH.Domain.Payouts.Month.Of(x.Today).Previous}/pdf")),
        new("POST /api/offers/{id}/timesheets/{month}/confirmation", [Pr], true,
            (x, c) => Post(c, $"/api/offers/{x.W.Offer}/timesheets/{AGH.Domain.Payouts.Month.Of(x.Today).Previous}/confirmation", new { }))
            { ETagOf = x => $"/api/offers/{x.W.Offer}" },
        // Contract v3d: an offer's week read as the timesheet is; saved by caseworkers and the offer's provider.
        new("GET /api/offers/{id}/weeks/{week}", [Pr, Cw, Pa, Au], false, (x, c) => c.GetAsync($"/api/offers/{x.W.Offer}/weeks/{WeekOf(x.Today.AddDays(-1))}")),
        new("POST /api/offers/{id}/weeks/{week}/hours", [Cw, Pr], true, (x, c) => Post(c, $"/api/offers/{x.W.Offer}/weeks/{WeekOf(x.Today.AddDays(-1))}/hours",
            new { entries = new[] { new { placementId = x.W.Placement, date = D(x.Today.AddDays(-1)), minutes = 30 } } })),
        new("POST /api/placements/{id}/hours", [Cw, Pr], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/hours",
            new { date = D(x.Today.AddDays(-1)), minutes = 30 })) { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/hours/{entryId}/correction", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/hours/{x.W.Entry}/correction", new { minutes = 45, reason = "Nachtrag" }))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/refusals", [Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/refusals",
            new { date = D(x.Today.AddDays(-1)), kind = "dropped-out", statedReason = "krank" })) { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/refusals/{refusalId}/assessment", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/refusals/{refusalId}/hearing", [Cw], true, (x, c) => Post(c,
            $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}/hearing", new { heldOn = D(x.Today), statement = "nichts", form = "oral", heldInPerson = true }))
            { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        // A second proposal needs the open refusal assessed and heard first.
        new("POST /api/placements/{id}/sanction-proposals", [Cw], true, (x, c) =>
            Post(c, $"/api/placements/{x.W.Placement}/sanction-proposals", new { refusalId = x.W.OpenRefusal, reasoning = "r" }))
        {
            Prepare = async x =>
            {
                var refusal = $"/api/placements/{x.W.Placement}/refusals/{x.W.OpenRefusal}";
                await Must(Post(x.Cw, $"{refusal}/assessment", new { goodCause = false, reasoning = "kein Grund" }));
                await Must(Post(x.Cw, $"{refusal}/hearing", new { heldOn = D(x.Today), statement = "nichts", form = "oral", heldInPerson = true }));
            },
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        new("POST /api/placements/{id}/end", [Cw], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/end",
            new { date = D(x.Today), reason = "moved-away" })) { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        // Contract v3 roles: placement objection and lawsuit by caseworker or official; enforcement and decision by officials.
        new("POST /api/placements/{id}/objection", [Cw, Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/objection",
            new { receivedOn = D(x.Today), statement = "Ich widerspreche" })) { ETagOf = x => $"/api/placements/{x.W.Placement}" },
        new("POST /api/placements/{id}/immediate-enforcement", [Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/immediate-enforcement",
            new { reasoning = "Öffentliches Interesse an der sofortigen Heranziehung" }))
        {
            Prepare = x => Must(PlacementObjected(x)),
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        new("POST /api/placements/{id}/objection/decision", [Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/objection/decision",
            new { outcome = "dismissed", reasoning = "Der Heranziehungsbescheid ist rechtmäßig" }))
        {
            Prepare = x => Must(PlacementObjected(x)),
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        new("POST /api/placements/{id}/lawsuit", [Cw, Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/lawsuit",
            new { filedOn = D(x.Today), court = "Sozialgericht Osnabrück", fileNumber = "S 44 AY 1/26" }))
        {
            Prepare = PlacementObjectionDismissed,
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        new("POST /api/placements/{id}/lawsuit/end", [Cw, Of], true, (x, c) => Post(c, $"/api/placements/{x.W.Placement}/lawsuit/end",
            new { outcome = "withdrawn", on = D(x.Today) }))
        {
            Prepare = async x =>
            {
                await PlacementObjectionDismissed(x);
                await Must(Post(x.Cw, $"/api/placements/{x.W.Placement}/lawsuit", new { filedOn = D(x.Today), court = "Sozialgericht Osnabrück", fileNumber = "S 44 AY 1/26" }));
            },
            ETagOf = x => $"/api/placements/{x.W.Placement}",
        },
        // Contract: caseworkers may do "sanction proposals", officials decide them; auditors read everything.
        new("GET /api/sanction-proposals", [Cw, Of, Au], false, (_, c) => c.GetAsync("/api/sanction-proposals")),
        new("GET /api/sanction-proposals/{id}", [Cw, Of, Au], false, (x, c) => c.GetAsync(OfProposal(x.W.Proposal))),
        new("GET /api/sanction-proposals/{id}/notice", [Cw, Of, Au], false, (x, c) => c.GetAsync($"{OfProposal(x.W.Restricted)}/notice")),
        new("POST /api/sanction-proposals/{id}/decision", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Proposal)}/decision",
            new { approved = true, reasoning = "§ 1a", startsOn = D(x.Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })) { ETagOf = x => OfProposal(x.W.Proposal) },
        // Contract v2: the objection is filed by a caseworker of the person's municipality or an official; decided by an
        // official; the restriction ended early and reviewed by an official.
        new("POST /api/sanction-proposals/{id}/objection", [Cw, Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/objection",
            new { receivedOn = D(x.Today), statement = "Ich widerspreche" })) { ETagOf = x => OfProposal(x.W.Restricted) },
        new("POST /api/sanction-proposals/{id}/objection/decision", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/objection/decision",
            new { upheld = false, reasoning = "Die Einschränkung ist rechtmäßig" }))
        {
            Prepare = x => Must(Post(x.Cw, $"{OfProposal(x.W.Restricted)}/objection", new { receivedOn = D(x.Today), statement = "Ich widerspreche" })),
            ETagOf = x => OfProposal(x.W.Restricted),
        },
        new("POST /api/sanction-proposals/{id}/restriction/end", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/restriction/end",
            new { date = D(x.Today), reason = "duty-fulfilled", reasoning = "arbeitet wieder" })) { ETagOf = x => OfProposal(x.W.Restricted) },
        new("POST /api/sanction-proposals/{id}/review", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/review",
            new { continueRestriction = false, reasoning = "endet wie geplant" })) { ETagOf = x => OfProposal(x.W.Restricted) },
        // Contract v3a ("exact rules", roles): suspension and its end, the review-request decision: officials; the review request:
        // caseworkers and officials.
        new("POST /api/sanction-proposals/{id}/suspension", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/suspension",
            new { kind = "authority", decidedOn = D(x.Today), from = D(x.Today), note = "Aussetzung der Vollziehung" })) { ETagOf = x => OfProposal(x.W.Restricted) },
        new("POST /api/sanction-proposals/{id}/suspension/end", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/suspension/end",
            new { outcome = "reinstated", on = D(x.Today), note = "wieder in Kraft" }))
        {
            Prepare = x => Must(Post(x.Official!, $"{OfProposal(x.W.Restricted)}/suspension",
                new { kind = "authority", decidedOn = D(x.Today), from = D(x.Today), note = "Aussetzung der Vollziehung" })),
            ETagOf = x => OfProposal(x.W.Restricted),
        },
        new("POST /api/sanction-proposals/{id}/review-request", [Cw, Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/review-request",
            new { receivedOn = D(x.Today), statement = "Bitte überprüfen" })) { ETagOf = x => OfProposal(x.W.Restricted) },
        new("POST /api/sanction-proposals/{id}/review-request/decision", [Of], true, (x, c) => Post(c, $"{OfProposal(x.W.Restricted)}/review-request/decision",
            new { outcome = "refused", reasoning = "rechtmäßig" }))
        {
            Prepare = x => Must(Post(x.Cw, $"{OfProposal(x.W.Restricted)}/review-request", new { receivedOn = D(x.Today), statement = "Bitte überprüfen" })),
            ETagOf = x => OfProposal(x.W.Restricted),
        },
        // Contract v2 (§ 14 Abs. 2 review): for officials and caseworkers (own municipality) and auditors.
        new("GET /api/restrictions/due-for-review", [Cw, Of, Au], false, (_, c) => c.GetAsync("/api/restrictions/due-for-review?within=366")),
        // Contract v3d: open work for caseworkers, officials and payroll.
        new("GET /api/tasks", [Cw, Of, Pa], false, (_, c) => c.GetAsync("/api/tasks")),
        new("GET /api/quota", [Co, Au], false, (_, c) => c.GetAsync("/api/quota")),
        // Contract v3c ("exact rules", roles): the district report for coordinators, officials and auditors.
        new("GET /api/reports/placements", [Co, Of, Au], false, (x, c) => c.GetAsync($"/api/reports/placements?from={x.Today:yyyy-MM}&to={x.Today:yyyy-MM}")),
        new("POST /api/payout-runs", [Pa], true, (x, c) => Post(c, "/api/payout-runs", new { month = $"{x.Today.AddMonths(-6):yyyy-MM}" })),
        new("GET /api/payout-runs", [Pa, Au], false, (_, c) => c.GetAsync("/api/payout-runs")),
        new("GET /api/payout-runs/{id}", [Pa, Au], false, (x, c) => c.GetAsync($"/api/payout-runs/{x.Run}")),
        new("POST /api/payout-runs/{id}/release", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/release", new { })),
        new("POST /api/payout-runs/{id}/review", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/review", new { })),
        new("POST /api/payout-runs/{id}/reject", [Pa], true, (x, c) => Post(c, $"/api/payout-runs/{x.Run}/reject", new { reason = "Stunden fehlen" })),
        new("GET /api/payout-runs/{id}/export", [Pa, Au], false, (x, c) => c.GetAsync($"/api/payout-runs/{x.Run}/export?duplicate=true")),
        // Contract: history for the auditor, or a caseworker of the person's municipality; the access log for the auditor;
        // the Art. 15 export for a caseworker of the person's municipality or the auditor.
        new("GET /api/persons/{id}/history", [Au, Cw], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}/history")),
        new("GET /api/persons/{id}/access-log", [Au], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}/access-log")),
        new("GET /api/persons/{id}/export", [Cw, Au], false, (x, c) => c.GetAsync($"/api/persons/{x.W.Person}/export")),
        // The contract names no role for legal holds; the code lets caseworkers (own municipality) and officials place
        // and lift them, who handle the remedies that cause them. Auditors change nothing.
        new("POST /api/persons/{id}/legal-hold", [Cw, Of], true, (x, c) => Post(c, $"/api/persons/{x.W.Person}/legal-hold",
            new { reason = "Klage anhängig" })) { ETagOf = x => $"/api/persons/{x.W.Person}" },
        new("POST /api/persons/{id}/legal-hold/release", [Cw, Of], true, (x, c) => Post(c, $"/api/persons/{x.W.Person}/legal-hold/release",
            new { reason = "Klage zurückgenommen" }))
        {
            Prepare = x => Must(Post(x.Cw, $"/api/persons/{x.W.Person}/legal-hold", new { reason = "Klage anhängig" })),
            ETagOf = x => $"/api/persons/{x.W.Person}",
        },
    ];

    [Fact]
    public async Task Every_documented_route_has_a_row_in_the_role_matrix_and_every_If_Match_route_a_stale_ETag_check()
    {
        var documented = await DocumentedRoutes.Of(Factory.CreateClient());
        var rows = Routes.Select(r => r.Name).ToList();
        rows.Should().OnlyHaveUniqueItems();

        var failures = new List<string>();
        foreach (var route in DocumentedRoutes.Uncovered(documented.Keys, rows.Concat(NotRoleChecked.Keys)))
            failures.Add($"{route}: documented, but the role matrix has no row for it (add one to {nameof(Routes)})");
        foreach (var row in rows.Concat(NotRoleChecked.Keys).Where(r => !documented.ContainsKey(r)))
            failures.Add($"{row}: in the role matrix, but not a documented route");
        foreach (var (route, responses) in documented.Where(d => d.Value.Contains("412")))
            if (Routes.SingleOrDefault(r => r.Name == route) is not { ETagOf: not null })
                failures.Add($"{route}: documented with 412, but the role matrix sends it no stale If-Match (set {nameof(Route.ETagOf)})");
        foreach (var route in Routes.Where(r => r.ETagOf is not null && documented.TryGetValue(r.Name, out var responses) && !responses.Contains("412")))
            failures.Add($"{route.Name}: answers 412 to a stale If-Match, but the document does not say so");
        failures.Should().BeEmpty("the role matrix names every documented route; all failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Each_role_gets_exactly_what_the_contract_allows_on_every_route_and_a_stale_If_Match_is_412()
    {
        var shared = await BuildWorld("bad-iburg", "cw-bad-iburg");
        var sharedCw = await Caseworker("bad-iburg", "cw-bad-iburg");
        var sharedOfficial = await As("official", null, "official-prepare");
        var sharedProvider = await ClientOf(Roles.Single(r => r.Role == Pr));
        // Months of this class only (the hostile tests use the last few), so the order of the classes does not matter.
        var runMonths = 24;
        var sharedRun = await PreparedRun("payroll-a", runMonths++);
        // Only a released run is exported (contract v2), so the shared run is released by a second clerk.
        (await Post(await As("payroll", null, "payroll-b"), $"/api/payout-runs/{sharedRun}/release", new { })).EnsureSuccessStatusCode();
        // Payroll's first export is recorded (contract v3b); the matrix then asks for duplicates, which payroll records and an auditor reads.
        (await (await As("payroll", null, "payroll-b")).GetAsync($"/api/payout-runs/{sharedRun}/export")).EnsureSuccessStatusCode();
        var failures = new List<string>();
        var table = new List<string>();

        foreach (var route in Routes)
        {
            var row = new List<string>();
            var staleChecked = false;
            foreach (var role in Roles)
            {
                var client = await ClientOf(role);
                var allowed = route.Allowed.Contains(role.Role);
                // An allowed change gets resources of its own, so every allowed call can succeed; refusals share one world.
                var ctx = allowed && route.Mutates
                    ? new Ctx(await BuildWorld("bad-iburg", "cw-bad-iburg"), await PreparedRun("payroll-a", runMonths++), Today, sharedCw) { Official = sharedOfficial, Provider = sharedProvider }
                    : new Ctx(shared, sharedRun, Today, sharedCw) { Official = sharedOfficial, Provider = sharedProvider };
                if (allowed && route.Mutates && route.Prepare is { } prepare) await prepare(ctx);

                // Once per command: the same call with the ETag of the resource's state before its latest change is 412
                // and stores nothing; the call then runs with a current state as below.
                if (allowed && route.ETagOf is { } etagOf && !staleChecked)
                {
                    staleChecked = true;
                    var (status, text, appended) = await SendStale(route, ctx, role, etagOf(ctx));
                    if (status != 412 || !text.Contains("precondition-failed"))
                        failures.Add($"{route.Name} as {role.Label} with a stale If-Match: expected 412 precondition-failed, got {status} {text}");
                    if (appended) failures.Add($"{route.Name} as {role.Label} with a stale If-Match: appended events");
                }

                var before = await Factory.EventMark();
                using var response = await route.Send(ctx, client);
                var actual = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                row.Add($"{role.Label}={actual}");
                if (allowed && actual is < 200 or >= 300)
                    failures.Add($"{route.Name} as {role.Label}: allowed, expected 2xx, got {actual} {body}");
                if (!allowed)
                {
                    if (actual != 403) failures.Add($"{route.Name} as {role.Label}: not allowed, expected 403, got {actual} {body}");
                    else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{route.Name} as {role.Label}: 403 without problem+json");
                    if (await Factory.EventMark() != before) failures.Add($"{route.Name} as {role.Label}: refused but appended events");
                }
            }
            table.Add($"{route.Name}: {string.Join(", ", row)}");
        }
        foreach (var line in table) output.WriteLine(line);
        failures.Should().BeEmpty("every role gets what the contract allows; all failures:\n" + string.Join("\n", failures));
    }

    /// <summary>Sends the route's call with If-Match set to the ETag the resource had before its latest change.</summary>
    private async Task<(int Status, string Text, bool Appended)> SendStale(Route route, Ctx ctx, RoleCase role, string resource)
    {
        using var current = await ctx.Cw.GetAsync(resource);
        current.StatusCode.Should().Be(HttpStatusCode.OK, resource);
        var tag = current.Headers.ETag!.Tag.Trim('"');
        var stale = $"\"{long.Parse(tag, System.Globalization.CultureInfo.InvariantCulture) - 1}\"";
        var client = await ClientOf(role);
        client.DefaultRequestHeaders.TryAddWithoutValidation("If-Match", stale).Should().BeTrue();
        var before = await Factory.EventMark();
        using var response = await route.Send(ctx, client);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), await Factory.EventMark() != before);
    }

    /// <summary>
    /// Resources of the municipality asked about (Bissendorf), of the callers' own (Ostercappeln), and today. Municipalities
    /// no other test of this database uses, so their lists hold only these worlds.
    /// </summary>
    private sealed record Worlds(World Theirs, World Own, DateOnly Today);

    private const string OtherCaseworker = "caseworker ostercappeln", OtherOfficial = "official ostercappeln";
    private const string Theirs = "bissendorf", Own = "ostercappeln";

    /// <summary>
    /// Calls of Ostercappeln's staff on Bissendorf's resources, by documented route: each must be 404 and store nothing. Officials
    /// act on the routes their role allows; on the caseworkers' routes the role check answers 403 first, the same for
    /// every id, so nothing is revealed there either.
    /// </summary>
    private static readonly (string Route, string Caller, string What, Func<Worlds, HttpClient, Task<HttpResponseMessage>> Send)[] Foreign =
    [
        ("GET /api/persons/{id}", OtherCaseworker, "person", (x, c) => c.GetAsync($"/api/persons/{x.Theirs.Person}")),
        ("GET /api/persons/{id}", OtherCaseworker, "person asOf", (x, c) => c.GetAsync($"/api/persons/{x.Theirs.Person}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}")),
        ("GET /api/persons/{id}", OtherOfficial, "person", (x, c) => c.GetAsync($"/api/persons/{x.Theirs.Person}")),
        ("GET /api/persons/{id}/history", OtherCaseworker, "history", (x, c) => c.GetAsync($"/api/persons/{x.Theirs.Person}/history")),
        ("GET /api/persons/{id}/export", OtherCaseworker, "Art. 15 export", (x, c) => c.GetAsync($"/api/persons/{x.Theirs.Person}/export")),
        ("POST /api/persons/{id}/exemptions", OtherCaseworker, "exemption", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/exemptions", new { reason = "illness", from = D(x.Today), reviewOn = D(x.Today.AddDays(14)) })),
        ("POST /api/persons/{id}/correction", OtherCaseworker, "correction", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/correction", new { familyName = "Neu", reason = "Schreibfehler" })),
        // The kept record is the caller's own: a leak would answer 409 has-placements.
        ("POST /api/persons/{id}/duplicate-of", OtherCaseworker, "duplicate of", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/duplicate-of", new { personId = x.Own.Person, reason = "doppelt" })),
        ("POST /api/persons/{id}/duplicate-of", OtherCaseworker, "duplicate of a foreign record", (x, c) => Post(c, $"/api/persons/{x.Own.FreePerson}/duplicate-of", new { personId = x.Theirs.Person, reason = "doppelt" })),
        ("POST /api/persons/{id}/entitlement-end", OtherCaseworker, "entitlement end", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/entitlement-end", new { date = D(x.Today), reason = "Wegzug" })),
        // An unknown exemption of a foreign person: the person is looked up first, so nothing tells the two apart.
        ("POST /api/persons/{id}/exemptions/{exemptionId}/end", OtherCaseworker, "exemption end", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/exemptions/{Guid.NewGuid()}/end", new { until = D(x.Today) })),
        ("POST /api/persons/{id}/exemptions/{exemptionId}/end", OtherOfficial, "exemption end", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/exemptions/{Guid.NewGuid()}/end", new { until = D(x.Today) })),
        ("POST /api/persons/{id}/exemptions/{exemptionId}/withdrawal", OtherCaseworker, "exemption withdrawal", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/exemptions/{Guid.NewGuid()}/withdrawal", new { reason = "Irrtum" })),
        ("POST /api/persons/{id}/exemptions/{exemptionId}/withdrawal", OtherOfficial, "exemption withdrawal", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/exemptions/{Guid.NewGuid()}/withdrawal", new { reason = "Irrtum" })),
        ("POST /api/persons/{id}/legal-status", OtherCaseworker, "legal status", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-status", new { status = "tolerated", since = D(x.Today), note = "n" })),
        ("POST /api/persons/{id}/legal-status", OtherOfficial, "legal status", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-status", new { status = "excluded", since = D(x.Today), note = "n" })),
        ("POST /api/persons/{id}/willingness", OtherCaseworker, "willingness", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/willingness", new { on = D(x.Today), note = "n" })),
        ("POST /api/persons/{id}/willingness", OtherOfficial, "willingness", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/willingness", new { on = D(x.Today), note = "n" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/hearing-invitation", OtherCaseworker, "hearing invitation", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.OpenRefusal}/hearing-invitation",
            new { invitedOn = D(x.Today), form = "oral", deadline = D(x.Today.AddDays(30)), language = "de", delivery = "handed-over" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/hearing-invitation", OtherOfficial, "hearing invitation", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.OpenRefusal}/hearing-invitation",
            new { invitedOn = D(x.Today), form = "oral", deadline = D(x.Today.AddDays(30)), language = "de", delivery = "handed-over" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/hearing-invitation", OtherCaseworker, "invitation on a foreign refusal in an own placement", (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/refusals/{x.Theirs.OpenRefusal}/hearing-invitation",
            new { invitedOn = D(x.Today), form = "oral", deadline = D(x.Today.AddDays(30)), language = "de", delivery = "handed-over" })),
        // The refusal was assessed and heard: a leak would answer 200.
        ("POST /api/placements/{id}/refusals/{refusalId}/reassessment", OtherCaseworker, "reassessment", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.Refusal}/reassessment", new { goodCause = false, reasoning = "r" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/reassessment", OtherOfficial, "reassessment", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.Refusal}/reassessment", new { goodCause = false, reasoning = "r" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/reassessment", OtherCaseworker, "reassessment of a foreign refusal in an own placement", (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/refusals/{x.Theirs.Refusal}/reassessment", new { goodCause = false, reasoning = "r" })),
        ("POST /api/persons/{id}/legal-hold", OtherCaseworker, "legal hold", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-hold", new { reason = "Klage" })),
        ("POST /api/persons/{id}/legal-hold", OtherOfficial, "legal hold", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-hold", new { reason = "Klage" })),
        // No hold is in place: a leak would answer 409 no-legal-hold.
        ("POST /api/persons/{id}/legal-hold/release", OtherCaseworker, "legal hold release", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-hold/release", new { reason = "erledigt" })),
        ("POST /api/persons/{id}/legal-hold/release", OtherOfficial, "legal hold release", (x, c) => Post(c, $"/api/persons/{x.Theirs.Person}/legal-hold/release", new { reason = "erledigt" })),
        ("POST /api/placements", OtherCaseworker, "placement for a foreign person", (x, c) => Post(c, "/api/placements", new
        {
            personId = x.Theirs.FreePerson, offerId = x.Own.Offer, noticeServedOn = D(x.Today.AddDays(-3)), startsOn = D(x.Today.AddDays(-2)), hoursPerWeek = 5,
        })),
        ("GET /api/placements/{id}", OtherCaseworker, "placement", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Placement}")),
        ("GET /api/placements/{id}", OtherOfficial, "placement", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Placement}")),
        ("GET /api/placements/{id}/hours", OtherCaseworker, "placement hours", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Placement}/hours")),
        ("GET /api/placements/{id}/hours", OtherOfficial, "placement hours", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Placement}/hours?limit=1")),
        ("GET /api/notices", OtherCaseworker, "notices of a foreign person", (x, c) => c.GetAsync($"/api/notices?personId={x.Theirs.Person}")),
        ("GET /api/notices", OtherOfficial, "notices of a foreign person", (x, c) => c.GetAsync($"/api/notices?personId={x.Theirs.Person}")),
        ("GET /api/notices/{id}", OtherCaseworker, "notice", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Placement)}")),
        ("GET /api/notices/{id}", OtherOfficial, "notice", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Placement)}")),
        ("GET /api/notices/{id}/pdf", OtherCaseworker, "notice PDF", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/pdf")),
        ("GET /api/notices/{id}/preview", OtherCaseworker, "notice draft", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/preview")),
        ("GET /api/notices/{id}/preview", OtherOfficial, "notice draft", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/preview")),
        ("GET /api/notices/{id}/pdf", OtherOfficial, "notice PDF", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/pdf")),
        ("GET /api/notices/{id}/pdf", OtherCaseworker, "notice PDF with an annex", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/pdf?annex=fa")),
        ("GET /api/notices/{id}/pdf", OtherOfficial, "notice PDF with an annex", (x, c) => c.GetAsync($"/api/notices/{NoticeOf(x.Theirs.Printed)}/pdf?annex=fa")),
        // The notice was handed over: a leak would answer 409 already-dispatched.
        ("POST /api/notices/{id}/dispatch", OtherCaseworker, "notice dispatch", (x, c) => Post(c, $"/api/notices/{NoticeOf(x.Theirs.Placement)}/dispatch", new { method = "post", on = D(x.Today) })),
        ("POST /api/notices/{id}/dispatch", OtherOfficial, "notice dispatch", (x, c) => Post(c, $"/api/notices/{NoticeOf(x.Theirs.Placement)}/dispatch", new { method = "post", on = D(x.Today) })),
        ("POST /api/notices/{id}/receipt", OtherCaseworker, "notice receipt", (x, c) => Post(c, $"/api/notices/{NoticeOf(x.Theirs.Placement)}/receipt", new { outcome = "returned", note = "zurück" })),
        ("POST /api/notices/{id}/receipt", OtherOfficial, "notice receipt", (x, c) => Post(c, $"/api/notices/{NoticeOf(x.Theirs.Placement)}/receipt", new { outcome = "returned", note = "zurück" })),
        ("POST /api/placements/{id}/accidents", OtherCaseworker, "accident", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/accidents",
            new { on = D(x.Today.AddDays(-1)), description = "Sturz", incapacityDays = 4 })),
        ("POST /api/placements/{id}/expenses", OtherCaseworker, "expense", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/expenses",
            new { month = AGH.Domain.Payouts.Month.Of(x.Today).ToString(), amountCents = 100, description = "d", evidence = "e" })),
        ("POST /api/placements/{id}/expenses", OtherOfficial, "expense", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/expenses",
            new { month = AGH.Domain.Payouts.Month.Of(x.Today).ToString(), amountCents = 100, description = "d", evidence = "e" })),
        ("GET /api/placements/{id}/notice", OtherCaseworker, "assignment notice", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Printed}/notice")),
        ("GET /api/placements/{id}/notice", OtherOfficial, "assignment notice", (x, c) => c.GetAsync($"/api/placements/{x.Theirs.Printed}/notice")),
        ("POST /api/placements/{id}/hours", OtherCaseworker, "hours", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/hours", new { date = D(x.Today.AddDays(-1)), minutes = 30 })),
        ("POST /api/placements/{id}/hours/{entryId}/correction", OtherCaseworker, "correction", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/hours/{x.Theirs.Entry}/correction", new { minutes = 0, reason = "Storno" })),
        ("POST /api/placements/{id}/hours/{entryId}/correction", OtherCaseworker, "correction of a foreign entry in an own placement",
            (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/hours/{x.Theirs.Entry}/correction", new { minutes = 0, reason = "Storno" })),
        ("POST /api/placements/{id}/refusals", OtherCaseworker, "refusal", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals", new { date = D(x.Today.AddDays(-1)), kind = "explicit", statedReason = "x" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/assessment", OtherCaseworker, "assessment", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.OpenRefusal}/assessment", new { goodCause = false, reasoning = "r" })),
        // The caller's own placement with the other municipality's refusal: that refusal does not exist here.
        ("POST /api/placements/{id}/refusals/{refusalId}/assessment", OtherCaseworker, "assessment of a foreign refusal in an own placement",
            (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/refusals/{x.Theirs.OpenRefusal}/assessment", new { goodCause = false, reasoning = "r" })),
        ("POST /api/placements/{id}/refusals/{refusalId}/hearing", OtherCaseworker, "hearing", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/refusals/{x.Theirs.OpenRefusal}/hearing", new { heldOn = D(x.Today), statement = "s", form = "oral", heldInPerson = true })),
        ("POST /api/placements/{id}/refusals/{refusalId}/hearing", OtherCaseworker, "hearing on a foreign refusal in an own placement",
            (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/refusals/{x.Theirs.OpenRefusal}/hearing", new { heldOn = D(x.Today), statement = "s", form = "oral", heldInPerson = true })),
        ("POST /api/placements/{id}/sanction-proposals", OtherCaseworker, "sanction proposal", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/sanction-proposals", new { refusalId = x.Theirs.Refusal, reasoning = "r" })),
        ("POST /api/placements/{id}/sanction-proposals", OtherCaseworker, "proposal for a foreign refusal in an own placement",
            (x, c) => Post(c, $"/api/placements/{x.Own.Placement}/sanction-proposals", new { refusalId = x.Theirs.Refusal, reasoning = "r" })),
        ("POST /api/placements/{id}/end", OtherCaseworker, "placement end", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/end", new { date = D(x.Today), reason = "other" })),
        ("POST /api/placements/{id}/objection", OtherCaseworker, "placement objection", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/objection", new { receivedOn = D(x.Today), statement = "Widerspruch" })),
        ("POST /api/placements/{id}/objection", OtherOfficial, "placement objection", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/objection", new { receivedOn = D(x.Today), statement = "Widerspruch" })),
        // No placement objection is filed there: a leak would answer 409 no-pending-objection or no-dismissed-objection.
        ("POST /api/placements/{id}/immediate-enforcement", OtherOfficial, "immediate enforcement", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/immediate-enforcement", new { reasoning = "Öffentliches Interesse an der Heranziehung" })),
        ("POST /api/placements/{id}/objection/decision", OtherOfficial, "placement objection decision", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/objection/decision", new { outcome = "upheld", reasoning = "Der Bescheid war rechtswidrig" })),
        ("POST /api/placements/{id}/lawsuit", OtherCaseworker, "lawsuit", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/lawsuit", new { filedOn = D(x.Today), court = "SG Osnabrück", fileNumber = "S 1/26" })),
        ("POST /api/placements/{id}/lawsuit", OtherOfficial, "lawsuit", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/lawsuit", new { filedOn = D(x.Today), court = "SG Osnabrück", fileNumber = "S 1/26" })),
        ("POST /api/placements/{id}/lawsuit/end", OtherCaseworker, "lawsuit end", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/lawsuit/end", new { outcome = "withdrawn", on = D(x.Today) })),
        ("POST /api/placements/{id}/lawsuit/end", OtherOfficial, "lawsuit end", (x, c) => Post(c, $"/api/placements/{x.Theirs.Placement}/lawsuit/end", new { outcome = "withdrawn", on = D(x.Today) })),
        ("GET /api/sanction-proposals/{id}", OtherCaseworker, "proposal", (x, c) => c.GetAsync(OfProposal(x.Theirs.Proposal))),
        ("GET /api/sanction-proposals/{id}", OtherOfficial, "proposal", (x, c) => c.GetAsync(OfProposal(x.Theirs.Proposal))),
        ("GET /api/sanction-proposals/{id}/notice", OtherCaseworker, "decision notice", (x, c) => c.GetAsync($"{OfProposal(x.Theirs.Restricted)}/notice")),
        ("GET /api/sanction-proposals/{id}/notice", OtherOfficial, "decision notice", (x, c) => c.GetAsync($"{OfProposal(x.Theirs.Restricted)}/notice")),
        ("POST /api/sanction-proposals/{id}/decision", OtherOfficial, "decision", (x, c) => Post(c, $"{OfProposal(x.Theirs.Proposal)}/decision", new { approved = true, reasoning = "§ 1a", startsOn = D(x.Today), amounts = V3bTerms.Amounts, specialCircumstances = V3bTerms.Special, approvalNotice = V3bTerms.Notice })),
        ("POST /api/sanction-proposals/{id}/objection", OtherCaseworker, "objection", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/objection", new { receivedOn = D(x.Today), statement = "Widerspruch" })),
        ("POST /api/sanction-proposals/{id}/objection", OtherOfficial, "objection", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/objection", new { receivedOn = D(x.Today), statement = "Widerspruch" })),
        // No objection is filed: a leak would answer 409 no-objection.
        ("POST /api/sanction-proposals/{id}/objection/decision", OtherOfficial, "objection decision", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/objection/decision", new { upheld = true, reasoning = "r" })),
        ("POST /api/sanction-proposals/{id}/restriction/end", OtherOfficial, "restriction end", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/restriction/end", new { date = D(x.Today), reason = "duty-fulfilled", reasoning = "r" })),
        ("POST /api/sanction-proposals/{id}/review", OtherOfficial, "review", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/review", new { continueRestriction = false, reasoning = "r" })),
        ("POST /api/sanction-proposals/{id}/suspension", OtherOfficial, "suspension", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/suspension",
            new { kind = "authority", decidedOn = D(x.Today), from = D(x.Today), note = "n" })),
        // Nothing is suspended: a leak would answer 409 not-suspended.
        ("POST /api/sanction-proposals/{id}/suspension/end", OtherOfficial, "suspension end", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/suspension/end",
            new { outcome = "reinstated", on = D(x.Today), note = "n" })),
        ("POST /api/sanction-proposals/{id}/review-request", OtherCaseworker, "review request", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/review-request",
            new { receivedOn = D(x.Today), statement = "s" })),
        ("POST /api/sanction-proposals/{id}/review-request", OtherOfficial, "review request", (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/review-request",
            new { receivedOn = D(x.Today), statement = "s" })),
        // Nothing is requested: a leak would answer 409 no-pending-review-request.
        ("POST /api/sanction-proposals/{id}/review-request/decision", OtherOfficial, "review-request decision",
            (x, c) => Post(c, $"{OfProposal(x.Theirs.Restricted)}/review-request/decision", new { outcome = "refused", reasoning = "r" })),
    ];

    /// <summary>Lists filter instead of refusing: the URL, and the ids of Bissendorf that Ostercappeln's staff must not find in it.</summary>
    private static readonly (string Route, Func<World, string> Url, Func<World, Guid[]> Hidden)[] ForeignLists =
    [
        ("GET /api/persons", _ => $"/api/persons?municipality={Theirs}&pageSize=500", w => [w.Person, w.FreePerson, w.RestrictedPerson]),
        ("GET /api/persons", _ => "/api/persons?pageSize=500", w => [w.Person, w.FreePerson, w.RestrictedPerson]),
        ("GET /api/placements", w => $"/api/placements?personId={w.Person}", w => [w.Placement]),
        ("GET /api/placements", w => $"/api/placements?offerId={w.Offer}", w => [w.Placement]),
        ("GET /api/sanction-proposals", _ => "/api/sanction-proposals?pageSize=500", w => [w.Proposal, w.Restricted]),
        ("GET /api/restrictions/due-for-review", _ => "/api/restrictions/due-for-review?within=366", w => [w.Restricted, w.RestrictedPerson]),
        ("GET /api/tasks", _ => "/api/tasks", w => [w.Person, w.FreePerson, w.RestrictedPerson, w.Placement, w.Proposal, w.Restricted]),
    ];

    /// <summary>Documented routes that take no id of a person, placement, refusal or proposal, with the reason.</summary>
    private static readonly Dictionary<string, string> NoPersonScopedId = new()
    {
        ["POST /dev/token"] = "issues tokens",
        ["GET /api/municipalities"] = "reference data, readable by every role",
        ["GET /api/offers"] = "offers are readable by every role (a provider's own only: ProviderTests)",
        ["GET /api/offers/{id}"] = "offers are readable by every role (a provider's own only, another's 404: ProviderTests)",
        ["GET /api/offers/{id}/timesheets/{month}"] = "an offer's sheet: a caseworker gets only its municipality's rows, a provider 404 for another's offer (TimesheetTests)",
        ["GET /api/offers/{id}/timesheets/{month}/pdf"] = "as the timesheet: a caseworker's sheet holds only its municipality's persons (TimesheetPdfTests)",
        ["GET /api/offers/{id}/weeks/{week}"] = "an offer's week: a caseworker gets only its municipality's rows, a provider 404 for another's offer (WeekGridTests)",
        ["POST /api/offers/{id}/weeks/{week}/hours"] = "an offer's week: answers 200 with an entry of another municipality's person 404 and nothing stored (WeekGridTests)",
        ["POST /api/offers/{id}/timesheets/{month}/confirmation"] = "providers only, by offer: another provider's offer is 404 (TimesheetTests)",
        ["POST /api/offers/{id}/provider"] = "an offer, not a person; coordinators act district-wide (ProviderTests)",
        ["POST /api/offers"] = "an offer, not a person; another municipality's is refused by role (403, OfferTests)",
        ["POST /api/offers/{id}/places"] = "an offer, not a person; another municipality's is refused by role (403, OfferTests)",
        ["POST /api/offers/{id}/withdrawal"] = "an offer, not a person; another municipality's is refused by role (403, hostile generator)",
        ["POST /api/persons"] = "creates a person; the municipality is in the body",
        ["GET /api/quota"] = "aggregates only",
        ["GET /api/reports/placements"] = "aggregates only; an official of a municipality reads its rows only (DistrictReportTests)",
        // The worlds hold no absence report or accident; their other-municipality and other-provider 404s are in their own tests.
        ["POST /api/placements/{id}/absence-reports"] = "providers only (by offer, not municipality); another provider's placement is 404 (AbsenceReportTests)",
        ["GET /api/absence-reports"] = "filtered to the caller's municipality or provider; another municipality's caseworker lists none (AbsenceReportTests)",
        ["GET /api/absence-reports/{id}"] = "an absence report id; another municipality's or provider's is 404 (AbsenceReportTests)",
        ["POST /api/absence-reports/{id}/refusal"] = "an absence report id; another municipality's caseworker gets 404 (AbsenceReportTests)",
        ["POST /api/absence-reports/{id}/dismissal"] = "an absence report id; another municipality's caseworker gets 404 (AbsenceReportTests)",
        ["GET /api/accidents"] = "filtered to the caller's municipality or provider; another municipality's caseworker lists none (AccidentTests)",
        ["GET /api/accidents/{id}"] = "an accident id; another municipality's or provider's is 404 (AccidentTests)",
        ["POST /api/accidents/{id}/report"] = "an accident id; another municipality's caseworker or another provider gets 404 (AccidentTests)",
        ["POST /api/accidents/{id}/incapacity"] = "an accident id; another municipality's caseworker or another provider gets 404 (AccidentTests)",
        // The worlds hold no expense or recovery (building one needs a released run); their checks are in their own tests.
        ["GET /api/expenses/{id}"] = "an expense id; another municipality's expense is 404 (ExpenseTests)",
        ["POST /api/expenses/{id}/decision"] = "an expense id; another municipality's official gets 404 (ExpenseTests); payroll decides for the district",
        ["GET /api/expenses"] = "filtered to the caller's municipality; another municipality's caseworker lists none (ExpenseTests)",
        ["GET /api/recoveries"] = "filtered to the caller's municipality; another municipality's caseworker lists none (RecoveryTests)",
        // A recovery needs a run released for the whole district, which these worlds do not hold: its own database checks them.
        ["POST /api/recoveries/{id}/hearing"] = "a recovery of another municipality: 404 for its caseworker (RecoveryProcedureTests)",
        ["POST /api/recoveries/{id}/decision"] = "a recovery of another municipality: 404 for its official (RecoveryProcedureTests)",
        ["POST /api/recoveries/{id}/objection"] = "a recovery of another municipality: 404 for its caseworker and official (RecoveryProcedureTests)",
        ["GET /api/recoveries/export"] = "payroll's file for the whole district; no id",
        ["GET /api/recoveries/{id}"] = "a recovery of another municipality: 404 for its caseworker and official (RecoveryProcedureTests)",
        ["GET /api/persons/{id}/access-log"] = "auditors only, who see every municipality",
        ["POST /api/payout-runs"] = "payout runs belong to the district, not to a municipality",
        ["GET /api/payout-runs"] = "payout runs belong to the district, not to a municipality",
        ["GET /api/payout-runs/{id}"] = "payout runs belong to the district, not to a municipality",
        ["POST /api/payout-runs/{id}/release"] = "payout runs belong to the district, not to a municipality",
        ["POST /api/payout-runs/{id}/review"] = "payout runs belong to the district, not to a municipality",
        ["POST /api/payout-runs/{id}/reject"] = "payout runs belong to the district, not to a municipality",
        ["GET /api/payout-runs/{id}/export"] = "payout runs belong to the district, not to a municipality",
    };

    [Fact]
    public async Task Every_documented_route_is_checked_against_another_municipality_or_classified_as_taking_no_persons_id()
    {
        var documented = await DocumentedRoutes.Of(Factory.CreateClient());
        var listed = Foreign.Select(f => f.Route).Concat(ForeignLists.Select(l => l.Route)).Concat(NoPersonScopedId.Keys).ToList();
        var failures = DocumentedRoutes.Uncovered(documented.Keys, listed)
            .Select(route => $"{route}: documented, but neither called by another municipality ({nameof(Foreign)}, {nameof(ForeignLists)}) "
                + $"nor classified in {nameof(NoPersonScopedId)}")
            .Concat(listed.Distinct().Where(r => !documented.ContainsKey(r)).Select(r => $"{r}: listed, but not a documented route"))
            .ToList();
        Foreign.Select(f => f.Route).Intersect(NoPersonScopedId.Keys).Should().BeEmpty("a route is either checked or classified");
        failures.Should().BeEmpty("every documented route is checked against another municipality or classified; all failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_persons_placements_refusals_and_proposals_and_stores_nothing()
    {
        var worlds = new Worlds(await BuildWorld(Theirs, "cw-bissendorf"), await BuildWorld(Own, "cw-ostercappeln"), Today);
        var callers = new Dictionary<string, HttpClient>
        {
            [OtherCaseworker] = await Caseworker(Own, "cw-ostercappeln-2"),
            [OtherOfficial] = await As("official", Own, "official-ostercappeln"),
        };

        var failures = new List<string>();
        foreach (var (route, caller, what, send) in Foreign)
        {
            var before = await Factory.EventMark();
            using var response = await send(worlds, callers[caller]);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{route} ({what}) as {caller}: expected 404 problem+json, got {(int)response.StatusCode} {text}");
            if (await Factory.EventMark() != before) failures.Add($"{route} ({what}) as {caller}: appended events");
        }

        // Lists filter instead of refusing: the other municipality's resources do not appear, while Bissendorf's own
        // staff find them in the same list (so the check could fail).
        var ownStaff = new Dictionary<string, HttpClient>
        {
            ["caseworker bissendorf"] = await Caseworker(Theirs, "cw-bissendorf-2"),
            ["official bissendorf"] = await As("official", Theirs, "official-bissendorf"),
        };
        foreach (var (route, url, hidden) in ForeignLists)
        {
            var at = url(worlds.Theirs);
            foreach (var (who, client) in callers)
            {
                var text = (await GetOk(client, at)).ToJsonString();
                foreach (var id in hidden(worlds.Theirs).Where(id => text.Contains(id.ToString())))
                    failures.Add($"{route} ({at}) as {who}: lists {id} of Bissendorf");
            }
            foreach (var (who, client) in ownStaff)
            {
                var text = (await GetOk(client, at)).ToJsonString();
                if (!hidden(worlds.Theirs).Any(id => text.Contains(id.ToString())))
                    failures.Add($"{route} ({at}) as {who}: Bissendorf's own staff do not find the resources the check hides from Ostercappeln");
            }
        }

        // And the resources are all there for their own municipality.
        var theirCw = ownStaff["caseworker bissendorf"];
        foreach (var url in new[] { $"/api/persons/{worlds.Theirs.Person}", $"/api/placements/{worlds.Theirs.Placement}", OfProposal(worlds.Theirs.Proposal),
                     $"{OfProposal(worlds.Theirs.Restricted)}/notice", $"/api/placements/{worlds.Theirs.Printed}/notice" })
            (await theirCw.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, url);

        failures.Should().BeEmpty("another municipality finds nothing; all failures:\n" + string.Join("\n", failures));
    }
}
