using System.Reflection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AGH.Api.Infrastructure;

/// <summary>
/// A list's filter or order parameter as the document shows it: its description and, where the values are a fixed set,
/// the set (so a client sees what it may send, and anything else answers 400 with the parameter named).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class QueryParameterAttribute(string name, string description, params string[] values) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public string[] Values { get; } = values;
}

/// <summary>Writes <see cref="QueryParameterAttribute"/> into the operation's query parameters.</summary>
public sealed class OpenApiQueryParameters : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo is null || operation.Parameters is null) return;
        foreach (var documented in context.MethodInfo.GetCustomAttributes<QueryParameterAttribute>())
        {
            if (operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == documented.Name && p.In == ParameterLocation.Query) is not { } parameter)
                continue;
            parameter.Description = documented.Description;
            // The values go into the text, not an enum: generated clients keep a plain string parameter.
            if (documented.Values.Length > 0) parameter.Description += " Werte: " + string.Join(", ", documented.Values) + "; andere: 400.";
        }
    }
}

/// <summary>
/// The order of a list: <c>sort=key</c> ascending, <c>sort=-key</c> descending. Keys are the list's own; anything else
/// (or the parameter given twice) is a 400 naming <c>sort</c>.
/// </summary>
public readonly record struct ListOrder(string Key, bool Descending)
{
    /// <summary>The documented values: every key, ascending and descending.</summary>
    public static string[] Values(params string[] keys) => keys.Concat(keys.Select(k => "-" + k)).ToArray();

    /// <summary>Null when the parameter is absent (the list's usual order); errors go to <paramref name="checks"/>.</summary>
    public static ListOrder? Read(HttpContext http, Checks checks, params string[] keys)
    {
        var values = http.Request.Query["sort"];
        if (values.Count == 0) return null;
        if (values.Count > 1) { checks.Add("sort", "must be given once."); return null; }
        var text = values.ToString();
        var descending = text.StartsWith('-');
        var key = descending ? text[1..] : text;
        if (keys.Contains(key, StringComparer.Ordinal)) return new ListOrder(key, descending);
        checks.Add("sort", $"must be one of {string.Join(", ", keys)}, each optionally preceded by - for descending order.");
        return null;
    }

    /// <summary>A filter value from a fixed set: null when absent; a value outside the set, or the parameter twice, is a 400.</summary>
    public static string? Choice(HttpContext http, Checks checks, string name, params string[] allowed)
    {
        var values = http.Request.Query[name];
        if (values.Count == 0) return null;
        if (values.Count > 1) { checks.Add(name, "must be given once."); return null; }
        var text = values.ToString();
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        checks.Add(name, $"must be one of {string.Join(", ", allowed)}.");
        return null;
    }
}
