using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A read that answers a provider with a reduced view of the same resource (contract v3c): the 200 answer is then
/// <c>oneOf</c> the staff view and <paramref name="view"/> (or each item of a list is). Generated clients keep the
/// staff type (NSwag reads the first member), and a validating client accepts both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderViewAttribute(Type view) : Attribute
{
    public Type View { get; } = view;
}

public sealed class ProviderViewAnswers : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo?.GetCustomAttribute<ProviderViewAttribute>() is not { } attribute) return;
        if (operation.Responses?.TryGetValue("200", out var response) != true || response is not OpenApiResponse { Content: { } content }) return;
        if (!content.TryGetValue("application/json", out var media) || media is not OpenApiMediaType { Schema: { } schema } json) return;
        var view = context.SchemaGenerator.GenerateSchema(attribute.View, context.SchemaRepository);
        if (schema is OpenApiSchema { Items: { } items } list && list.Type?.HasFlag(JsonSchemaType.Array) == true)
            list.Items = new OpenApiSchema { OneOf = [items, view] };
        else
            json.Schema = new OpenApiSchema { OneOf = [schema, view] };
    }
}
