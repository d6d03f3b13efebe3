using AGH.Domain.Common;
using AGH.Domain.Offers;

namespace AGH.Tests.Domain;

public class OfferDecisionsTests
{
    private static RegisterOffer Register(DateOnly startsOn, DateOnly? endsOn) =>
        new(T.OfferId, ProviderType.Nonprofit, "Tafel e. V.", T.Municipality, "Kleiderkammer", "Sortieren", 3, 15,
            startsOn, endsOn, "Lager, Hauptstraße 2");

    [Fact]
    public void Register_emits_OfferRegistered_on_the_offer_stream()
    {
        var decision = OfferDecisions.Register(Register(T.D(2026, 2, 1), T.D(2026, 12, 31)));

        decision.ShouldAccept(new StreamEvent(T.OfferId, new OfferRegistered(
            T.OfferId, ProviderType.Nonprofit, "Tafel e. V.", T.Municipality, "Kleiderkammer", "Sortieren", 3, 15,
            T.D(2026, 2, 1), T.D(2026, 12, 31), "Lager, Hauptstraße 2")));
    }

    [Fact]
    public void Register_without_end_is_open_ended()
    {
        var e = OfferDecisions.Register(Register(T.D(2026, 2, 1), null)).ShouldAcceptSingle<OfferRegistered>(T.OfferId);
        e.EndsOn.Should().BeNull();
    }

    [Fact]
    public void Register_with_end_on_the_start_day_is_accepted()
    {
        OfferDecisions.Register(Register(T.D(2026, 2, 1), T.D(2026, 2, 1))).ShouldAccept();
    }

    [Fact]
    public void Register_with_end_before_start_is_rejected()
    {
        OfferDecisions.Register(Register(T.D(2026, 2, 1), T.D(2026, 1, 31)))
            .ShouldReject("offer-period-invalid", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_registered_offer_is_open_with_all_places_free()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 3));

        offer.Status.Should().Be(OfferStatus.Open);
        offer.Places.Should().Be(3);
        offer.Occupied.Should().Be(0);
        offer.Free.Should().Be(3);
    }

    [Fact]
    public void Occupied_and_released_places_are_counted()
    {
        var offer = Given.Offer(
            A.OfferRegistered(places: 3),
            A.PlaceOccupied(T.PlacementId),
            A.PlaceOccupied(T.SecondPlacementId),
            A.PlaceReleased(T.PlacementId));

        offer.Occupied.Should().Be(1);
        offer.Free.Should().Be(2);
        offer.ActivePlacements.Should().BeEquivalentTo([T.SecondPlacementId]);
    }

    [Fact]
    public void Events_before_registration_do_not_start_an_offer()
    {
        Offer.Fold([A.PlaceOccupied()]).Should().BeNull();
    }

    [Fact]
    public void ChangePlaces_emits_OfferPlacesChanged()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 2));

        OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 5))
            .ShouldAccept(new StreamEvent(T.OfferId, new OfferPlacesChanged(T.OfferId, 5)));
    }

    [Fact]
    public void ChangePlaces_may_go_down_to_the_occupied_places()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 3), A.PlaceOccupied(T.PlacementId), A.PlaceOccupied(T.SecondPlacementId));

        var after = offer.Then(OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 2)));

        after.Places.Should().Be(2);
        after.Free.Should().Be(0);
    }

    [Fact]
    public void ChangePlaces_to_the_same_number_appends_nothing()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 2));

        OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 2)).ShouldAccept().Should().BeEmpty();
    }

    [Fact]
    public void ChangePlaces_below_the_active_placements_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 3), A.PlaceOccupied(T.PlacementId), A.PlaceOccupied(T.SecondPlacementId));

        OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 1))
            .ShouldReject("places-below-occupied", RejectionKind.Conflict);
    }

    [Fact]
    public void ChangePlaces_counts_only_active_placements()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 3), A.PlaceOccupied(T.PlacementId), A.PlaceOccupied(T.SecondPlacementId),
            A.PlaceReleased(T.PlacementId));

        OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 1)).ShouldAccept();
    }

    [Fact]
    public void ChangePlaces_on_a_withdrawn_offer_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(), new OfferWithdrawn(T.OfferId, T.D(2026, 11, 1), "Träger insolvent"));

        OfferDecisions.ChangePlaces(offer, new ChangePlaces(T.OfferId, 5)).ShouldReject("offer-not-open", RejectionKind.Conflict);
    }

    [Fact]
    public void Withdraw_emits_OfferWithdrawn_and_the_offer_is_withdrawn()
    {
        var offer = Given.Offer(A.OfferRegistered());
        var decision = OfferDecisions.Withdraw(offer, new WithdrawOffer(T.OfferId, T.D(2026, 11, 20), "Projekt beendet"));

        decision.ShouldAccept(new StreamEvent(T.OfferId, new OfferWithdrawn(T.OfferId, T.D(2026, 11, 20), "Projekt beendet")));
        offer.Then(decision).Status.Should().Be(OfferStatus.Withdrawn);
    }

    [Fact]
    public void Withdraw_after_all_placements_were_released_is_accepted()
    {
        var offer = Given.Offer(A.OfferRegistered(), A.PlaceOccupied(), A.PlaceReleased());

        OfferDecisions.Withdraw(offer, new WithdrawOffer(T.OfferId, T.D(2026, 11, 20), "Projekt beendet")).ShouldAccept();
    }

    [Fact]
    public void Withdraw_with_active_placements_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(), A.PlaceOccupied());

        OfferDecisions.Withdraw(offer, new WithdrawOffer(T.OfferId, T.D(2026, 11, 20), "Projekt beendet"))
            .ShouldReject("offer-has-active-placements", RejectionKind.Conflict);
    }

    [Fact]
    public void Withdraw_twice_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(), new OfferWithdrawn(T.OfferId, T.D(2026, 11, 1), "Projekt beendet"));

        OfferDecisions.Withdraw(offer, new WithdrawOffer(T.OfferId, T.D(2026, 11, 20), "nochmal"))
            .ShouldReject("offer-not-open", RejectionKind.Conflict);
    }
}
