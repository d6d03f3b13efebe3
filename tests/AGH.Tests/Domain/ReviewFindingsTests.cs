using AGH.Domain.Sanctions;
using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Rules tightened after review: leap-day ages, the per-person weekly cap, future entitlement ends, approvals without a start.</summary>
public class ReviewFindingsTests
{
    [Theory]
    [InlineData("2008-02-29", "2026-02-28", 17)] // no 29 February in 2026: the year completes with 28 February's end
    [InlineData("2008-02-29", "2026-03-01", 18)]
    [InlineData("2008-02-29", "2028-02-29", 20)]
    [InlineData("2008-02-29", "2028-02-28", 19)]
    public void A_leap_day_birthday_counts_as_BGB_counts(string birth, string on, int age)
    {
        Dates.AgeOn(T.P(birth), T.P(on)).Should().Be(age);
    }

    [Fact]
    public void The_policy_weekly_cap_holds_per_person_across_two_placements_in_one_week()
    {
        // Placement 1 ends Tuesday 2026-11-17 with 900 minutes that week; placement 2 starts Wednesday.
        object[] history =
        [
            A.PersonRegistered(),
            A.PersonAssigned(),
            A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 450),
            A.HoursLogged(T.Id(2), T.D(2026, 11, 17), 450),
            A.PlacementEnded(T.D(2026, 11, 17)),
            A.PersonAssigned(placementId: T.SecondPlacementId, noticeServedOn: T.D(2026, 11, 17), startsOn: T.D(2026, 11, 18)),
            A.HoursLogged(T.Id(3), T.D(2026, 11, 18), 450, T.SecondPlacementId),
            A.HoursLogged(T.Id(4), T.D(2026, 11, 19), 450, T.SecondPlacementId),
        ];
        var person = Given.Person(history);
        var second = person.Placements[T.SecondPlacementId];

        PlacementDecisions.LogHours(person, second, Given.Hours(history), new LogHours(T.SecondPlacementId, T.Id(5), T.D(2026, 11, 20), 15), Policy.Default, T.Today)
            .ShouldReject("weekly-limit", RejectionKind.Unprocessable);
        PlacementDecisions.LogHours(person, second, Given.Hours(history), new LogHours(T.SecondPlacementId, T.Id(5), T.D(2026, 11, 23), 450), Policy.Default, T.Today)
            .ShouldAccept();
    }

    [Fact]
    public void An_entitlement_end_in_the_future_is_rejected()
    {
        PersonDecisions.EndEntitlement(Given.Person(A.PlacedPerson()), new EndEntitlement(T.PersonId, T.Today.AddDays(1), "Ausreise"), HourLog.Empty, T.Today)
            .ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void An_approval_needs_a_start_day()
    {
        var history = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));
        SanctionDecisions.Decide(Given.Person(history), new DecideSanction(T.ProposalId, true, "ok", null, T.OfficialA), HourLog.Empty, Policy.Default, T.Today)
            .ShouldReject("starts-on-required", RejectionKind.Unprocessable);
    }
}
