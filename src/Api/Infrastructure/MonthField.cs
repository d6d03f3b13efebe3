namespace AGH.Api.Infrastructure;

/// <summary>A month in a body, written YYYY-MM (a payout run's month, an expense's month).</summary>
public static class MonthField
{
    public static Month Check(Checks v, string? value, string field)
    {
        if (!Month.TryParse(value, out var month)) v.Add(field, "must be a month written YYYY-MM.");
        return month;
    }
}
