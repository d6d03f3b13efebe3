using AGH.Web.Api;

namespace AGH.Web.Pages.PayoutRuns;

/// <summary>The German words for a payout run's status and people.</summary>
public static class PayoutTexts
{
    public const string Schedule = "system:payout-schedule";

    public static string Status(PayoutRunStatus status) => status switch
    {
        PayoutRunStatus.Prepared => "vorbereitet",
        PayoutRunStatus.Reviewed => "geprüft",
        PayoutRunStatus.Released => "freigegeben",
        PayoutRunStatus.Rejected => "zurückgewiesen",
        _ => status.ToString(),
    };

    public static string Badge(PayoutRunStatus status) => status switch
    {
        PayoutRunStatus.Released => "ok",
        PayoutRunStatus.Rejected => "bad",
        PayoutRunStatus.Reviewed => "warn",
        _ => "neutral",
    };

    public static string Who(string? userId) => userId switch
    {
        null or "" => "–",
        Schedule => "automatisch (monatlicher Zeitplan)",
        _ => userId,
    };

    public static string Kind(PayoutLineDto line) => !line.Arrears ? "Monat" : line.AmountCents < 0 ? "Rückforderung" : "Nachzahlung";
}
