namespace AGH.Api.Timesheets;

/// <summary>The month of a timesheet route: YYYY-MM (400 otherwise).</summary>
public static class TimesheetMonth
{
    public static Month? Parse(string? text, Checks v)
    {
        if (text is { Length: 7 } && Month.TryParse(text, out var month)) return month;
        v.Add("month", "must be a month YYYY-MM.");
        return null;
    }
}
