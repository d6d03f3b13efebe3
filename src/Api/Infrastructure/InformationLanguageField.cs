namespace AGH.Api.Infrastructure;

/// <summary>A language the person is informed in, given in a body (the hearing invitation's, the assignment's): one of the list or 400.</summary>
public static class InformationLanguageField
{
    public static void Check(Checks v, string? code, string field)
    {
        if (code is not null && !InformationLanguages.Contains(code)) v.Add(field, "must be one of " + string.Join(", ", InformationLanguages.All) + ".");
    }
}
