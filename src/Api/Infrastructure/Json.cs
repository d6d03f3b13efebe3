using System.Text.Json;
using System.Text.Json.Serialization;

namespace AGH.Api.Infrastructure;

public static class Json
{
    /// <summary>Contract: camelCase, enums as lower-case (kebab) strings, never numbers.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        o.PropertyNameCaseInsensitive = false;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.MaxDepth = 32;
        o.NumberHandling = JsonNumberHandling.Strict;
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        return o;
    }

    public static string EnumValue<T>(T value) where T : struct, Enum =>
        JsonSerializer.Serialize(value, Options).Trim('"');
}
