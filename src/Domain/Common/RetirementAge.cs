namespace AGH.Domain.Common;

/// <summary>
/// The statutory retirement age (Regelaltersgrenze) by year of birth, SGB VI §§ 35, 235, which ends the duty to work
/// (§ 5 Abs. 3 AsylbLG with § 11 Abs. 4 SGB XII).
/// </summary>
public static class RetirementAge
{
    /// <summary>Months of life after which the retirement age is reached, by year of birth.</summary>
    public static int MonthsFor(int yearOfBirth) => yearOfBirth switch
    {
        < 1947 => 65 * 12,
        <= 1958 => 65 * 12 + (yearOfBirth - 1946),
        <= 1963 => 66 * 12 + 2 * (yearOfBirth - 1958),
        _ => 67 * 12,
    };

    /// <summary>
    /// The first day on which the person has reached the retirement age. The age is completed at the end of the day
    /// before the same day number (§ 187 Abs. 2 S. 2, § 188 Abs. 2 BGB), or at the end of the month's last day where
    /// that day number does not exist (§ 188 Abs. 3 BGB): born 15.03.1960, reached on 15.07.2026.
    /// </summary>
    public static DateOnly ReachedOn(DateOnly dateOfBirth) =>
        Dates.EndOfMonthsPeriod(dateOfBirth, MonthsFor(dateOfBirth.Year)).AddDays(1);

    public static bool IsReachedOn(DateOnly dateOfBirth, DateOnly day) => day >= ReachedOn(dateOfBirth);

    /// <summary>Years and months, for messages: "66 Jahre und 4 Monate".</summary>
    public static string Describe(int yearOfBirth)
    {
        var months = MonthsFor(yearOfBirth);
        return months % 12 == 0 ? $"{months / 12} years" : $"{months / 12} years and {months % 12} months";
    }
}
