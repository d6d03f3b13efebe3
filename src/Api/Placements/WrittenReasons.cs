namespace AGH.Api.Placements;

/// <summary>Reasons given in writing for a decision on a remedy: trimmed, at least 20 characters (contract v3, exact rules).</summary>
public static class WrittenReasons
{
    public const int MinLength = 20;

    public static string Parse(Checks v, string? value, string field)
    {
        var text = v.Text(value, field, 8000);
        if (text.Length is > 0 and < MinLength) v.Add(field, $"must be at least {MinLength} characters (written reasons).");
        return text;
    }
}
