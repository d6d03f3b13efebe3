using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>The default placement starts 2026-10-05; today is 2026-11-25.</summary>
public class EndPlacementTests
{
    private static Decision End(object[] history, DateOnly date)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.End(person, placement, new EndPlacement(T.PlacementId, date, EndReason.RegularEmployment, "Arbeitsvertrag"), Given.Hours(history), T.Today);
    }

    [Fact]
    public void End_emits_PlacementEnded_on_the_person_stream_and_PlaceReleased_on_the_offer_stream()
    {
        End(A.PlacedPerson(), T.D(2026, 11, 20)).ShouldAccept(
            new StreamEvent(T.PersonId, new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20),
                EndReason.RegularEmployment, "Arbeitsvertrag")),
            new StreamEvent(T.OfferId, new PlaceReleased(T.OfferId, T.PlacementId)));
    }

    [Fact]
    public void After_the_end_the_place_is_free_and_the_person_available()
    {
        var decision = End(A.PlacedPerson(), T.D(2026, 11, 20));

        var offer = Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied()).Then(decision);
        offer.Free.Should().Be(1);
        offer.ActivePlacements.Should().BeEmpty();

        var person = Given.Person(A.PlacedPerson()).Then(decision);
        person.Placements[T.PlacementId].IsActive.Should().BeFalse();
        person.Placements[T.PlacementId].EndReason.Should().Be(EndReason.RegularEmployment);
        person.StatusOn(T.Today).Should().Be(PersonStatus.Available);
    }

    [Fact]
    public void End_on_the_start_day_and_today_is_accepted()
    {
        End(A.PlacedPerson(), T.D(2026, 10, 5)).ShouldAccept();
        End(A.PlacedPerson(), T.Today).ShouldAccept();
    }

    [Fact]
    public void End_in_the_future_is_rejected()
    {
        End(A.PlacedPerson(), T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void End_before_the_start_is_rejected()
    {
        End(A.PlacedPerson(), T.D(2026, 10, 4)).ShouldReject("end-before-start", RejectionKind.Unprocessable);
    }

    [Fact]
    public void End_of_an_ended_placement_is_rejected()
    {
        End(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 1))), T.D(2026, 11, 20)).ShouldReject("placement-ended", RejectionKind.Conflict);
    }

    [Fact]
    public void After_the_end_the_offer_can_be_withdrawn()
    {
        var offer = Given.Offer(A.OfferRegistered(), A.PlaceOccupied()).Then(End(A.PlacedPerson(), T.D(2026, 11, 20)));

        OfferDecisions.Withdraw(offer, new WithdrawOffer(T.OfferId, T.Today, "Ende")).ShouldAccept();
    }
}

/// <summary>The end of the period the Heranziehungsbescheid names, recorded by the service (contract v3b); today is 2026-11-25.</summary>
public class EndPeriodTests
{
    private static object[] Limited(DateOnly? until, params object[] more) =>
        [A.PersonRegistered(), A.PersonAssigned() with { Until = until }, .. more];

    private static Decision EndPeriod(object[] history, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.EndPeriod(person, placement, today ?? T.Today);
    }

    [Fact]
    public void After_until_it_records_what_ending_by_hand_records_on_until_with_period_ended()
    {
        var until = T.D(2026, 11, 20);
        EndPeriod(Limited(until)).ShouldAccept(
            new StreamEvent(T.PersonId, new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, until, EndReason.PeriodEnded, null)),
            new StreamEvent(T.OfferId, new PlaceReleased(T.OfferId, T.PlacementId)));

        // Recorded, it reads as it read before: ended on until, period-ended; the place is free.
        var before = Given.Person(Limited(until)).Placements[T.PlacementId];
        var after = Given.Person(Limited(until)).Then(EndPeriod(Limited(until))).Placements[T.PlacementId];
        after.IsActive.Should().BeFalse();
        (after.EndedOnAsOf(T.Today), after.EndReasonAsOf(T.Today)).Should().Be((before.EndedOnAsOf(T.Today), before.EndReasonAsOf(T.Today)));
        after.EndedOn.Should().Be(until);
        Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied()).Then(EndPeriod(Limited(until))).Free.Should().Be(1);
    }

    [Fact]
    public void Not_before_the_day_after_until_and_never_without_until()
    {
        EndPeriod(Limited(T.Today)).ShouldReject("period-running", RejectionKind.Conflict);
        EndPeriod(Limited(T.Today.AddDays(1))).ShouldReject("period-running");
        EndPeriod(Limited(null)).ShouldReject("period-running");
        EndPeriod(Limited(T.Today.AddDays(-1))).ShouldAccept();
    }

    [Fact]
    public void A_placement_already_ended_by_hand_or_by_the_job_is_left_alone()
    {
        var until = T.D(2026, 11, 20);
        EndPeriod(Limited(until, A.PlacementEnded(T.D(2026, 11, 10), reason: EndReason.RegularEmployment))).ShouldReject("placement-ended");
        var recorded = EndPeriod(Limited(until)).ShouldAccept().Where(e => e.StreamId == T.PersonId).Select(e => e.Event).ToArray();
        EndPeriod(Limited(until, recorded)).ShouldReject("placement-ended", RejectionKind.Conflict);
    }

    [Fact]
    public void The_history_says_the_assignment_ended_with_its_period_on_its_own_legal_basis()
    {
        var ended = new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20), EndReason.PeriodEnded, null);
        EventCatalog.SummaryOf(ended).Should().StartWith("Heranziehung endete mit Ablauf der Befristung am 20.11.2026");
        EventCatalog.LegalBasisOf(ended).Should().Be(LegalBasis.PeriodEnded).And.Contain("§ 43 Abs. 2 VwVfG");
        EventCatalog.LegalBasisOf(ended with { Reason = EndReason.RegularEmployment }).Should().Be(LegalBasis.Reasonable);
    }
}
