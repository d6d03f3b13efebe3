namespace AGH.Tests;

/// <summary>The terms an approval and a continuation require since contract v3b (amounts, hardship decision, approval notice).</summary>
public static class V3bTerms
{
    public static readonly object Amounts = new { monthlyBeforeCents = 44100, monthlyAfterCents = 22050 };

    public static readonly object Special = new { considered = true, granted = Array.Empty<string>(), reasoning = "Keine besonderen Umstände vorgetragen oder ersichtlich." };

    /// <summary>The Bewilligungsbescheid changed: three months back, § 48 SGB X.</summary>
    public static object Notice => new { date = DateOnly.FromDateTime(DateTime.Today).AddMonths(-3).ToString("yyyy-MM-dd"), basis = "section-48" };
}
