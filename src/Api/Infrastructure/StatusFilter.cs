namespace AGH.Api.Infrastructure;

/// <summary>
/// A list's <c>status</c> filter by the names the query uses for the statuses. Absent or empty: every status; given
/// twice or another name: 400 naming status.
/// </summary>
public sealed class StatusFilter<TStatus>(params (string Name, TStatus Status)[] statuses) where TStatus : struct
{
    public void Check(IQueryCollection query, Checks checks)
    {
        if (query["status"].Count > 1) checks.Add("status", "must be given once.");
        var text = query["status"].ToString();
        if (text.Length > 0 && Of(text) is null)
            checks.Add("status", $"must be {string.Join(", ", statuses[..^1].Select(s => s.Name))} or {statuses[^1].Name}.");
    }

    /// <summary>The status named; null for none or an unknown name.</summary>
    public TStatus? Of(string? name)
    {
        foreach (var (known, status) in statuses)
            if (known == name) return status;
        return null;
    }
}
