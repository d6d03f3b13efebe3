using AGH.Domain.Sanctions;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

public class PersonStateTests
{
    [Fact]
    public void StatusOn_is_available_for_an_entitled_person_without_placement_or_exemption()
    {
        Given.Person(A.PersonRegistered()).StatusOn(T.Today).Should().Be(PersonStatus.Available);
    }

    [Fact]
    public void StatusOn_is_placed_with_an_active_placement()
    {
        var person = Given.Person(A.PlacedPerson());

        person.StatusOn(T.Today).Should().Be(PersonStatus.Placed);
        person.ActivePlacement!.PlacementId.Should().Be(T.PlacementId);
    }

    [Fact]
    public void StatusOn_is_available_again_after_the_placement_ended()
    {
        var person = Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 20))));

        person.ActivePlacement.Should().BeNull();
        person.StatusOn(T.Today).Should().Be(PersonStatus.Available);
    }

    [Fact]
    public void StatusOn_is_exempt_only_while_an_exemption_covers_the_day()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(T.D(2026, 11, 1), T.D(2026, 11, 30)));

        person.StatusOn(T.Today).Should().Be(PersonStatus.Exempt);
        person.StatusOn(T.D(2026, 12, 1)).Should().Be(PersonStatus.Available);
    }

    [Fact]
    public void StatusOn_is_not_entitled_after_the_entitlement_ended_even_when_exempt()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(T.D(2026, 11, 1), null), A.EntitlementEnded(T.D(2026, 11, 20)));

        person.StatusOn(T.Today).Should().Be(PersonStatus.NotEntitled);
    }

    [Fact]
    public void StatusOn_prefers_placed_over_exempt()
    {
        var person = Given.Person(A.PlacedPerson(A.ExemptionRecorded(T.D(2026, 11, 20), T.D(2026, 11, 30))));

        person.StatusOn(T.Today).Should().Be(PersonStatus.Placed);
    }

    [Fact]
    public void Events_before_registration_do_not_start_a_person()
    {
        Person.Fold([A.PersonAssigned()]).Should().BeNull();
    }

    [Fact]
    public void Placement_events_for_an_unknown_placement_are_ignored()
    {
        var person = Given.Person(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 2), 60, placementId: T.SecondPlacementId)));

        person.Placements.Should().ContainSingle();
        Given.HoursOf(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 2), 60, placementId: T.SecondPlacementId))).Entries.Should().BeEmpty();
    }

    [Fact]
    public void An_assignment_starts_an_active_placement_with_its_terms()
    {
        var placement = Given.Person(A.PlacedPerson()).Placements[T.PlacementId];

        placement.Should().BeEquivalentTo(new
        {
            PlacementId = T.PlacementId,
            PersonId = T.PersonId,
            OfferId = T.OfferId,
            Municipality = T.Municipality,
            NoticeServedOn = T.D(2026, 10, 1),
            StartsOn = T.D(2026, 10, 5),
            HoursPerWeek = 20,
            IsActive = true,
            EndedOn = (DateOnly?)null,
        });
        Given.HoursOf(A.PlacedPerson()).MinutesLogged.Should().Be(0);
    }

    // ---- restriction ------------------------------------------------------------------------------------------

    private static (DateOnly, DateOnly)? Period(Person person, DateOnly on) =>
        person.RestrictionInForceOn(on)?.Restriction is { } r ? (r.StartsOn, r.EndsOn) : null;

    [Fact]
    public void RestrictionInForceOn_shows_an_approved_restriction_from_start_to_end_inclusive()
    {
        var person = Given.Person(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 12, 1))));

        Period(person, T.Today).Should().Be((T.D(2026, 12, 1), T.D(2027, 5, 31)));
        Period(person, T.D(2027, 5, 31)).Should().NotBeNull();
        Period(person, T.D(2027, 6, 1)).Should().BeNull();
    }

    [Fact]
    public void RestrictionInForceOn_ignores_open_and_rejected_proposals()
    {
        var open = Given.Person(A.RefusalReadyForSanction(A.SanctionProposed()));
        var rejected = Given.Person(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false)));

        open.RestrictionInForceOn(T.Today).Should().BeNull();
        rejected.RestrictionInForceOn(T.Today).Should().BeNull();
    }

    [Fact]
    public void RestrictionInForceOn_skips_an_expired_restriction()
    {
        var second = T.Id(2);
        var secondRefusal = T.Id(22);
        var person = Given.Person(A.RefusalReadyForSanction(
            A.SanctionProposed(),
            A.SanctionDecided(true, T.D(2026, 1, 15)), // 2026-01-15 .. 2026-07-14, expired
            A.RefusalRecorded(T.D(2026, 11, 3), secondRefusal),
            A.RefusalAssessed(false, secondRefusal),
            A.HearingHeld(T.D(2026, 11, 11), secondRefusal),
            A.SanctionProposed(second, secondRefusal),
            A.SanctionDecided(true, T.D(2026, 11, 16), second))); // 2026-11-16 .. 2027-05-15

        person.RestrictionInForceOn(T.Today)!.ProposalId.Should().Be(second);
        person.RestrictionInForceOn(T.D(2027, 5, 16)).Should().BeNull();
    }

    [Fact]
    public void RestrictionInForceOn_shows_an_approved_restriction_that_starts_later()
    {
        var person = Given.Person(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2027, 1, 1))));

        Period(person, T.Today).Should().Be((T.D(2027, 1, 1), T.D(2027, 6, 30)));
    }

    [Fact]
    public void RestrictionInForceOn_shows_the_running_restriction_before_one_that_starts_later()
    {
        var second = T.Id(2);
        var secondRefusal = T.Id(22);
        var person = Given.Person(A.RefusalReadyForSanction(
            A.RefusalRecorded(T.D(2026, 11, 3), secondRefusal),
            A.RefusalAssessed(false, secondRefusal),
            A.HearingHeld(T.D(2026, 11, 11), secondRefusal),
            A.SanctionProposed(second, secondRefusal),
            A.SanctionProposed(),
            A.SanctionDecided(true, T.D(2027, 5, 1), second), // decided first, starts later
            A.SanctionDecided(true, T.D(2026, 11, 1))));      // decided last, running: 2026-11-01 .. 2027-04-30

        person.RestrictionInForceOn(T.Today)!.ProposalId.Should().Be(T.ProposalId);
        person.RestrictionInForceOn(T.D(2027, 5, 1))!.ProposalId.Should().Be(second);
    }

    [Fact]
    public void A_decision_is_recorded_on_its_proposal()
    {
        var person = Given.Person(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false)));

        var proposal = person.Proposals[T.ProposalId];
        proposal.ProposedBy.Should().Be(T.Caseworker);
        proposal.Decision!.Approved.Should().BeFalse();
        proposal.Decision.DecidedBy.Should().Be(T.OfficialA);
    }
}
