using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

public class PersonDecisionsTests
{
    private static RegisterPerson Register(DateOnly dateOfBirth, DateOnly entitledSince) =>
        new(T.PersonId, T.Municipality, "Amir", "Haddad", dateOfBirth, entitledSince, "AZ-4711");

    [Fact]
    public void Register_emits_PersonRegistered_on_the_person_stream()
    {
        PersonDecisions.Register(Register(T.D(1990, 5, 10), T.D(2024, 1, 1)), [], T.Today)
            .ShouldAccept(new StreamEvent(T.PersonId, new PersonRegistered(
                T.PersonId, T.Municipality, "Amir", "Haddad", T.D(1990, 5, 10), T.D(2024, 1, 1), "AZ-4711")));
    }

    [Fact]
    public void A_registered_person_is_entitled_available_and_without_placements()
    {
        var person = Given.Person(A.PersonRegistered());

        person.IsEntitled.Should().BeTrue();
        person.ActivePlacement.Should().BeNull();
        person.Placements.Should().BeEmpty();
        person.Exemptions.Should().BeEmpty();
        person.StatusOn(T.Today).Should().Be(PersonStatus.Available);
        person.RestrictionInForceOn(T.Today).Should().BeNull();
    }

    [Fact]
    public void Register_born_today_is_accepted()
    {
        PersonDecisions.Register(Register(T.Today, T.Today), [], T.Today).ShouldAccept();
    }

    [Fact]
    public void Register_with_birth_in_the_future_is_rejected()
    {
        PersonDecisions.Register(Register(T.Today.AddDays(1), T.Today.AddDays(1)), [], T.Today)
            .ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Register_with_entitlement_before_birth_is_rejected()
    {
        PersonDecisions.Register(Register(T.D(1990, 5, 10), T.D(1990, 5, 9)), [], T.Today)
            .ShouldReject("entitlement-before-birth", RejectionKind.Unprocessable);
    }

    // ---- exemptions -------------------------------------------------------------------------------------------

    [Fact]
    public void RecordExemption_emits_ExemptionRecorded()
    {
        var person = Given.Person(A.PersonRegistered());
        var exemptionId = T.Id(1);

        PersonDecisions.RecordExemption(person,
                new RecordExemption(T.PersonId, exemptionId, ExemptionReason.Childcare, T.D(2026, 11, 1), T.D(2027, 7, 31), "Kind unter 3"))
            .ShouldAccept(new StreamEvent(T.PersonId,
                new ExemptionRecorded(T.PersonId, exemptionId, ExemptionReason.Childcare, T.D(2026, 11, 1), T.D(2027, 7, 31), "Kind unter 3")));
    }

    [Fact]
    public void RecordExemption_without_until_is_open_ended_and_a_one_day_exemption_is_valid()
    {
        var person = Given.Person(A.PersonRegistered());

        PersonDecisions.RecordExemption(person,
            new RecordExemption(T.PersonId, T.Id(1), ExemptionReason.Employment, T.D(2026, 11, 1), null, null)).ShouldAccept();
        PersonDecisions.RecordExemption(person,
            new RecordExemption(T.PersonId, T.Id(2), ExemptionReason.Illness, T.D(2026, 11, 1), T.D(2026, 11, 1), null)).ShouldAccept();
    }

    [Fact]
    public void RecordExemption_with_until_before_from_is_rejected()
    {
        var person = Given.Person(A.PersonRegistered());

        PersonDecisions.RecordExemption(person,
                new RecordExemption(T.PersonId, T.Id(1), ExemptionReason.Illness, T.D(2026, 11, 10), T.D(2026, 11, 9), null))
            .ShouldReject("exemption-period-invalid", RejectionKind.Unprocessable);
    }

    [Fact]
    public void An_exemption_covers_its_first_and_last_day_only()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(T.D(2026, 11, 10), T.D(2026, 11, 20)));

        person.IsExemptOn(T.D(2026, 11, 9)).Should().BeFalse();
        person.IsExemptOn(T.D(2026, 11, 10)).Should().BeTrue();
        person.IsExemptOn(T.D(2026, 11, 20)).Should().BeTrue();
        person.IsExemptOn(T.D(2026, 11, 21)).Should().BeFalse();
    }

    [Fact]
    public void An_open_ended_exemption_covers_every_later_day()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(T.D(2026, 11, 10), null));

        person.IsExemptOn(T.D(2030, 1, 1)).Should().BeTrue();
    }

    // ---- entitlement end --------------------------------------------------------------------------------------

    [Fact]
    public void EndEntitlement_without_placement_emits_only_EntitlementEnded()
    {
        var person = Given.Person(A.PersonRegistered());
        var decision = PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 20), "Anerkennung"), HourLog.Empty, T.Today);

        decision.ShouldAccept(new StreamEvent(T.PersonId, new EntitlementEnded(T.PersonId, T.D(2026, 11, 20), "Anerkennung")));
        var after = person.Then(decision);
        after.IsEntitled.Should().BeFalse();
        after.EntitlementEndedOn.Should().Be(T.D(2026, 11, 20));
        after.StatusOn(T.Today).Should().Be(PersonStatus.NotEntitled);
    }

    [Fact]
    public void EndEntitlement_ends_the_active_placement_and_releases_its_place_on_the_offer_stream()
    {
        var person = Given.Person(A.PlacedPerson());
        var decision = PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 20), "Anerkennung"), HourLog.Empty, T.Today);

        decision.ShouldAccept(
            new StreamEvent(T.PersonId, new EntitlementEnded(T.PersonId, T.D(2026, 11, 20), "Anerkennung")),
            new StreamEvent(T.PersonId, new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20),
                EndReason.EntitlementEnded, "Anerkennung")),
            new StreamEvent(T.OfferId, new PlaceReleased(T.OfferId, T.PlacementId)));

        var after = person.Then(decision);
        after.ActivePlacement.Should().BeNull();
        after.Placements[T.PlacementId].EndedOn.Should().Be(T.D(2026, 11, 20));
        after.Placements[T.PlacementId].EndReason.Should().Be(EndReason.EntitlementEnded);

        var offer = Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied()).Then(decision);
        offer.Occupied.Should().Be(0);
        offer.Free.Should().Be(1);
    }

    [Fact]
    public void EndEntitlement_before_a_placement_began_ends_it_on_the_entitlement_end_as_ending_it_directly_would()
    {
        var person = Given.Person(A.PersonRegistered(), A.PersonAssigned(noticeServedOn: T.D(2026, 11, 1), startsOn: T.D(2026, 12, 1)));

        var ended = PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 15), "Wegzug"), HourLog.Empty, T.Today)
            .ShouldAccept().Select(e => e.Event).OfType<PlacementEnded>().Single();

        ended.Date.Should().Be(T.D(2026, 11, 15), "a placement that has not begun may end on any day from its notice on");
    }

    [Fact]
    public void EndEntitlement_before_the_notice_of_a_placement_not_yet_begun_ends_it_on_the_notice_day()
    {
        var person = Given.Person(A.PersonRegistered(), A.PersonAssigned(noticeServedOn: T.D(2026, 11, 1), startsOn: T.D(2026, 12, 1)));

        var ended = PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 10, 20), "Wegzug"), HourLog.Empty, T.Today)
            .ShouldAccept().Select(e => e.Event).OfType<PlacementEnded>().Single();

        ended.Date.Should().Be(T.D(2026, 11, 1));
    }

    [Fact]
    public void EndEntitlement_before_a_begun_placement_started_still_ends_it_on_its_start_day()
    {
        var person = Given.Person(A.PlacedPerson()); // started 2026-10-05

        var ended = PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 10, 2), "Wegzug"), HourLog.Empty, T.Today)
            .ShouldAccept().Select(e => e.Event).OfType<PlacementEnded>().Single();

        ended.Date.Should().Be(T.D(2026, 10, 5));
    }

    [Fact]
    public void EndEntitlement_leaves_an_already_ended_placement_alone()
    {
        var person = Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 1))));

        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 20), "Wegzug"), HourLog.Empty, T.Today)
            .ShouldAccept().Should().ContainSingle().Which.Event.Should().BeOfType<EntitlementEnded>();
    }

    [Fact]
    public void EndEntitlement_twice_is_rejected()
    {
        var person = Given.Person(A.PersonRegistered(), A.EntitlementEnded(T.D(2026, 11, 1)));

        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 20), "nochmal"), HourLog.Empty, T.Today)
            .ShouldReject("entitlement-already-ended", RejectionKind.Conflict);
    }

    [Fact]
    public void EndEntitlement_before_entitled_since_is_rejected()
    {
        var person = Given.Person(A.PersonRegistered(entitledSince: T.D(2024, 1, 1)));

        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2023, 12, 31), "Irrtum"), HourLog.Empty, T.Today)
            .ShouldReject("date-before-entitlement", RejectionKind.Unprocessable);
    }

    [Fact]
    public void EndEntitlement_on_the_day_entitlement_began_is_accepted()
    {
        var person = Given.Person(A.PersonRegistered(entitledSince: T.D(2024, 1, 1)));

        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2024, 1, 1), "Irrtum"), HourLog.Empty, T.Today).ShouldAccept();
    }
}
