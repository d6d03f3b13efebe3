using AGH.Web.Api;
using AGH.Web.Infrastructure;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The German words for who acted on a payout run and what kind a line is (the status labels are in <see cref="AGH.Web.Infrastructure.Labels"/>).</summary>
public static class PayoutTexts
{
    public const string Schedule = "system:payout-schedule";

    /// <summary>The user's name (contract v3d …Name) where the API knows it; the login id only for records older than names.</summary>
    public static string Who(string? userId, string? name = null) => userId switch
    {
        null or "" => "–",
        Schedule => "automatisch (monatlicher Zeitplan)",
        _ => StaffName.Of(name, userId),
    };

    public static string Kind(PayoutLineDto line) => !line.Arrears ? "Monat" : line.AmountCents < 0 ? "Rückforderung" : "Nachzahlung";
}
