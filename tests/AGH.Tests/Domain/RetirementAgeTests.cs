using AGH.Domain.Common;

namespace AGH.Tests.Domain;

/// <summary>SGB VI §§ 35, 235 with §§ 187, 188 BGB.</summary>
public class RetirementAgeTests
{
    [Theory]
    [InlineData(1940, 65, 0)]
    [InlineData(1946, 65, 0)]
    [InlineData(1947, 65, 1)]
    [InlineData(1952, 65, 6)]
    [InlineData(1958, 66, 0)]
    [InlineData(1959, 66, 2)]
    [InlineData(1960, 66, 4)]
    [InlineData(1963, 66, 10)]
    [InlineData(1964, 67, 0)]
    [InlineData(1990, 67, 0)]
    public void The_retirement_age_follows_the_statutory_table_by_year_of_birth(int year, int years, int months) =>
        RetirementAge.MonthsFor(year).Should().Be(years * 12 + months);

    [Fact]
    public void Born_15_March_1960_is_no_longer_obliged_from_15_July_2026() =>
        RetirementAge.ReachedOn(new DateOnly(1960, 3, 15)).Should().Be(new DateOnly(2026, 7, 15));

    [Fact]
    public void The_age_is_completed_with_the_end_of_the_day_before_the_birthday_number()
    {
        var birth = new DateOnly(1964, 6, 1);
        RetirementAge.IsReachedOn(birth, new DateOnly(2031, 5, 31)).Should().BeFalse();
        RetirementAge.IsReachedOn(birth, new DateOnly(2031, 6, 1)).Should().BeTrue();
    }

    [Fact]
    public void Where_the_day_number_is_missing_the_age_is_completed_with_the_end_of_the_month()
    {
        // 31.05.1960 + 66 years 4 months: there is no 31 September 2026 (§ 188 Abs. 3 BGB).
        RetirementAge.ReachedOn(new DateOnly(1960, 5, 31)).Should().Be(new DateOnly(2026, 10, 1));
        // Born 29 February: 67 years are completed with the end of 28 February 2031.
        RetirementAge.ReachedOn(new DateOnly(1964, 2, 29)).Should().Be(new DateOnly(2031, 3, 1));
    }
}
