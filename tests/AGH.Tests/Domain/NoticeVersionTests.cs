using System.Text.Json;
using AGH.Api.Infrastructure;
using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>
/// § 5 Abs. 4 S. 3 AsylbLG and § 37 Abs. 6 VwVfG: what the person was told matters, so the event that records serving or
/// deciding names the wording of the notice.
/// </summary>
public class NoticeVersionTests
{
    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    private static Decision DecideSanction(bool approved) =>
        SanctionDecisions.Decide(Given.Person(Proposed), new DecideSanction(T.ProposalId, approved, "Entscheidung", approved ? T.Today : null, T.OfficialA), HourLog.Empty, Policy.Default, T.Today);

    [Fact]
    public void A_served_Heranziehungsbescheid_records_the_wording_it_was_served_in()
    {
        var offer = Given.Offer(A.OfferRegistered(places: 2, hoursPerWeek: 20));
        var person = Given.Person(A.PersonRegistered());
        var decision = PlacementDecisions.Assign(offer, person,
            new AssignPerson(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20), T.D(2026, 11, 23), 20), Policy.Default, T.Today);

        decision.ShouldAccept().Select(e => e.Event).OfType<PersonAssigned>().Single().NoticeVersion.Should().Be("heranziehungsbescheid-v1");
        person.Then(decision).Placements[T.PlacementId].NoticeVersion.Should().Be(NoticeVersions.AssignmentNotice);
    }

    [Fact]
    public void An_approved_restriction_records_the_wording_of_its_Bescheid()
    {
        var decision = DecideSanction(approved: true);

        decision.ShouldAccept().Select(e => e.Event).OfType<SanctionDecided>().Single().NoticeVersion.Should().Be("einschraenkungsbescheid-v1");
        Given.Person(Proposed).Then(decision).Proposals[T.ProposalId].Decision!.NoticeVersion.Should().Be(NoticeVersions.RestrictionNotice);
    }

    [Fact]
    public void A_rejected_proposal_records_the_wording_of_the_Mitteilung_that_no_restriction_is_imposed()
    {
        var decision = DecideSanction(approved: false);

        decision.ShouldAccept().Select(e => e.Event).OfType<SanctionDecided>().Single().NoticeVersion.Should().Be("keine-einschraenkung-v1");
        Given.Person(Proposed).Then(decision).Proposals[T.ProposalId].Decision!.NoticeVersion.Should().Be(NoticeVersions.NoRestrictionNotice);
    }

    [Fact]
    public void Events_stored_before_notices_were_versioned_still_read_and_name_no_wording()
    {
        var assigned = JsonSerializer.Deserialize<PersonAssigned>(
            """{"placementId":"00000000-0000-0000-0000-0000000000a1","personId":"00000000-0000-0000-0000-000000000001","offerId":"00000000-0000-0000-0000-00000000000f","municipality":"bad-iburg","noticeServedOn":"2026-11-20","startsOn":"2026-11-23","hoursPerWeek":20,"noticeOfLegalConsequences":true}""",
            Json.Options)!;
        var decided = JsonSerializer.Deserialize<SanctionDecided>(
            """{"proposalId":"00000000-0000-0000-0000-0000000000d1","personId":"00000000-0000-0000-0000-000000000001","placementId":"00000000-0000-0000-0000-0000000000a1","approved":true,"reasoning":"r","startsOn":"2026-12-01","endsOn":"2027-05-31","decidedBy":"official-a"}""",
            Json.Options)!;

        assigned.HoursPerWeek.Should().Be(20);
        assigned.NoticeVersion.Should().BeNull();
        decided.EndsOn.Should().Be(T.D(2027, 5, 31));
        decided.NoticeVersion.Should().BeNull();
    }
}
