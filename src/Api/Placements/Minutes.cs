namespace AGH.Api.Placements;

/// <summary>Hours are whole quarter hours, as logged and as corrected.</summary>
public static class Minutes
{
    public static int Check(Checks v, int? minutes, bool allowZero)
    {
        if (minutes is null) { v.Add("minutes", "is required."); return 0; }
        // No upper bound here: an entry over the daily cap is the rule violation 422 daily-limit, as the contract says.
        if (minutes < 0 || (!allowZero && minutes == 0) || minutes % 15 != 0)
            v.Add("minutes", allowZero ? "must be 0 or a positive multiple of 15." : "must be a positive multiple of 15.");
        return minutes.Value;
    }
}
