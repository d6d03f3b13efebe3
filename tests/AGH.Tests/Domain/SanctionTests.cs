using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Notice served 2026-10-01; refusal 2026-11-02, assessed without good cause, hearing 2026-11-10.</summary>
public class ProposeSanctionTests
{
    private static Decision Propose(object[] history, Guid? refusalId = null, Guid? proposalId = null)
    {
        var (person, placement) = Given.Placed(history);
        return SanctionDecisions.Propose(person, placement,
            new ProposeSanction(T.PlacementId, proposalId ?? T.ProposalId, refusalId ?? T.RefusalId, "Ohne wichtigen Grund", T.Caseworker), Policy.Default, T.Today);
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
    public void ProposeSanction_with_the_notice_served_on_the_day_of_the_refusal_is_accepted_and_one_notified_after_it_is_rejected()
    {
        // Contract v3 (exact rules): a refusal on or after notifiedOn may ground a proposal; a refusal at the hand-over counts.
        object[] SameDay(DateOnly served) =>
        [
            A.PersonRegistered(),
            A.PersonAssigned(noticeServedOn: served, startsOn: T.D(2026, 11, 2)),
            A.RefusalRecorded(T.D(2026, 11, 2)),
            A.RefusalAssessed(goodCause: false),
            A.HearingHeld(T.D(2026, 11, 10)),
        ];

        Propose(SameDay(T.D(2026, 11, 2))).ShouldAccept();
        Propose(SameDay(T.D(2026, 11, 3))).ShouldReject("sanction-preconditions", RejectionKind.Unprocessable).Detail.Should().Contain("notice");
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
            // Notified the day after the refusal (contract v3: a refusal on the notification day would count).
            A.PersonAssigned(noticeServedOn: T.D(2026, 11, 3), startsOn: T.D(2026, 11, 2)),
            A.RefusalRecorded(T.D(2026, 11, 2)),
        ];

        Propose(history).ShouldReject("sanction-preconditions").Detail
            .Should().ContainAll("notice", "not been assessed", "no hearing");
    }

    [Fact]
    public void A_refusal_on_an_exempt_day_cannot_be_sanctioned()
    {
        // An exemption recorded later that covers the refusal day: the assessment without good cause predates it.
        var history = A.RefusalReadyForSanction(A.ExemptionRecorded(T.D(2026, 11, 1), T.D(2026, 11, 3)));

        Propose(history).ShouldReject("sanction-preconditions").Detail.Should().Contain("no duty to work");
    }

    [Fact]
    public void A_refusal_after_the_retirement_age_cannot_be_sanctioned()
    {
        // Born 02.07.1960: 66 years and 4 months are completed with the end of 01.11.2026, the day before the refusal.
        object[] history =
        [
            A.PersonRegistered(dateOfBirth: T.D(1960, 7, 2)),
            A.PersonAssigned(),
            A.RefusalRecorded(T.D(2026, 11, 2)), A.RefusalAssessed(goodCause: false), A.HearingHeld(T.D(2026, 11, 10)),
        ];

        Propose(history).ShouldReject("sanction-preconditions").Detail.Should().Contain("retirement age");
    }

    [Fact]
    public void A_refusal_after_the_entitlement_ended_cannot_be_sanctioned()
    {
        Propose(A.RefusalReadyForSanction(A.EntitlementEnded(T.D(2026, 11, 1))))
            .ShouldReject("sanction-preconditions").Detail.Should().Contain("entitlement had ended");
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

    // Contract v3a changed this: a rejection is final for its refusal (v2 accepted a new proposal).
    [Fact]
    public void ProposeSanction_after_a_rejected_proposal_for_the_refusal_is_already_decided()
    {
        Propose(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false)), proposalId: T.Id(2))
            .ShouldReject("already-decided", RejectionKind.Conflict);
    }
}

public class AssessRefusalObligationTests
{
    private static Decision Assess(object[] history, bool goodCause) =>
        PlacementDecisions.AssessRefusal(Given.Person(history), Given.Person(history).Placements[T.PlacementId],
            new AssessRefusal(T.PlacementId, T.RefusalId, goodCause, goodCause ? ExemptionReason.Illness : null, "Geprüft"));

    [Fact]
    public void A_refusal_on_an_exempt_day_cannot_be_assessed_without_good_cause()
    {
        var history = A.PlacedPerson(A.ExemptionRecorded(T.D(2026, 11, 2), T.D(2026, 11, 2)), A.RefusalRecorded(T.D(2026, 11, 2)));

        Assess(history, goodCause: false).ShouldReject("not-obliged-on-refusal-date", RejectionKind.Unprocessable);
        Assess(history, goodCause: true).ShouldAccept();
    }

    [Fact]
    public void A_refusal_the_day_after_an_exemption_ended_may_be_assessed_without_good_cause()
    {
        Assess(A.PlacedPerson(A.ExemptionRecorded(T.D(2026, 10, 20), T.D(2026, 11, 1)), A.RefusalRecorded(T.D(2026, 11, 2))), goodCause: false)
            .ShouldAccept();
    }
}

public class DecideSanctionTests
{
    private static Decision Decide(object[] history, bool approved, DateOnly? startsOn, string decidedBy = T.OfficialA, Guid? proposalId = null,
        DateOnly? today = null) =>
        SanctionDecisions.Decide(Given.Person(history),
            new DecideSanction(proposalId ?? T.ProposalId, approved, "Entscheidung", startsOn, decidedBy), HourLog.Empty, Policy.Default, today ?? T.Today);

    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    // Contract v3a: the decision issues its Einschränkungsbescheid, which SanctionDecided names.
    [Fact]
    public void An_approval_emits_SanctionDecided_with_a_six_month_period()
    {
        var noticeId = NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Einschraenkungsbescheid, 0);
        var events = Decide(Proposed, true, T.D(2026, 12, 1)).ShouldAccept();

        events.Select(e => e.StreamId).Should().AllBeEquivalentTo(T.PersonId);
        events[0].Event.Should().BeOfType<NoticeIssued>().Which.Should().Match<NoticeIssued>(n =>
            n.NoticeId == noticeId && n.Kind == NoticeKind.Einschraenkungsbescheid && n.SubjectId == T.ProposalId && n.IssuedOn == T.Today
            && n.IssuedBy == T.OfficialA && n.Version == NoticeVersions.RestrictionNotice);
        events[1].Event.Should().Be(new SanctionDecided(
            T.ProposalId, T.PersonId, T.PlacementId, true, "Entscheidung", T.D(2026, 12, 1), T.D(2027, 5, 31), T.OfficialA,
            NoticeVersions.RestrictionNotice, noticeId));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-08-31")]
    [InlineData("2027-08-31", "2028-02-29")]
    [InlineData("2026-01-15", "2026-07-14")]
    public void An_approval_ends_as_188_BGB_counts_six_months(string startsOn, string expectedEndsOn)
    {
        // Decided promptly after the refusal (contract v3a: refusal-too-old), never after the start.
        var decided = Decide(Proposed, true, T.P(startsOn), today: T.P(startsOn) < T.Today ? T.P(startsOn) : T.Today).ShouldAccept().Select(e => e.Event).OfType<SanctionDecided>().Single();

        decided.StartsOn.Should().Be(T.P(startsOn));
        decided.EndsOn.Should().Be(T.P(expectedEndsOn));
    }

    [Fact]
    public void A_restriction_never_starts_before_the_day_it_is_decided()
    {
        Decide(Proposed, true, T.Today.AddDays(-1)).ShouldReject("starts-on-in-past", RejectionKind.Unprocessable);
        Decide(Proposed, true, T.Today).ShouldAccept();
    }

    [Fact]
    public void Two_restrictions_of_one_person_never_overlap()
    {
        var second = T.Id(2);
        var secondRefusal = T.Id(22);
        var history = A.RefusalReadyForSanction(
            A.SanctionProposed(),
            A.SanctionDecided(true, T.D(2026, 11, 16)), // 2026-11-16 .. 2027-05-15, in force
            A.RefusalRecorded(T.D(2026, 11, 17), secondRefusal),
            A.RefusalAssessed(false, secondRefusal),
            A.HearingHeld(T.D(2026, 11, 20), secondRefusal),
            A.SanctionProposed(second, secondRefusal));

        // Contract v3a: restriction-in-force replaces restriction-overlaps; a later start no longer avoids it.
        Decide(history, true, T.D(2027, 5, 15), proposalId: second).ShouldReject("restriction-in-force", RejectionKind.Conflict);
        Decide(history, true, T.D(2027, 5, 16), proposalId: second).ShouldReject("restriction-in-force", RejectionKind.Conflict);
    }

    [Fact]
    public void A_withdrawn_or_ended_restriction_does_not_block_a_new_one()
    {
        var second = T.Id(2);
        var secondRefusal = T.Id(22);
        object[] Then(params object[] between) => A.RefusalReadyForSanction([
            A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)), .. between,
            A.RefusalRecorded(T.D(2026, 11, 17), secondRefusal), A.RefusalAssessed(false, secondRefusal),
            A.HearingHeld(T.D(2026, 11, 20), secondRefusal), A.SanctionProposed(second, secondRefusal)]);

        Decide(Then(A.ObjectionFiled(T.D(2026, 11, 18)), A.ObjectionDecided(upheld: true)), true, T.Today, proposalId: second).ShouldAccept();
        Decide(Then(A.RestrictionEndedEarly(T.D(2026, 11, 20))), true, T.Today, proposalId: second).ShouldAccept();
    }

    [Fact]
    public void An_approval_restricts_benefits()
    {
        // Contract v3a: it restricts once its notice is notified.
        var decided = Given.Person(Proposed).Then(Decide(Proposed, true, T.D(2026, 12, 1)));
        var person = Given.Person([.. Proposed, .. Decide(Proposed, true, T.D(2026, 12, 1)).ShouldAccept().Select(e => e.Event),
            new NoticeDispatched(decided.Proposals[T.ProposalId].Restriction!.NoticeId, T.PersonId, DispatchMethod.HandedOver, T.Today, T.Today, T.Caseworker)]);

        var restriction = person.RestrictionInForceOn(T.Today)!.Restriction!;
        (restriction.StartsOn, restriction.EndsOn).Should().Be((T.D(2026, 12, 1), T.D(2027, 5, 31)));
        restriction.StatusOn(T.Today).Should().Be(RestrictionStatus.InForce);
    }

    [Fact]
    public void A_rejection_has_no_restriction_period()
    {
        var decision = Decide(Proposed, false, T.D(2026, 12, 1));

        // Contract v3a: the rejection issues its Mitteilung, which SanctionDecided names.
        var events = decision.ShouldAccept();
        events[0].Event.Should().BeOfType<NoticeIssued>().Which.Kind.Should().Be(NoticeKind.Mitteilung);
        events[1].Event.Should().Be(new SanctionDecided(
            T.ProposalId, T.PersonId, T.PlacementId, false, "Entscheidung", null, null, T.OfficialA, NoticeVersions.NoRestrictionNotice,
            NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Mitteilung, 0)));
        Given.Person(Proposed).Then(decision).RestrictionInForceOn(T.Today).Should().BeNull();
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

/// <summary>The restriction of 2026-11-16 to 2027-05-15, approved by official-a; today is 2026-11-25.</summary>
public class RemedyTests
{
    private static object[] Restricted(params object[] more) =>
        A.RefusalReadyForSanction([A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)), .. more]);

    private static Decision File(object[] history, DateOnly? receivedOn = null) =>
        SanctionDecisions.FileObjection(Given.Person(history), new FileObjection(T.ProposalId, receivedOn ?? T.D(2026, 11, 20), "Ich war krank", T.Caseworker), T.Today);

    private static Decision DecideObjection(object[] history, bool upheld, string by = "official-b") =>
        SanctionDecisions.DecideObjection(Given.Person(history), new DecideObjection(T.ProposalId, upheld, "Begründung", by), T.Today);

    private static Decision End(object[] history, DateOnly date, DateOnly? today = null) =>
        SanctionDecisions.EndRestriction(Given.Person(history),
            new EndRestriction(T.ProposalId, date, RestrictionEndReason.WillingNoPlace, "Ernsthafte Bereitschaft erklärt", "official-b"), today ?? T.Today);

    [Fact]
    public void An_objection_has_no_suspensive_effect()
    {
        var person = Given.Person(Restricted()).Then(File(Restricted()));

        person.Proposals[T.ProposalId].Objection!.Status.Should().Be(ObjectionStatus.Pending);
        person.RestrictionInForceOn(T.Today)!.ProposalId.Should().Be(T.ProposalId);
    }

    [Fact]
    public void Only_an_approved_restriction_can_be_objected_to()
    {
        File(A.RefusalReadyForSanction(A.SanctionProposed())).ShouldReject("not-approved", RejectionKind.Unprocessable);
        File(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(false))).ShouldReject("not-approved");
    }

    [Fact]
    public void A_second_objection_is_refused_and_a_future_one_too()
    {
        File(Restricted(A.ObjectionFiled(T.D(2026, 11, 18)))).ShouldReject("objection-exists", RejectionKind.Conflict);
        File(Restricted(), T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void An_upheld_objection_withdraws_the_restriction_from_its_start()
    {
        var history = Restricted(A.ObjectionFiled(T.D(2026, 11, 18)));
        var person = Given.Person(history).Then(DecideObjection(history, upheld: true));

        person.Proposals[T.ProposalId].Restriction!.StatusOn(T.Today).Should().Be(RestrictionStatus.Withdrawn);
        person.Proposals[T.ProposalId].Objection!.Status.Should().Be(ObjectionStatus.Upheld);
        person.RestrictionInForceOn(T.Today).Should().BeNull();
    }

    [Fact]
    public void A_dismissed_objection_leaves_the_restriction_in_force()
    {
        var history = Restricted(A.ObjectionFiled(T.D(2026, 11, 18)));
        var person = Given.Person(history).Then(DecideObjection(history, upheld: false));

        person.Proposals[T.ProposalId].Objection!.Status.Should().Be(ObjectionStatus.Dismissed);
        person.RestrictionInForceOn(T.Today)!.Restriction!.StatusOn(T.Today).Should().Be(RestrictionStatus.InForce);
    }

    [Fact]
    public void The_objection_is_decided_by_another_official_than_the_approver()
    {
        DecideObjection(Restricted(A.ObjectionFiled(T.D(2026, 11, 18))), true, by: T.OfficialA).ShouldReject("four-eyes", RejectionKind.Forbidden);
    }

    [Fact]
    public void An_objection_is_decided_once()
    {
        DecideObjection(Restricted(A.ObjectionFiled(T.D(2026, 11, 18)), A.ObjectionDecided(false)), true)
            .ShouldReject("already-decided", RejectionKind.Conflict);
        DecideObjection(Restricted(), true).ShouldReject("no-objection", RejectionKind.Conflict);
    }

    [Fact]
    public void A_restriction_ends_early_when_its_ground_is_gone()
    {
        var person = Given.Person(Restricted()).Then(End(Restricted(), T.D(2026, 11, 24)));

        var restriction = person.Proposals[T.ProposalId].Restriction!;
        restriction.EndsOn.Should().Be(T.D(2026, 11, 24));
        restriction.StatusOn(T.Today).Should().Be(RestrictionStatus.EndedEarly);
        person.RestrictionInForceOn(T.Today).Should().BeNull();
    }

    [Fact]
    public void An_early_end_lies_neither_in_the_future_nor_before_the_start()
    {
        End(Restricted(), T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        End(Restricted(), T.D(2026, 11, 15)).ShouldReject("end-before-start", RejectionKind.Unprocessable);
        End(Restricted(), T.D(2026, 11, 16)).ShouldAccept();
    }

    [Fact]
    public void Only_a_restriction_in_force_can_end_early()
    {
        End(Restricted(A.RestrictionEndedEarly(T.D(2026, 11, 20))), T.Today).ShouldReject("restriction-not-in-force", RejectionKind.Conflict);
        End(Restricted(A.ObjectionFiled(T.D(2026, 11, 18)), A.ObjectionDecided(true)), T.Today).ShouldReject("restriction-not-in-force");
        End(Restricted(), T.D(2027, 6, 1), today: T.D(2027, 6, 1)).ShouldReject("restriction-not-in-force"); // expired
        End(A.RefusalReadyForSanction(A.SanctionProposed()), T.Today).ShouldReject("restriction-not-in-force");
    }

    [Fact]
    public void A_restriction_is_expired_once_its_end_has_passed()
    {
        var restriction = Given.Person(Restricted()).Proposals[T.ProposalId].Restriction!;

        restriction.StatusOn(T.D(2027, 5, 15)).Should().Be(RestrictionStatus.InForce);
        restriction.StatusOn(T.D(2027, 5, 16)).Should().Be(RestrictionStatus.Expired);
    }

    [Fact]
    public void A_restriction_that_starts_later_is_in_force_already()
    {
        var history = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2027, 1, 1)));

        Given.Person(history).RestrictionInForceOn(T.Today)!.Restriction!.StatusOn(T.Today).Should().Be(RestrictionStatus.InForce);
    }
}

/// <summary>§ 14 Abs. 2 AsylbLG. The restriction runs 2026-11-16 to 2027-05-15; the review happens on 2027-05-01.</summary>
public class ReviewTests
{
    private static readonly DateOnly ReviewDay = T.D(2027, 5, 1);

    private static object[] Restricted(params object[] more) =>
        A.RefusalReadyForSanction([A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)), .. more]);

    private static Decision Review(object[] history, bool continues, DateOnly? hearing = null, DateOnly? today = null) =>
        SanctionDecisions.Review(Given.Person(history), new ReviewRestriction(T.ProposalId, continues, "Überprüfung", hearing, new Actor("official-b", "Olaf Beck", Roles.Official, T.Municipality)),
            Given.Hours(history), Policy.Default, today ?? ReviewDay);

    // Contract v3a: a continuation issues its Fortsetzungsbescheid beside the review; here it is handed over on the review day.
    private static RestrictionReviewed Reviewed(Decision d) => d.ShouldAccept().Select(e => e.Event).OfType<RestrictionReviewed>().Single();

    private static object[] Notified(Decision d, DateOnly? on = null)
    {
        var events = d.ShouldAccept().Select(e => e.Event).ToArray();
        var notice = events.OfType<NoticeIssued>().Single();
        return [.. events, new NoticeDispatched(notice.NoticeId, T.PersonId, DispatchMethod.HandedOver, on ?? ReviewDay, on ?? ReviewDay, T.Caseworker)];
    }

    [Fact]
    public void A_continuation_after_a_new_hearing_runs_six_months_from_the_day_after_the_end()
    {
        var decision = Review(Restricted(), true, T.D(2027, 4, 20));
        var reviewed = Reviewed(decision);

        reviewed.Continued.Should().BeTrue();
        reviewed.PeriodEndsOn.Should().Be(T.D(2027, 5, 15));
        reviewed.NewEndsOn.Should().Be(T.D(2027, 11, 15)); // 2027-05-16 + six months, § 188 Abs. 2 BGB
        var restriction = Given.Person(Restricted(Notified(decision))).Proposals[T.ProposalId].Restriction!;
        restriction.EndsOn.Should().Be(T.D(2027, 11, 15));
        restriction.ContinuedOn.Should().Be(ReviewDay);
        restriction.StartsOn.Should().Be(T.D(2026, 11, 16));
    }

    [Fact]
    public void A_continuation_never_starts_before_the_review_day()
    {
        // Reviewed on its last day: continues from the day after; reviewed as it ends today, never backwards.
        Reviewed(Review(Restricted(), true, T.D(2027, 5, 10), today: T.D(2027, 5, 15)))
            .NewEndsOn.Should().Be(T.D(2027, 11, 15));
    }

    [Fact]
    public void A_restriction_is_continued_only_after_a_hearing_on_the_continuation()
    {
        Review(Restricted(), true, hearing: null).ShouldReject("hearing-required", RejectionKind.Unprocessable);
        Review(Restricted(), true, hearing: T.D(2026, 11, 15)).ShouldReject("hearing-required");
        Review(Restricted(), true, hearing: ReviewDay.AddDays(1)).ShouldReject("date-in-future");
    }

    [Fact]
    public void A_restriction_is_continued_only_while_the_breach_persists()
    {
        Review(Restricted(A.HoursLogged(T.Id(500), T.D(2026, 12, 1), 120)), true, T.D(2027, 4, 20))
            .ShouldReject("breach-ended", RejectionKind.Unprocessable).Detail.Should().Contain("hours");
        Review(Restricted(A.PlacementEnded(T.D(2026, 12, 1))), true, T.D(2027, 4, 20))
            .ShouldReject("breach-ended").Detail.Should().Contain("no active placement");
        Review(Restricted(A.ExemptionRecorded(T.D(2027, 4, 1), null)), true, T.D(2027, 4, 20))
            .ShouldReject("breach-ended").Detail.Should().Contain("good reason");
    }

    [Fact]
    public void Hours_before_the_refusal_or_cancelled_hours_do_not_end_the_breach()
    {
        Review(Restricted(A.HoursLogged(T.Id(500), T.D(2026, 10, 6), 120), A.HoursLogged(T.Id(501), T.D(2026, 12, 1), 60),
                A.HoursCorrected(T.Id(502), T.Id(501), T.D(2026, 12, 1), 0)), true, T.D(2027, 4, 20))
            .ShouldAccept();
    }

    [Fact]
    public void A_continued_restriction_is_reviewed_again_only_once_its_continuation_has_begun()
    {
        var continued = Restricted(Notified(Review(Restricted(), true, T.D(2027, 4, 20))));

        Review(continued, true, T.D(2027, 4, 20)).ShouldReject("already-reviewed", RejectionKind.Conflict);
        Review(continued, false, today: T.D(2027, 5, 15)).ShouldReject("already-reviewed");
        Review(continued, false, today: T.D(2027, 5, 16)).ShouldAccept();
    }

    [Fact]
    public void A_review_that_lets_it_end_as_planned_needs_no_hearing()
    {
        var reviewed = Review(Restricted(), false).ShouldAcceptSingle<RestrictionReviewed>(T.PersonId);

        reviewed.Continued.Should().BeFalse();
        Given.Person(Restricted(reviewed)).Proposals[T.ProposalId].Restriction!.EndsOn.Should().Be(T.D(2027, 5, 15));
    }

    [Fact]
    public void A_period_is_reviewed_once()
    {
        var once = Restricted(Review(Restricted(), false).ShouldAcceptSingle<RestrictionReviewed>(T.PersonId));

        Review(once, false).ShouldReject("already-reviewed", RejectionKind.Conflict);
        Review(once, true, T.D(2027, 4, 20)).ShouldReject("already-reviewed");
    }

    [Fact]
    public void Only_a_restriction_in_force_is_reviewed()
    {
        Review(Restricted(A.RestrictionEndedEarly(T.D(2026, 12, 1))), false).ShouldReject("restriction-not-in-force", RejectionKind.Conflict);
        Review(Restricted(), false, today: T.D(2027, 5, 16)).ShouldReject("restriction-not-in-force");
    }

    [Fact]
    public void A_restriction_is_due_for_review_within_the_window_until_reviewed()
    {
        var person = Given.Person(Restricted());

        SanctionDecisions.DueForReview(person, T.D(2027, 4, 14), 30).Should().BeEmpty();
        SanctionDecisions.DueForReview(person, T.D(2027, 4, 15), 30).Should().ContainSingle()
            .Which.Should().Be(new DueReview(T.ProposalId, T.PersonId, T.Municipality, T.D(2026, 11, 16), T.D(2027, 5, 15), false));
        var reviewed = Given.Person(Restricted(Review(Restricted(), false).ShouldAcceptSingle<RestrictionReviewed>(T.PersonId)));
        SanctionDecisions.DueForReview(reviewed, ReviewDay, 30).Should().BeEmpty();
    }

    [Fact]
    public void A_continued_restriction_is_due_again_before_its_new_end()
    {
        var continued = Given.Person(Restricted(Notified(Review(Restricted(), true, T.D(2027, 4, 20)))));

        SanctionDecisions.DueForReview(continued, ReviewDay, 30).Should().BeEmpty();
        SanctionDecisions.DueForReview(continued, T.D(2027, 10, 20), 30).Should().ContainSingle().Which.EndsOn.Should().Be(T.D(2027, 11, 15));
    }

    [Fact]
    public void A_restriction_whose_duty_lapsed_through_regular_work_is_due_at_once()
    {
        var person = Given.Person(Restricted(A.PlacementEnded(T.D(2026, 11, 20), reason: EndReason.RegularEmployment)));

        SanctionDecisions.DueForReview(person, T.Today, 1).Should().ContainSingle().Which.DutyLapsed.Should().BeTrue();
        // Contract v3a: a placement ended for any reason makes the restriction due at once (placement-ended), though
        // only work, training or studies mean the duty lapsed.
        SanctionDecisions.DueForReview(Given.Person(Restricted(A.PlacementEnded(T.D(2026, 11, 20), reason: EndReason.MovedAway))), T.Today, 1)
            .Should().ContainSingle().Which.Should().Match<DueReview>(d => !d.DutyLapsed && d.Reason == ReviewReason.PlacementEnded);
    }
}

public class PendingRemedyRetentionTests
{
    [Fact]
    public void An_undecided_objection_keeps_the_record_from_erasure()
    {
        object[] history = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2020, 11, 16)),
            A.ObjectionFiled(T.D(2020, 11, 20)), A.PlacementEnded(T.D(2020, 11, 30)), A.EntitlementEnded(T.D(2020, 12, 31)));

        PersonDecisions.Erase(Given.Person(history), 5, T.Today).ShouldReject("objection-pending", RejectionKind.Conflict);
        PersonDecisions.Erase(Given.Person([.. history, A.ObjectionDecided(upheld: false)]), 5, T.Today).ShouldAccept();
    }
}
