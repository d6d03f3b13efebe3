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

    /// <summary>A route's Validate: 400 naming month unless it is YYYY-MM.</summary>
    public static ProblemDetails Check(string? text)
    {
        var v = new Checks();
        Parse(text, v);
        return v.Details();
    }

    /// <summary>The month of a route that Validate has checked.</summary>
    public static Month Of(string text) => Parse(text, new Checks())!.Value;
}
