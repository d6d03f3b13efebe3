using System.Globalization;
using System.Reflection;
using AGH.Api.Offers;
using AGH.Api.Payouts;
using AGH.Api.Persons;
using AGH.Api.Placements;
using AGH.Api.Sanctions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AGH.Api.Infrastructure;

/// <summary>
/// Makes /swagger/v1/swagger.json a document a generated client can trust: nullability as in the code, every status
/// an operation can answer with its problem schema, a server, German descriptions of the domain terms.
/// </summary>
public static class OpenApiContract
{
    public static void Configure(SwaggerGenOptions c)
    {
        // `string` is never null in an answer, `string?` may be: strict clients must know which.
        c.SupportNonNullableReferenceTypes();
        // A reference with a description or nullability comes wrapped in allOf; UnwrapReferences gives it its 3.1 form.
        c.UseAllOfToExtendReferenceSchemas();
        c.AddServer(new OpenApiServer
        {
            Url = "/",
            Description = "Der Dienst selbst (relativ zur Adresse, unter der dieses Dokument abgerufen wurde).",
        });
        c.SchemaFilter<StaffNameSiblings>();
        c.SchemaFilter<AnswersAreComplete>();
        c.SchemaFilter<RequestExamples>();
        c.OperationFilter<ProblemResponses>();
        c.OperationFilter<LegalBases>();
        c.OperationFilter<OpenApiPaging>();
        c.OperationFilter<OpenApiQueryParameters>();
        c.OperationFilter<ProviderViewAnswers>();
        c.OperationFilter<AlternativeContent>();
        c.DocumentFilter<TagDescriptions>();
    }

    public const string Description =
        "Arbeitsgelegenheiten (AGH) nach § 5 AsylbLG für die 21 Mitgliedsgemeinden des Landkreises Osnabrück: Angebote der "
        + "Träger, Leistungsberechtigte, Heranziehungen, Stunden und Aufwandsentschädigung, Ablehnungen und Anspruchseinschränkungen, "
        + "Auszahlungsläufe für die Kreiskasse.\n\n"
        + "**Heranziehungsbescheid**: der Verwaltungsakt, mit dem das Sozialamt eine leistungsberechtigte Person zu einer "
        + "Arbeitsgelegenheit heranzieht (§ 5 Abs. 1 bis 5 AsylbLG); erst nach seiner Bekanntgabe wird eine Zuweisung "
        + "(`assignPerson`) erfasst. Für die geleistete Arbeit wird eine Aufwandsentschädigung von 0,80 EUR je Stunde gezahlt "
        + "(§ 5 Abs. 2 AsylbLG).\n\n"
        + "**Rechtsgrundlagen**: jedes gespeicherte Ereignis nennt die Rechtsgrundlage, die der Aufruf erfasst, z. B. § 5 Abs. 4 "
        + "AsylbLG mit § 1a Abs. 1 und § 14 AsylbLG für eine Anspruchseinschränkung nach unbegründeter Ablehnung, § 28 VwVfG für "
        + "die Anhörung, § 14 Abs. 2 AsylbLG für die Wiedervorlage.\n\n"
        + "**Fehler** sind RFC 9457 problem+json: 400 mit `errors` je Feld; 403, 404, 409 und 422 mit einem stabilen `code`. "
        + "Ein abgelehnter Aufruf speichert nichts. Jeder POST nimmt einen `Idempotency-Key` an; Befehle auf eine Ressource ein "
        + "`If-Match` mit dem ETag des letzten GET (sonst 412).";

    /// <summary>
    /// A 200 that also comes as CSV or PDF by the request's Accept (<see cref="AlsoAnswersAttribute"/>): Swashbuckle keeps one
    /// content type per status, so the others are added here, CSV as text and PDF as binary, as the exports document them.
    /// </summary>
    private sealed class AlternativeContent : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (context.MethodInfo?.GetCustomAttribute<AlsoAnswersAttribute>() is not { } also
                || operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response) return;
            response.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var type in also.ContentTypes)
                response.Content[type] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = type == "application/pdf" ? "binary" : null },
                };
        }
    }

    /// <summary>The server writes every property of an answer (null included), so all of them are required.</summary>
    /// <summary>Documents the "…Name" sibling <see cref="StaffNames"/> adds after every login-id field "…By" of an answer.</summary>
    private sealed class StaffNameSiblings : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            var type = context.Type;
            if (schema is not OpenApiSchema s || s.Properties is not { Count: > 0 } || type.Namespace?.StartsWith("AGH.") != true) return;
            if (type.Name == "Request" || type.Name.EndsWith("Request")) return;
            var byName = type.GetProperties().ToDictionary(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType);
            if (!s.Properties.Keys.Any(k => byName.TryGetValue(k, out var t) && StaffNames.IsStaffId(t, k))) return;
            var ordered = s.Properties.ToList();
            s.Properties.Clear();
            foreach (var (key, value) in ordered)
            {
                s.Properties[key] = value;
                if (byName.TryGetValue(key, out var t) && StaffNames.IsStaffId(t, key) && !byName.ContainsKey(key + "Name"))
                    s.Properties[key + "Name"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String | JsonSchemaType.Null,
                        Description = $"The name of the user in {key}, as their token carried it (contract v3d); null when unknown.",
                    };
            }
        }
    }

    private sealed class AnswersAreComplete : ISchemaFilter
    {
        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            var type = context.Type;
            if (schema is not OpenApiSchema s || s.Properties is not { Count: > 0 } || type.Namespace?.StartsWith("AGH.") != true) return;
            // Request bodies are checked field by field (400 with `errors`); their required fields carry [Required], which
            // only documents them (no DataAnnotations validation runs: Validate answers with the contract's messages).
            if (type.Name == "Request" || type.Name.EndsWith("Request")) return;
            s.Required ??= new HashSet<string>();
            foreach (var name in s.Properties.Keys) s.Required.Add(name);
        }
    }

    /// <summary>
    /// Every /api operation can answer 401 (no or bad token), 429 (too many requests without a valid token), 500 (an
    /// unexpected failure, logged), 503 (database unreachable), and, with a body, 413 and 415; every error answer is problem+json.
    /// </summary>
    private sealed class ProblemResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var path = "/" + (context.ApiDescription.RelativePath ?? "");
            operation.Responses ??= new OpenApiResponses();
            var responses = operation.Responses;
            // Wolverine adds a 200 "IResult" beside the declared answers of an endpoint that returns IResult.
            // A declared 200 stays (preparing a month's run that exists answers 200 with it).
            var declared200 = context.ApiDescription.SupportedResponseTypes.Any(t => t.StatusCode == 200 && t.Type is { } rt && !typeof(IResult).IsAssignableFrom(rt));
            if (responses.Keys.Any(k => k is "201" or "204") && responses.ContainsKey("200") && !declared200) responses.Remove("200");
            // Wolverine also guesses 400 (a step returns a problem) and 404 (a resource) for a query: it names its own.
            if (context.MethodInfo?.GetCustomAttribute<AnswersProblemsAttribute>() is { } answers)
                foreach (var guess in new[] { 400, 404 }.Where(s => !answers.Statuses.Contains(s))) responses.Remove(guess.ToString(CultureInfo.InvariantCulture));
            // Wolverine writes its chain name ("POST_api_offers") as description; it says nothing to a reader.
            if (operation.Description?.Contains('_') == true && !operation.Description.Contains(' ')) operation.Description = null;

            if (path.StartsWith("/api/"))
            {
                responses.TryAdd("401", new OpenApiResponse { Description = "Unauthorized: kein oder kein gültiges Token." });
                responses.TryAdd("403", new OpenApiResponse { Description = "Forbidden: die Rolle oder Gemeinde des Aufrufers darf das nicht." });
                if (path.Contains("{id")) responses.TryAdd("404", new OpenApiResponse { Description = "Not Found (auch für Daten einer anderen Gemeinde)." });
                if (operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true || operation.RequestBody is not null)
                    responses.TryAdd("400", new OpenApiResponse { Description = "Bad Request: ungültige Eingabe, `errors` nennt jedes Feld." });
                // Every POST's body is checked up front (RequestShape), also of a command that takes none.
                if (operation.RequestBody is not null || string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    responses.TryAdd("413", new OpenApiResponse { Description = "Content Too Large: der Body ist größer als 1 MiB." });
                    responses.TryAdd("415", new OpenApiResponse { Description = "Unsupported Media Type: der Body muss application/json sein." });
                }
                responses.TryAdd("429", new OpenApiResponse { Description = "Too Many Requests: zu viele Anfragen ohne gültiges Token von dieser Adresse (`too-many-requests`); nach `Retry-After` Sekunden wiederholen." });
                responses.TryAdd("500", new OpenApiResponse { Description = "Internal Server Error: ein unerwarteter Fehler (`internal-error`); er ist protokolliert, der Body nennt keine Einzelheiten." });
                responses.TryAdd("503", new OpenApiResponse { Description = "Service Unavailable: die Datenbank ist nicht erreichbar; später wiederholen." });
            }

            foreach (var (status, response) in responses.ToList())
            {
                if (status.Length != 3 || status[0] is not ('4' or '5') || response is not OpenApiResponse r) continue;
                var type = status == "400" ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
                r.Content ??= new Dictionary<string, IOpenApiMediaType>();
                r.Content.Remove("application/json");
                // A 400 may carry `errors` (HttpValidationProblemDetails), whatever the endpoint declared.
                if (!r.Content.ContainsKey("application/problem+json") || status == "400")
                    r.Content["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) };
                if (string.IsNullOrEmpty(r.Description)) r.Description = status;
            }
        }
    }

    /// <summary>Examples of the main request bodies, as a front-end would send them.</summary>
    private sealed class RequestExamples : ISchemaFilter
    {
        private static readonly Dictionary<Type, string> Examples = new()
        {
            [typeof(RegisterOfferEndpoint.Request)] = """
                {"providerType":"municipality","providerName":"Gemeinde Hilter","municipality":"hilter","title":"Pflege der Grünanlagen",
                 "activity":"Laub rechen, Beete pflegen, Wege kehren im Bürgerpark","places":4,"hoursPerWeek":20,"startsOn":"2026-03-02",
                 "endsOn":null,"reportTo":"Bauhof Hilter, Osnabrücker Str. 1, 49176 Hilter","servesPublicBenefit":true}
                """,
            [typeof(RegisterPersonEndpoint.Request)] = """
                {"municipality":"hilter","givenName":"Amina","familyName":"Haddad","dateOfBirth":"1994-05-17","entitledSince":"2025-11-01","fileReference":"50.2-4711"}
                """,
            [typeof(AssignPersonEndpoint.Request)] = """
                {"personId":"0195d3a4-5a7e-7c2b-9a1e-3f4b5c6d7e8f","offerId":"0195d3a4-1b2c-7d3e-8f40-5a6b7c8d9e0f","noticeServedOn":"2026-02-23","startsOn":"2026-03-02","hoursPerWeek":20}
                """,
            [typeof(LogHoursEndpoint.Request)] = """{"date":"2026-03-02","minutes":240}""",
            [typeof(RecordRefusalEndpoint.Request)] = """{"date":"2026-03-09","kind":"no-show","statedReason":null}""",
            [typeof(RefusalAssessmentRequest)] = """{"goodCause":false,"reasoning":"Kein wichtiger Grund vorgetragen oder ersichtlich."}""",
            [typeof(HoldHearingEndpoint.Request)] = """{"heldOn":"2026-03-16","statement":"Die Person gibt an, den Termin vergessen zu haben."}""",
            [typeof(ProposeSanctionEndpoint.Request)] = """{"refusalId":"0195d3a4-9c8b-7a6d-8e5f-4a3b2c1d0e9f","reasoning":"Unbegründetes Nichterscheinen nach Belehrung über die Rechtsfolgen."}""",
            [typeof(DecideSanctionEndpoint.Request)] = """{"approved":true,"reasoning":"Die Voraussetzungen des § 5 Abs. 4 S. 2 AsylbLG liegen vor.","startsOn":"2026-04-01"}""",
            [typeof(PreparePayoutRunEndpoint.Request)] = """{"month":"2026-03"}""",
        };

        public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
        {
            if (schema is OpenApiSchema s && Examples.TryGetValue(context.Type, out var json)) s.Examples = [System.Text.Json.Nodes.JsonNode.Parse(json)!];
        }
    }

    /// <summary>Which norm a command records in its events (EventLegalBasis), in German, so a front-end can show it.</summary>
    private sealed class LegalBases : IOperationFilter
    {
        private static readonly Dictionary<string, (string Text, string Basis)> Operations = new()
        {
            ["registerOffer"] = ("Ein Träger meldet eine Arbeitsgelegenheit; ihr Ergebnis muss der Allgemeinheit dienen (zusätzlich, gemeinnützig).", LegalBasis.Offer),
            ["changeOfferPlaces"] = ("Ändert die Zahl der Plätze; nie unter die besetzten.", LegalBasis.Offer),
            ["withdrawOffer"] = ("Zieht ein Angebot zurück, solange keine Heranziehung darin läuft.", LegalBasis.Offer),
            ["registerPerson"] = ("Erfasst eine leistungsberechtigte Person nach dem AsylbLG.", LegalBasis.Registration),
            ["recordExemption"] = ("Erfasst einen wichtigen Grund, nicht zu arbeiten (z. B. Krankheit, Kinderbetreuung); keine Gesundheitsdaten.", LegalBasis.GoodCause),
            ["endEntitlement"] = ("Erfasst das Ende der Leistungsberechtigung nach dem AsylbLG.", LegalBasis.Entitlement),
            ["assignPerson"] = ("Heranziehung: erfasst die Zuweisung zu einer Arbeitsgelegenheit, nachdem der Heranziehungsbescheid bekannt gegeben wurde "
                + "(`noticeServedOn`). Der Heranziehungsbescheid ist der Verwaltungsakt, der die Person zur Arbeit heranzieht und über die Rechtsfolgen "
                + "einer Ablehnung ohne wichtigen Grund belehrt (Rechtsfolgenbelehrung); erst danach kann eine Ablehnung zu einer Anspruchseinschränkung führen.",
                LegalBasis.Assignment),
            ["logHours"] = ("Erfasst die an einem Tag geleisteten Stunden (volle Viertelstunden); Grundlage der Aufwandsentschädigung von 0,80 EUR je Stunde.", LegalBasis.Allowance),
            ["correctHours"] = ("Berichtigt einen Stundeneintrag durch einen neuen Eintrag; der alte bleibt nachvollziehbar.", LegalBasis.Allowance),
            ["recordRefusal"] = ("Erfasst eine Ablehnung, ein Nichterscheinen oder einen Abbruch mit dem angegebenen Grund.", LegalBasis.Duty),
            ["assessRefusal"] = ("Bewertet, ob für die Ablehnung ein wichtiger Grund vorlag.", LegalBasis.GoodCause),
            ["holdHearing"] = ("Erfasst die Anhörung der Person vor einer belastenden Entscheidung.", LegalBasis.Hearing),
            ["endPlacement"] = ("Beendet eine Heranziehung (z. B. bei regulärer Beschäftigung); der Platz wird sofort frei.", LegalBasis.Reasonable),
            ["proposeSanction"] = ("Schlägt eine Anspruchseinschränkung nach unbegründeter Ablehnung vor (Vier-Augen-Prinzip: eine andere Person entscheidet).", LegalBasis.Restriction),
            ["decideSanction"] = ("Entscheidet über den Vorschlag; eine bewilligte Anspruchseinschränkung gilt sechs Monate und beginnt nie rückwirkend.", LegalBasis.Restriction),
            ["fileObjection"] = ("Erfasst einen Widerspruch; er hat keine aufschiebende Wirkung.", LegalBasis.Objection),
            ["decideObjection"] = ("Entscheidet über den Widerspruch: abhelfen oder zurückweisen.",
                $"{LegalBasis.ObjectionUpheld} (abgeholfen) oder {LegalBasis.ObjectionDismissed} (zurückgewiesen)"),
            ["endRestriction"] = ("Beendet eine Anspruchseinschränkung vorzeitig, wenn die Person ihre Pflicht wieder erfüllt oder die Pflicht entfallen ist.", LegalBasis.RestrictionEnd),
            ["reviewRestriction"] = ("Wiedervorlage: prüft eine Anspruchseinschränkung vor ihrem Ablauf; eine Fortsetzung braucht eine neue Anhörung.",
                $"{LegalBasis.RestrictionReview}; bei Fortsetzung {LegalBasis.RestrictionContinued}"),
            ["preparePayoutRun"] = ("Bereitet den Auszahlungslauf der Aufwandsentschädigung eines abgelaufenen Monats vor.", LegalBasis.Payout),
            ["reviewPayoutRun"] = ("Prüft einen vorbereiteten Auszahlungslauf (erste Person des Vier-Augen-Prinzips).", LegalBasis.Payout),
            ["releasePayoutRun"] = ("Gibt einen geprüften Auszahlungslauf an die Kreiskasse frei (zweite Person).", LegalBasis.Payout),
            ["rejectPayoutRun"] = ("Weist einen Auszahlungslauf vor der Freigabe zurück; seine Zeilen gelten wieder als unbezahlt.", LegalBasis.Payout),
            ["placeLegalHold"] = ("Sperrt die Löschung der Daten einer Person, solange ein Rechtsbehelf anhängig ist.", LegalBasis.Retention),
            ["liftLegalHold"] = ("Hebt die Sperre auf, sobald der Rechtsbehelf erledigt ist.", LegalBasis.Retention),
            ["getPersonHistory"] = ("Der vollständige Verlauf einer Person; jeder Abruf wird protokolliert.", LegalBasis.DataAccess),
        };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.OperationId is null || !Operations.TryGetValue(operation.OperationId, out var entry)) return;
            var german = $"{entry.Text}\n\nRechtsgrundlage (in jedem gespeicherten Ereignis vermerkt): {entry.Basis}.";
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? german : german + "\n\n" + operation.Description;
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-legal-basis"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(entry.Basis));
        }
    }

    private sealed class TagDescriptions : IDocumentFilter
    {
        private static readonly Dictionary<string, string> Texts = new()
        {
            ["Timesheets"] = "Arbeitsnachweise der Träger (v3c): Stunden eines Angebots je Monat, Person und Tag, die Bestätigung des Monats durch den Träger und das druckbare Arbeitsnachweis-PDF.",
            ["Offers"] = "Angebote (Arbeitsgelegenheiten nach § 5 Abs. 1 AsylbLG) von Gemeinden, Kreis und gemeinnützigen Trägern; das Ergebnis der Arbeit muss der Allgemeinheit dienen.",
            ["Persons"] = "Leistungsberechtigte nach dem AsylbLG, ihre wichtigen Gründe (§ 5 Abs. 3 und 4 AsylbLG) und das Ende der Leistungsberechtigung.",
            ["Placements"] = "Heranziehungen (nach Bekanntgabe des Heranziehungsbescheids, § 5 AsylbLG), Stunden und Ende einer Arbeitsgelegenheit.",
            ["Refusals and sanctions"] = "Ablehnungen, Anhörung (§ 28 VwVfG), Anspruchseinschränkung (§ 5 Abs. 4 mit § 1a Abs. 1 und § 14 AsylbLG), Widerspruch und Wiedervorlage.",
            ["Payouts"] = "Auszahlungsläufe der Aufwandsentschädigung (0,80 EUR je Stunde, § 5 Abs. 2 AsylbLG) für die Kreiskasse, mit Vier-Augen-Prinzip.",
            ["Views"] = "Auswertungen: Quote für den Kreistag, Verlauf einer Person, Zugriffsprotokoll.",
            ["Data protection"] = "Auskunft (Art. 15 DSGVO), Aufbewahrung und Sperre vor der Löschung.",
            ["Reference data"] = "Stammdaten: die 21 Mitgliedsgemeinden.",
            ["Development"] = "Nur in der Entwicklung: Tokens für jede Rolle.",
        };

        public void Apply(OpenApiDocument doc, DocumentFilterContext context)
        {
            doc.Info.Description = Description;
            var used = doc.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name).Where(n => n is not null).Distinct().Order();
            doc.Tags = new HashSet<OpenApiTag>(used.Select(n => new OpenApiTag { Name = n, Description = Texts.GetValueOrDefault(n!, n!) }));
            UnwrapReferences(doc);
            // The 200 "IResult" answers Wolverine adds are removed (ProblemResponses); their schema describes nothing.
            doc.Components?.Schemas?.Remove("IResult");
        }

        /// <summary>
        /// OpenAPI 3.1 (JSON Schema 2020-12): a nullable reference is `oneOf: [$ref, {type: null}]`, which strict validators
        /// and NSwag both read as "that type, or null" (3.0's `nullable: true` beside an `allOf` did not reach into it); a
        /// non-nullable one becomes the plain $ref again.
        /// </summary>
        private static void UnwrapReferences(OpenApiDocument doc)
        {
            var components = doc.Components?.Schemas;
            if (components is null) return;
            foreach (var schema in components.Values.OfType<OpenApiSchema>())
            {
                if (schema.Properties is null) continue;
                foreach (var (name, property) in schema.Properties.ToList())
                {
                    if (property is not OpenApiSchema { AllOf: [OpenApiSchemaReference target] } wrapper) continue;
                    var nullable = wrapper.Type is { } t && t.HasFlag(JsonSchemaType.Null);
                    if (!nullable && wrapper.Description is null) { schema.Properties[name] = target; continue; }
                    wrapper.AllOf = null;
                    wrapper.Type = null;
                    if (nullable) wrapper.OneOf = [target, new OpenApiSchema { Type = JsonSchemaType.Null }];
                    else wrapper.AllOf = [target];
                }
            }
        }
    }
}

/// <summary>The operation's 200 also comes in these content types, chosen by the request's Accept header.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlsoAnswersAttribute(params string[] contentTypes) : Attribute
{
    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;
}
