using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AGH.Api.Infrastructure;

/// <summary>Documents the retry and concurrency headers the contract gives every POST and every command on a resource.</summary>
public sealed class OpenApiHeaders : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)) return;
        var path = "/" + (context.ApiDescription.RelativePath ?? "");
        operation.Parameters ??= [];
        if (!path.StartsWith("/dev/"))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyKey.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Up to 200 characters. A retry with the same key and body returns the first answer and stores nothing; "
                    + "the same key with another body is 422 idempotency-key-reused. Kept at least 24 hours, per user.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKey.MaxLength },
            });
        }
        // Payout runs carry no ETag (contract: offers, persons, placements and proposals do): no If-Match, no 412.
        // Nor do the resources new in v3, such as notices, expenses, recoveries, absence reports and accidents.
        if (path.Contains("{id") && !path.StartsWith("/api/payout-runs/") && !path.StartsWith("/api/notices/") && !path.StartsWith("/api/expenses/")
            && !path.StartsWith("/api/recoveries/") && !path.StartsWith("/api/absence-reports/") && !path.StartsWith("/api/accidents/")
            // A week's hours are many commands on many placements: each entry is checked on its own, none against one ETag.
            && !path.StartsWith("/api/offers/{id}/weeks/"))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The ETag from GET of the offer, person or placement; if it no longer matches, 412 and nothing is stored.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("412", new OpenApiResponse { Description = "Precondition failed: the resource changed since it was read." });
        }
    }
}
