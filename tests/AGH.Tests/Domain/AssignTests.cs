using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

public class AssignTests
{
    private static readonly DateOnly Notice = T.D(2026, 11, 20);
    private static readonly DateOnly Start = T.D(2026, 11, 23);

    private static readonly Offer OpenOffer = Given.Offer(A.OfferRegistered(places: 2, hoursPerWeek: 20));

    private static AssignPerson Assign(DateOnly? notice = null, DateOnly? start = null, int hours = 20) =>
        new(T.PlacementId, T.PersonId, T.OfferId, notice ?? Notice, start ?? Start, hours);

    private static Decision Decide(Offer offer, Person person, AssignPerson? command = null, Policy? policy = null) =>
        PlacementDecisions.Assign(offer, person, command ?? Assign(), policy ?? Policy.Default, T.Today);

    private static Person BornOn(DateOnly birth) => Given.Person(A.PersonRegistered(dateOfBirth: birth, entitledSince: T.D(2024, 1, 1)));

    private static Person Eligible => Given.Person(A.PersonRegistered());

    [Fact]
    public void Assign_emits_PersonAssigned_on_the_person_stream_and_PlaceOccupied_on_the_offer_stream()
    {
        Decide(OpenOffer, Eligible).ShouldAccept(
            new StreamEvent(T.PersonId, new PersonAssigned(T.PlacementId, T.PersonId, T.OfferId, T.Municipality,
                Notice, Start, 20, NoticeOfLegalConsequences: true, NoticeVersions.AssignmentNotice)),
            new StreamEvent(T.OfferId, new PlaceOccupied(T.OfferId, T.PlacementId, T.PersonId)));
    }

    [Fact]
    public void After_the_assignment_the_person_is_placed_and_the_place_is_taken()
    {
        var decision = Decide(OpenOffer, Eligible);

        var person = Eligible.Then(decision);
        person.StatusOn(T.Today).Should().Be(PersonStatus.Placed);
        person.ActivePlacement!.HoursPerWeek.Should().Be(20);

        var offer = OpenOffer.Then(decision);
        offer.Occupied.Should().Be(1);
        offer.Free.Should().Be(1);
    }

    // ---- eligibility ------------------------------------------------------------------------------------------

    [Fact]
    public void A_person_under_18_on_the_start_date_is_not_eligible()
    {
        Decide(OpenOffer, BornOn(T.D(2008, 11, 24))) // 18 only on the day after the start
            .ShouldReject("person-not-eligible", RejectionKind.Unprocessable).Detail.Should().Contain("minimum age");
    }

    [Fact]
    public void A_person_turning_18_on_the_start_date_is_eligible()
    {
        Decide(OpenOffer, BornOn(T.D(2008, 11, 23))).ShouldAccept();
    }

    [Fact]
    public void The_minimum_age_is_policy()
    {
        Decide(OpenOffer, BornOn(T.D(2009, 11, 23)), policy: Policy.Default with { MinimumAge = 17 }).ShouldAccept();
    }

    [Fact]
    public void A_person_reaching_the_statutory_retirement_age_on_the_start_date_is_not_eligible()
    {
        // Born 1960: 66 years and 4 months (SGB VI § 235), completed with the end of 22.11.2026.
        Decide(OpenOffer, BornOn(T.D(1960, 7, 23)))
            .ShouldReject("person-not-eligible").Detail.Should().Contain("retirement age");
    }

    [Fact]
    public void A_person_reaching_the_retirement_age_the_day_after_the_start_is_eligible()
    {
        Decide(OpenOffer, BornOn(T.D(1960, 7, 24))).ShouldAccept();
    }

    [Fact]
    public void The_retirement_age_follows_the_year_of_birth_not_a_flat_67()
    {
        // 66 on the start date, 67 only the next day; but born 1959 the retirement age is 66 years and 2 months.
        Decide(OpenOffer, BornOn(T.D(1959, 11, 24))).ShouldReject("person-not-eligible");
    }

    [Fact]
    public void A_person_exempt_on_the_start_date_is_not_eligible()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(Start, Start));

        Decide(OpenOffer, person).ShouldReject("person-not-eligible").Detail.Should().Contain("exemption");
    }

    [Fact]
    public void A_person_whose_exemption_ended_the_day_before_the_start_is_eligible()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(T.D(2026, 10, 1), Start.AddDays(-1)));

        Decide(OpenOffer, person).ShouldAccept();
    }

    [Fact]
    public void A_person_whose_exemption_starts_after_the_start_date_is_eligible()
    {
        var person = Given.Person(A.PersonRegistered(), A.ExemptionRecorded(Start.AddDays(1), null));

        Decide(OpenOffer, person).ShouldAccept();
    }

    [Fact]
    public void A_person_whose_entitlement_ended_is_not_eligible()
    {
        var person = Given.Person(A.PersonRegistered(), A.EntitlementEnded(T.D(2026, 11, 1)));

        Decide(OpenOffer, person).ShouldReject("person-not-eligible").Detail.Should().Contain("entitlement");
    }

    [Fact]
    public void A_person_entitled_only_after_the_start_date_is_not_eligible()
    {
        var person = Given.Person(A.PersonRegistered(entitledSince: Start.AddDays(1)));

        Decide(OpenOffer, person).ShouldReject("person-not-eligible").Detail.Should().Contain("not entitled");
    }

    [Fact]
    public void A_person_entitled_from_the_start_date_is_eligible()
    {
        Decide(OpenOffer, Given.Person(A.PersonRegistered(entitledSince: Start))).ShouldAccept();
    }

    [Fact]
    public void A_person_already_placed_is_not_eligible()
    {
        var person = Given.Person(A.PersonRegistered(), A.PersonAssigned(T.SecondPlacementId, T.OtherOfferId));

        Decide(OpenOffer, person).ShouldReject("person-not-eligible").Detail.Should().Contain("active placement");
    }

    [Fact]
    public void A_person_whose_earlier_placement_ended_is_eligible_again()
    {
        var person = Given.Person(A.PersonRegistered(), A.PersonAssigned(T.SecondPlacementId, T.OtherOfferId),
            A.PlacementEnded(T.D(2026, 11, 13), T.SecondPlacementId));

        Decide(OpenOffer, person).ShouldAccept();
    }

    // ---- the offer ----------------------------------------------------------------------------------------------

    [Fact]
    public void Assign_to_a_withdrawn_offer_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(), new OfferWithdrawn(T.OfferId, T.D(2026, 11, 1), "Ende"));

        Decide(offer, Eligible).ShouldReject("offer-not-open", RejectionKind.Conflict);
    }

    [Fact]
    public void Assign_with_a_start_before_the_offer_period_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(startsOn: Start.AddDays(1)));

        Decide(offer, Eligible).ShouldReject("offer-not-open", RejectionKind.Conflict);
    }

    [Fact]
    public void Assign_with_a_start_after_the_offer_period_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(startsOn: T.D(2026, 1, 1), endsOn: Start.AddDays(-1)));

        Decide(offer, Eligible).ShouldReject("offer-not-open", RejectionKind.Conflict);
    }

    [Fact]
    public void Assign_on_the_first_and_last_day_of_the_offer_period_is_accepted()
    {
        Decide(Given.Offer(A.OfferRegistered(startsOn: Start)), Eligible).ShouldAccept();
        // The last day itself, while the offer has not yet ended (contract v3d: an ended offer takes no assignment).
        PlacementDecisions.Assign(Given.Offer(A.OfferRegistered(startsOn: T.D(2026, 1, 1), endsOn: Start)), Eligible,
            Assign(), Policy.Default, Start).ShouldAccept();
    }

    [Fact]
    public void Assign_to_an_open_ended_offer_is_accepted_far_ahead()
    {
        var offer = Given.Offer(A.OfferRegistered(openEnded: true));

        Decide(offer, Eligible, Assign(start: T.D(2030, 1, 7))).ShouldAccept();
    }

    [Fact]
    public void Assign_with_more_hours_than_the_offer_plans_is_rejected()
    {
        Decide(OpenOffer, Eligible, Assign(hours: 21)).ShouldReject("hours-exceed-offer", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Assign_with_fewer_hours_than_the_offer_plans_is_accepted()
    {
        Decide(OpenOffer, Eligible, Assign(hours: 10))
            .ShouldAccept()[0].Event.Should().BeOfType<PersonAssigned>().Which.HoursPerWeek.Should().Be(10);
    }

    [Fact]
    public void Assign_without_a_free_place_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied(T.Id(77)));

        Decide(offer, Eligible).ShouldReject("no-free-place", RejectionKind.Conflict);
    }

    [Fact]
    public void Assign_to_a_place_freed_by_a_release_is_accepted()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied(T.Id(77)), A.PlaceReleased(T.Id(77)));

        Decide(offer, Eligible).ShouldAccept();
    }

    [Fact]
    public void Assign_after_places_were_reduced_to_the_occupied_ones_is_rejected()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 3), A.PlaceOccupied(T.Id(77)), new OfferPlacesChanged(T.OfferId, 1));

        Decide(offer, Eligible).ShouldReject("no-free-place");
    }

    // ---- the notice ---------------------------------------------------------------------------------------------

    [Fact]
    public void Assign_with_a_start_before_the_notice_is_rejected()
    {
        Decide(OpenOffer, Eligible, Assign(notice: T.D(2026, 11, 20), start: T.D(2026, 11, 19)))
            .ShouldReject("start-before-notice", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Assign_with_the_start_on_the_notice_day_is_accepted()
    {
        Decide(OpenOffer, Eligible, Assign(notice: T.D(2026, 11, 20), start: T.D(2026, 11, 20))).ShouldAccept();
    }

    [Fact]
    public void Assign_with_a_notice_in_the_future_is_rejected()
    {
        Decide(OpenOffer, Eligible, Assign(notice: T.Today.AddDays(1), start: T.Today.AddDays(5)))
            .ShouldReject("notice-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Assign_with_the_notice_served_today_and_a_later_start_is_accepted()
    {
        Decide(OpenOffer, Eligible, Assign(notice: T.Today, start: T.Today.AddDays(5))).ShouldAccept();
    }
}
