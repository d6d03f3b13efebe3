using AGH.Web.Api;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The German words for who acted on a payout run and what kind a line is (the status labels are in <see cref="AGH.Web.Infrastructure.Labels"/>).</summary>
public static class PayoutTexts
{
    public const string Schedule = "system:payout-schedule";

    public static string Who(string? userId) => userId switch
    {
        null or "" => "–",
        Schedule => "automatisch (monatlicher Zeitplan)",
        _ => userId,
    };

    public static string Kind(PayoutLineDto line) => !line.Arrears ? "Monat" : line.AmountCents < 0 ? "Rückforderung" : "Nachzahlung";
}
