using AGH.Web.Api;
using AGH.Web.Pages.Accidents;
using AGH.Web.Pages.Reports;

namespace AGH.Tests.Unit;

/// <summary>
/// The staff app's words for the providers' cases and the district report that the journeys cannot reach without moving
/// the service's clock: an overdue accident report is said in text, and small counts print as the committee's PDF does.
/// </summary>
public sealed class StaffAppCaseListTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static AccidentDto Accident(AccidentStatus status, DateOnly due) => new() { Status = status, ReportDueOn = due };

    [Fact]
    public void An_open_accident_whose_report_was_due_before_today_is_called_overdue_in_words()
    {
        OfficeCases.Overdue(Accident(AccidentStatus.Open, Today.AddDays(-1)), Today).Should().Be("überfällig seit 09.03.2026");
        OfficeCases.Overdue(Accident(AccidentStatus.Open, Today), Today).Should().BeNull("due today is not yet overdue");
        OfficeCases.Overdue(Accident(AccidentStatus.Reported, Today.AddDays(-5)), Today).Should().BeNull("a reported accident is done");
        OfficeCases.Overdue(Accident(AccidentStatus.NotReportable, Today.AddDays(-5)), Today).Should().BeNull();
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<3")]
    [InlineData(2, "<3")]
    [InlineData(3, "3")]
    public void Counts_of_one_or_two_show_as_less_than_three(int count, string shown) => ReportFigures.Masked(count).Should().Be(shown);

    [Fact]
    public void A_month_of_the_district_sums_the_municipalities_stocks_of_that_month_and_every_flow()
    {
        DistrictReportRowDto Row(string month, string municipality, int places, int refusals) => new()
        {
            Month = month, Municipality = municipality, PlacesOffered = new PlacesOfferedDto { Municipality = places }, Refusals = refusals,
            Objections = new ObjectionCountsDto(),
        };
        var rows = new[] { Row("2026-01", "glandorf", 5, 1), Row("2026-02", "glandorf", 7, 2), Row("2026-02", "melle", 3, 0) };
        var figures = ReportFigures.Sum("Glandorf", rows, "2026-02");
        figures.Places.Should().Be(10, "stocks are those of the last month, never summed over months");
        figures.Refusals.Should().Be(3, "flows are summed over the range");
    }
}
