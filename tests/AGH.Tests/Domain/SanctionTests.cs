using AGH.Domain.Common;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Notice served 2026-10-01; refusal 2026-11-02, assessed without good cause, hearing 2026-11-10.</summary>
public class ProposeSanctionTests
{
    private static Decision Propose(object[] history, Guid? refusalId = null, Guid? proposalId = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.ProposeSanction(person, placement,
            new ProposeSanction(T.PlacementId, proposalId ?? T.ProposalId, refusalId ?? T.RefusalId, "Ohne wichtigen Grund", T.Caseworker));
    }

    [Fact]
    public void ProposeSanction_with_all_preconditions_emits_SanctionProposed()
    {
        var decision = Propose(A.RefusalReadyForSanction());

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new SanctionProposed(T.ProposalId, T.PersonId, T.PlacementId, T.RefusalId, "Ohne wichtigen Grund", T.Caseworker)));

        var proposal = Given.Person(A.RefusalReadyForSanction()).Then(decision).Proposals[T.ProposalId];
        proposal.RefusalId.Should().Be(T.RefusalId);
        proposal.Decision.Should().BeNull();
    }

    [Fact]
    public void ProposeSanction_with_the_notice_served_on_the_day_of_the_refusal_is_rejected()
    {
        // The notice must be served BEFORE the refusal; the same day is not before.
        object[] history =
        [
            A.PersonRegistered(),
            A.PersonAssigned(noticeServedOn: T.D(2026, 11, 2), startsOn: T.D(2026, 11, 2)),
            A.RefusalRecorded(T.D(2026, 11, 2)),
            A.RefusalAssessed(goodCause: false),
            A.HearingHeld(T.D(2026, 11, 10)),
        ];

        Propose(history).ShouldReject("sanction-preconditions", RejectionKind.Unprocessable).Detail.Should().Contain("notice");
    }

    [Fact]
    public void ProposeSanction_with_the_notice_served_the_day_before_the_refusal_is_accepted()
    {
        object[] history =
        [
            A.PersonRegistered(),
            A.PersonAssigned(noticeServedOn: T.D(2026, 11, 1), startsOn: T.D(2026, 11, 2)),
            A.RefusalRecorded(T.D(2026, 11, 2)),
            A.RefusalAssessed(goodCause: false),
            A.HearingHeld(T.D(2026, 11, 2)),
        ];

        Propose(history).ShouldAccept();
    }

    [Fact]
    public void ProposeSanction_without_an_assessment_is_rejected()
    {
        Propose(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), A.HearingHeld(T.D(2026, 11, 10))))
            .ShouldReject("sanction-preconditions").Detail.Should().Contain("not been assessed");
    }

    [Fact]
    public void ProposeSanction_when_a_good_cause_was_recognised_is_rejected()
    {
        Propose(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), A.RefusalAssessed(goodCause: true), A.HearingHeld(T.D(2026, 11, 10))))
            .ShouldReject("sanction-preconditions").Detail.Should().Contain("good cause");
    }

    [Fact]
    public void ProposeSanction_without_a_hearing_is_rejected()
    {
        Propose(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), A.RefusalAssessed(goodCause: false)))
            .ShouldReject("sanction-preconditions").Detail.Should().Contain("no hearing");
    }

    [Fact]
    public void ProposeSanction_lists_every_missing_precondition()
    {
        object[] history =
        [
            A.PersonRegistered(),
            A.PersonAssigned(noticeServedOn: T.D(2026, 11, 2), startsOn: T.D(2026, 11, 2)),
            A.RefusalRecorded(T.D(2026, 11, 2)),
        ];

        Propose(history).ShouldReject("sanction-preconditions").Detail
            .Should().ContainAll("notice", "not been assessed", "no hearing");
    }

    [Fact]
    public void ProposeSanction_on_an_unknown_refusal_is_rejected()
    {
        Propose(A.RefusalReadyForSanction(), refusalId: T.Id(99)).ShouldReject("refusal-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void ProposeSanction_while_a_proposal_for_the_refusal_is_open_is_rejected()
    {
        Propose(A.RefusalReadyForSanction(A.SanctionProposed()), proposalId: T.Id(2))
            .ShouldReject("already-proposed", RejectionKind.Conflict);
    }

    [Fact]
    public void ProposeSanction_after_an_approved_proposal_for_the_refusal_is_rejected()
    {
        Propose(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 12, 1))), proposalId: T.Id(2))
            .ShouldReject("already-proposed", RejectionKind.Conflict);
    }

    [Fact]
    public void ProposeSanction_after_a_rejected_proposal_for_the_refusal_is_accepted()
    {
        Propose(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false)), proposalId: T.Id(2)).ShouldAccept();
    }
}

public class DecideSanctionTests
{
    private static Decision Decide(object[] history, bool approved, DateOnly? startsOn, string decidedBy = T.OfficialA, Guid? proposalId = null) =>
        PlacementDecisions.DecideSanction(Given.Person(history),
            new DecideSanction(proposalId ?? T.ProposalId, approved, "Entscheidung", startsOn, decidedBy));

    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    [Fact]
    public void An_approval_emits_SanctionDecided_with_a_six_month_period()
    {
        Decide(Proposed, true, T.D(2026, 12, 1)).ShouldAccept(new StreamEvent(T.PersonId, new SanctionDecided(
            T.ProposalId, T.PersonId, T.PlacementId, true, "Entscheidung", T.D(2026, 12, 1), T.D(2027, 5, 31), T.OfficialA)));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-08-31")]
    [InlineData("2027-08-31", "2028-02-29")]
    [InlineData("2026-01-15", "2026-07-14")]
    public void An_approval_ends_as_188_BGB_counts_six_months(string startsOn, string expectedEndsOn)
    {
        var decided = Decide(Proposed, true, T.P(startsOn)).ShouldAcceptSingle<SanctionDecided>(T.PersonId);

        decided.StartsOn.Should().Be(T.P(startsOn));
        decided.EndsOn.Should().Be(T.P(expectedEndsOn));
    }

    [Fact]
    public void An_approval_restricts_benefits()
    {
        var person = Given.Person(Proposed).Then(Decide(Proposed, true, T.D(2026, 12, 1)));

        person.RestrictionOn(T.Today).Should().Be(new AGH.Domain.Persons.Restriction(T.ProposalId, T.D(2026, 12, 1), T.D(2027, 5, 31)));
    }

    [Fact]
    public void A_rejection_has_no_restriction_period()
    {
        var decision = Decide(Proposed, false, T.D(2026, 12, 1));

        decision.ShouldAccept(new StreamEvent(T.PersonId, new SanctionDecided(
            T.ProposalId, T.PersonId, T.PlacementId, false, "Entscheidung", null, null, T.OfficialA)));
        Given.Person(Proposed).Then(decision).RestrictionOn(T.Today).Should().BeNull();
    }

    [Fact]
    public void The_proposer_cannot_decide()
    {
        Decide(Proposed, true, T.D(2026, 12, 1), decidedBy: T.Caseworker).ShouldReject("four-eyes", RejectionKind.Forbidden);
    }

    [Fact]
    public void The_proposer_cannot_reject_either()
    {
        Decide(Proposed, false, null, decidedBy: T.Caseworker).ShouldReject("four-eyes", RejectionKind.Forbidden);
    }

    [Fact]
    public void A_decided_proposal_cannot_be_decided_again()
    {
        Decide(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false)), true, T.D(2026, 12, 1), decidedBy: "official-b")
            .ShouldReject("already-decided", RejectionKind.Conflict);
    }

    [Fact]
    public void An_unknown_proposal_is_rejected()
    {
        Decide(Proposed, true, T.D(2026, 12, 1), proposalId: T.Id(99)).ShouldReject("proposal-not-found", RejectionKind.NotFound);
    }
}
