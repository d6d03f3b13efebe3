using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Contract v3b: the schedule and the period a Heranziehungsbescheid states, decided by the pure domain.</summary>
public class ScheduleTests
{
    private static readonly Offer OpenOffer = Given.Offer(A.OfferRegistered(places: 2, hoursPerWeek: 20));
    private static Person Eligible => Given.Person(A.PersonRegistered());
    private static readonly DateOnly Start = T.D(2026, 11, 23);

    private static ScheduleBlock B(Weekday day, int fromHour, int toHour) => new(day, fromHour * 60, toHour * 60);

    private static Decision Decide(IReadOnlyList<ScheduleBlock>? schedule, DateOnly? until, int hours = 10, Policy? policy = null) =>
        PlacementDecisions.Assign(OpenOffer, Eligible, new AssignPerson(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20), Start, hours,
            null, schedule, until, "Wohnortnah", "ar"), policy ?? Policy.Default, T.Today);

    [Theory]
    [InlineData("08:00", 480)]
    [InlineData("00:00", 0)]
    [InlineData("24:00", 1440)]
    [InlineData("13:45", 825)]
    [InlineData("13:40", null)]
    [InlineData("8:00", null)]
    [InlineData("08:60", null)]
    [InlineData("24:15", null)]
    [InlineData("25:00", null)]
    [InlineData("08-00", null)]
    [InlineData("+8:00", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Times_are_exact_HH_MM_on_quarter_hours(string? text, int? minutes) => Schedule.Minutes(text).Should().Be(minutes);

    [Fact]
    public void Blocks_must_add_up_to_the_hours_and_not_overlap_on_a_day()
    {
        Schedule.Mismatch([B(Weekday.Monday, 8, 13), B(Weekday.Wednesday, 8, 13)], 10).Should().BeNull();
        Schedule.Mismatch([B(Weekday.Monday, 8, 10), B(Weekday.Monday, 10, 13), B(Weekday.Tuesday, 8, 13)], 10).Should().BeNull("touching is not overlapping");
        Schedule.Mismatch([B(Weekday.Monday, 8, 13), B(Weekday.Monday, 12, 17)], 10).Should().Contain("overlap");
        Schedule.Mismatch([B(Weekday.Monday, 8, 13), B(Weekday.Tuesday, 8, 12)], 10).Should().Contain("9 hours");
    }

    [Fact]
    public void The_assignment_answers_schedule_mismatch_and_period_too_long_and_records_what_it_states()
    {
        var good = new[] { B(Weekday.Monday, 8, 13), B(Weekday.Friday, 8, 13) };
        var last = Dates.EndOfMonthsPeriod(Start, 6);
        last.Should().Be(T.D(2027, 5, 22));

        Decide([B(Weekday.Monday, 8, 13)], last).ShouldReject("schedule-mismatch");
        Decide(good, Start).ShouldReject("period-too-long");
        Decide(good, last.AddDays(1)).ShouldReject("period-too-long");
        Decide(good, T.D(2027, 2, 23), policy: Policy.Default with { MaxPlacementMonths = 3 }).ShouldReject("period-too-long");
        Decide(good, T.D(2027, 2, 22), policy: Policy.Default with { MaxPlacementMonths = 3 }).IsRejected.Should().BeFalse();

        var person = Eligible.Then(Decide(good, last));
        var placement = person.Placements[T.PlacementId];
        placement.Until.Should().Be(last);
        placement.Schedule.Should().Equal(good);
        placement.Reasoning.Should().Be("Wohnortnah");
        placement.InformationLanguage.Should().Be("ar");
        placement.EndedBy(last).Should().BeFalse("the last day still belongs to the placement");
        placement.EndedBy(last.AddDays(1)).Should().BeTrue();
        placement.EndReasonAsOf(last.AddDays(1)).Should().Be(EndReason.PeriodEnded);
        placement.EndedOnAsOf(last.AddDays(1)).Should().Be(last);
        placement.Covers(last).Should().BeTrue();
        placement.Covers(last.AddDays(1)).Should().BeFalse();
    }
}
