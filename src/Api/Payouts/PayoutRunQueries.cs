using System.Globalization;

namespace AGH.Api.Payouts;

/// <summary>Amounts as the cash office reads them in the export (ExportPayoutRun).</summary>
public static class PayoutRunQueries
{
    public static string Euro(long cents) =>
        (cents < 0 ? "-" : "") + (Math.Abs(cents) / 100).ToString(CultureInfo.InvariantCulture) + "," + (Math.Abs(cents) % 100).ToString("D2", CultureInfo.InvariantCulture);
}
