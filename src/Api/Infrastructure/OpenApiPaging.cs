using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AGH.Api.Infrastructure;

/// <summary>
/// The paged lists in the document as they behave: `page` and `pageSize` are whole numbers (read as text only so that any
/// bad value gets the 400 with its field named), and the answer carries `X-Total-Count` and `Link`.
/// </summary>
public sealed class OpenApiPaging : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId == "getPersonHistory") HistoryPaging(operation);
        if (operation.OperationId == "getPlacementHours") HoursPaging(operation);
        if (operation.OperationId == "getPlacement") LinkHeader(operation,
            "Nur wenn `hours` Einträge auslässt (mehr als 100): GET /api/placements/{id}/hours, das alle seitenweise liest (rel=\"hours\", RFC 8288).");
        var page = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "page" && p.In == ParameterLocation.Query);
        var size = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "pageSize" && p.In == ParameterLocation.Query);
        if (page is null || size is null) return;
        page.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Default = 1 };
        page.Description = "Die Seite, ab 1 gezählt.";
        size.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = Paging.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Default = Paging.DefaultPageSize,
        };
        size.Description = $"Einträge je Seite, {Paging.DefaultPageSize} wenn nicht angegeben, höchstens {Paging.MaxPageSize}.";
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["X-Total-Count"] = new OpenApiHeader
            {
                Description = "Die Zahl aller Einträge der gefilterten Liste über alle Seiten.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            };
            response.Headers["Link"] = new OpenApiHeader
            {
                Description = "Die Nachbarseiten mit denselben Filtern (rel=\"next\", rel=\"prev\"), RFC 8288.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    /// <summary>A placement's hour entries page by the entry last read (`limit`, `after`: an entryId).</summary>
    private static void HoursPaging(OpenApiOperation operation)
    {
        var limit = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "limit" && p.In == ParameterLocation.Query);
        var after = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "after" && p.In == ParameterLocation.Query);
        if (limit is null || after is null) return;
        var max = AGH.Api.Placements.PlacementHours.MaxPageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        limit.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = max, Default = AGH.Api.Placements.PlacementHours.NewestLimit,
        };
        limit.Description = $"Höchstens so viele Einträge (1 bis {max}, {AGH.Api.Placements.PlacementHours.NewestLimit} wenn nicht angegeben), in der Reihenfolge ihrer Erfassung.";
        after.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        after.Description = "Nur Einträge, die nach diesem erfasst wurden: die `entryId` des letzten gelesenen Eintrags (die nächste Seite steht im `Link`-Header). Ohne `after` ab dem ersten.";
        foreach (var (name, description) in new[]
                 {
                     ("from", "Nur Einträge mit `date` an oder nach diesem Tag (YYYY-MM-DD; eine Korrektur trägt das Datum ihres Originals)."),
                     ("to", "Nur Einträge mit `date` an oder vor diesem Tag (YYYY-MM-DD, nicht vor `from`)."),
                 })
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == name && p.In == ParameterLocation.Query) is { } day)
            {
                day.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" };
                day.Description = description;
            }
        LinkHeader(operation, "Wenn weitere Einträge folgen, die nächste Seite (rel=\"next\", RFC 8288) mit demselben `limit`, `from` und `to` und `after` = letzte `entryId`.");
    }

    private static void LinkHeader(OpenApiOperation operation, string description)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Link"] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }

    /// <summary>A person's history pages by sequence (`limit`, `after`) rather than by page number.</summary>
    private static void HistoryPaging(OpenApiOperation operation)
    {
        var limit = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "limit" && p.In == ParameterLocation.Query);
        var after = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "after" && p.In == ParameterLocation.Query);
        if (limit is null || after is null) return;
        var max = AGH.Api.Persons.HistoryPage.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        limit.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = max };
        limit.Description = $"Höchstens so viele Einträge (1 bis {max}), nach `sequence` geordnet. Ohne `limit` und `after` kommt die ganze Akte.";
        after.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };
        after.Description = "Nur Einträge mit einer `sequence` danach: die `sequence` des letzten gelesenen Eintrags (die nächste Seite steht im `Link`-Header).";
        if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Link"] = new OpenApiHeader
            {
                Description = "Bei voller Seite die nächste Seite (rel=\"next\", RFC 8288) mit denselben Parametern und `after` = letzte `sequence`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }
}
