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
