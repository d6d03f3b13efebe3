namespace AGH.Api.Infrastructure;

/// <summary>Collects field errors for one 400 answer, so a client sees every problem at once.</summary>
public sealed class Checks
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public bool Failed => _errors.Count > 0;

    public Checks Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public T Required<T>(T? value, string field) where T : struct
    {
        if (value is null) Add(field, "is required.");
        return value.GetValueOrDefault();
    }

    public string Text(string? value, string field, int max = 500, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required.");
            return value?.Trim() ?? "";
        }
        if (value.Length > max) Add(field, $"must be at most {max} characters.");
        else if (HasControlCharacters(value)) Add(field, "contains control characters.");
        return value.Trim();
    }

    // PostgreSQL's jsonb refuses NUL, and no field of the contract needs control characters other than line breaks.
    private static bool HasControlCharacters(string value) => value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    public string? OptionalText(string? value, string field, int max = 500)
    {
        if (value is null) return null;
        if (value.Length > max) Add(field, $"must be at most {max} characters.");
        else if (HasControlCharacters(value)) Add(field, "contains control characters.");
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public int Range(int? value, string field, int min, int max)
    {
        if (value is null) { Add(field, "is required."); return 0; }
        if (value < min || value > max) Add(field, $"must be between {min} and {max}.");
        return value.Value;
    }

    public DateOnly Date(DateOnly? value, string field, bool required = true)
    {
        if (value is null) { if (required) Add(field, "is required."); return default; }
        if (value.Value.Year is < 1900 or > 2200) Add(field, "is out of range.");
        return value.Value;
    }

    /// <summary>A day the body may leave out: null then, else checked as <see cref="Date"/>.</summary>
    public DateOnly? OptionalDate(DateOnly? value, string field) => value is null ? null : Date(value, field);

    public int? OptionalRange(int? value, string field, int min, int max) => value is null ? null : Range(value, field, min, max);

    /// <summary>An optional GUID in the query: given twice or not a GUID is a 400 naming it.</summary>
    public void QueryGuid(IQueryCollection query, string name)
    {
        if (query[name].Count > 1) Add(name, "must be given once.");
        if (query[name].ToString() is { Length: > 0 } text && !Guid.TryParse(text, out _)) Add(name, "must be a GUID.");
    }

    public Guid Id(Guid? value, string field)
    {
        if (value is null || value == Guid.Empty) Add(field, "is required.");
        return value.GetValueOrDefault();
    }

    /// <summary>As a Wolverine continuation: the 400 with every field error, or go on.</summary>
    public Microsoft.AspNetCore.Mvc.ProblemDetails Details() => Failed
        ? new HttpValidationProblemDetails(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()))
        {
            Type = Problems.TypePrefix + "validation",
            Title = "The request is invalid",
            Status = 400,
            Detail = "See errors for the fields that are missing, malformed or out of range.",
            Extensions = { ["code"] = "validation" },
        }
        : Wolverine.Http.WolverineContinue.NoProblems;
}
