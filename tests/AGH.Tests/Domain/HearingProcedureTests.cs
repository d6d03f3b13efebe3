using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Contract v3a "Hearing (§ 28 VwVfG) as a procedure": refusal 2026-11-02, assessed without good cause, not yet heard.</summary>
public class HearingProcedureTests
{
    private static object[] Refused(params object[] more) => A.PlacedPerson([A.RefusalRecorded(T.D(2026, 11, 2)), A.RefusalAssessed(goodCause: false), .. more]);

    private static HearingInvited Invited(DateOnly on, DateOnly deadline, HearingDelivery delivery = HearingDelivery.Post) =>
        new(T.PlacementId, T.PersonId, T.RefusalId, on, HearingForm.Written, deadline, "ar", false, delivery);

    private static Decision Invite(object[] history, DateOnly on, DateOnly deadline, HearingDelivery delivery = HearingDelivery.Post)
    {
        var (person, placement) = Given.Placed(history);
        return HearingDecisions.Invite(person, placement, new InviteToHearing(T.PlacementId, T.RefusalId, on, HearingForm.Written, deadline, "ar", false, delivery), T.Today);
    }

    private static Decision Propose(object[] history, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return SanctionDecisions.Propose(person, placement, new ProposeSanction(T.PlacementId, T.ProposalId, T.RefusalId, "r", T.Caseworker), Policy.Default, today ?? T.Today);
    }

    [Fact]
    public void A_posted_invitation_counts_fourteen_days_from_the_fourth_day_a_handed_over_one_from_its_day()
    {
        // Posted Friday 2026-11-20: presumed received Tuesday 2026-11-24, so the deadline is 2026-12-08 at the earliest.
        NoticeCalendar.EarliestHearingDeadline(T.D(2026, 11, 20), posted: true).Should().Be(T.D(2026, 12, 8));
        Invite(Refused(), T.D(2026, 11, 20), T.D(2026, 12, 7)).ShouldReject("deadline-too-short", RejectionKind.Unprocessable);
        Invite(Refused(), T.D(2026, 11, 20), T.D(2026, 12, 8)).ShouldAcceptSingle<HearingInvited>(T.PersonId)
            .Should().Be(Invited(T.D(2026, 11, 20), T.D(2026, 12, 8)));
        Invite(Refused(), T.D(2026, 11, 20), T.D(2026, 12, 3), HearingDelivery.HandedOver).ShouldReject("deadline-too-short");
        Invite(Refused(), T.D(2026, 11, 20), T.D(2026, 12, 4), HearingDelivery.HandedOver).ShouldAccept();
    }

    [Fact]
    public void An_invitation_is_dated_between_the_refusal_and_today_once_per_refusal()
    {
        Invite(Refused(), T.Today.AddDays(1), T.Today.AddDays(30)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        Invite(Refused(), T.D(2026, 11, 1), T.D(2026, 12, 30)).ShouldReject("invitation-before-refusal", RejectionKind.Unprocessable);
        Invite(Refused(Invited(T.D(2026, 11, 3), T.D(2026, 11, 24))), T.Today.AddDays(1), T.D(2026, 11, 3))
            .ShouldReject("already-invited", RejectionKind.Conflict);
        var (person, placement) = Given.Placed(Refused());
        HearingDecisions.Invite(person, placement, new InviteToHearing(T.PlacementId, T.Id(9), T.Today, HearingForm.Oral, T.Today.AddDays(20), "de", true, HearingDelivery.HandedOver), T.Today)
            .ShouldReject("refusal-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void A_proposal_waits_for_the_deadline_unless_a_hearing_was_held()
    {
        var invited = Refused(Invited(T.D(2026, 11, 3), T.D(2026, 11, 25)));
        Propose(invited).ShouldReject("hearing-deadline-running", RejectionKind.Unprocessable);
        Propose(invited, T.D(2026, 11, 26)).ShouldAccept();
        Propose([.. invited, A.HearingHeld(T.D(2026, 11, 10))]).ShouldAccept();
        Propose(Refused()).ShouldReject("sanction-preconditions");
        // Procedure before substance: an unassessed refusal with a running deadline answers hearing-deadline-running.
        Propose(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), Invited(T.D(2026, 11, 3), T.D(2026, 11, 30)))).ShouldReject("hearing-deadline-running");
    }

    [Fact]
    public void A_reassessment_replaces_the_assessment_until_a_restriction_is_approved()
    {
        var heard = Refused(A.HearingHeld(T.D(2026, 11, 10)));
        var (person, placement) = Given.Placed(heard);
        var reassess = new ReassessRefusal(T.PlacementId, T.RefusalId, true, ExemptionReason.Illness, "Attest in der Anhörung");
        var decision = HearingDecisions.Reassess(person, placement, reassess);
        decision.ShouldAcceptSingle<RefusalReassessed>(T.PersonId).Should()
            .Be(new RefusalReassessed(T.PlacementId, T.PersonId, T.RefusalId, true, ExemptionReason.Illness, "Attest in der Anhörung"));
        var after = person.Then(decision).Placements[T.PlacementId].Refusals[T.RefusalId];
        after.Assessment!.GoodCause.Should().BeTrue();
        after.Reassessment.Should().NotBeNull();
        Propose([.. heard, decision.Events.Single().Event]).ShouldReject("sanction-preconditions");

        var (unheard, p2) = Given.Placed(Refused());
        HearingDecisions.Reassess(unheard, p2, reassess).ShouldReject("hearing-required", RejectionKind.Unprocessable);
        var (unassessed, p3) = Given.Placed(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), A.HearingHeld(T.D(2026, 11, 10))));
        HearingDecisions.Reassess(unassessed, p3, reassess).ShouldReject("not-assessed", RejectionKind.Conflict);
        var (approved, p4) = Given.Placed([.. heard, A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16))]);
        HearingDecisions.Reassess(approved, p4, reassess).ShouldReject("already-decided", RejectionKind.Conflict);
        var (rejected, p5) = Given.Placed([.. heard, A.SanctionProposed(), A.SanctionDecided(false)]);
        HearingDecisions.Reassess(rejected, p5, reassess).ShouldAccept();
    }
}

/// <summary>Contract v3a, due-for-review reasons: refusal 2026-11-02, restriction from 2026-11-16 to 2027-05-15.</summary>
public class ReviewReasonTests
{
    private static object[] Restricted(params object[] more) =>
        A.RefusalReadyForSanction([A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)), .. more]);

    private static DueReview? Due(object[] history, DateOnly? today = null, int within = 1) =>
        SanctionDecisions.DueForReview(Given.Person(history), today ?? T.Today, within, Given.Hours(history)).SingleOrDefault();

    [Fact]
    public void Without_a_reason_only_the_period_end_brings_it_up()
    {
        Due(Restricted()).Should().BeNull();
        var due = Due(Restricted(), within: 366)!;
        (due.Reason, due.AllReasons).Should().BeEquivalentTo((ReviewReason.PeriodEnding, new[] { ReviewReason.PeriodEnding }));
    }

    [Fact]
    public void Every_reason_is_listed_in_the_contracts_order_and_the_first_is_the_reason()
    {
        var history = Restricted(
            A.HoursLogged(T.Id(1), T.D(2026, 11, 20), 60),
            new WillingnessDeclared(T.PersonId, T.D(2026, 11, 21), "will"),
            new ExemptionRecorded(T.PersonId, T.Id(2), ExemptionReason.Childcare, T.D(2026, 11, 1), null, null),
            A.PlacementEnded(T.D(2026, 11, 24), reason: EndReason.MovedAway));
        var due = Due(history, within: 366)!;
        due.AllReasons.Should().Equal(ReviewReason.ExemptOnRefusalDay, ReviewReason.PlacementEnded, ReviewReason.Exempt,
            ReviewReason.DutyFulfilled, ReviewReason.Willing, ReviewReason.PeriodEnding);
        due.Reason.Should().Be(ReviewReason.ExemptOnRefusalDay);
    }

    [Fact]
    public void Work_or_willingness_on_the_refusal_day_is_not_after_it_and_a_cancelled_entry_is_no_work()
    {
        Due(Restricted(A.HoursLogged(T.Id(1), T.D(2026, 11, 2), 60), new WillingnessDeclared(T.PersonId, T.D(2026, 11, 2), "w"))).Should().BeNull();
        Due(Restricted(A.HoursLogged(T.Id(1), T.D(2026, 11, 20), 60), A.HoursCorrected(T.Id(2), T.Id(1), T.D(2026, 11, 20), 0))).Should().BeNull();
        Due(Restricted(A.HoursLogged(T.Id(1), T.D(2026, 11, 20), 60)))!.Reason.Should().Be(ReviewReason.DutyFulfilled);
        Due(Restricted(new WillingnessDeclared(T.PersonId, T.D(2026, 11, 3), "w")))!.Reason.Should().Be(ReviewReason.Willing);
    }

    [Fact]
    public void Exclusion_is_its_own_reason_while_any_other_end_of_the_entitlement_is_entitlement_ended()
    {
        var excluded = Due(Restricted(new LegalStatusRecorded(T.PersonId, LegalStatus.Excluded, T.D(2026, 11, 20), "Dublin"),
            A.EntitlementEnded(T.D(2026, 11, 20)), A.PlacementEnded(T.D(2026, 11, 20), reason: EndReason.EntitlementEnded)))!;
        excluded.AllReasons.Should().Equal(ReviewReason.Excluded, ReviewReason.PlacementEnded);
        var ended = Due(Restricted(A.EntitlementEnded(T.D(2026, 11, 20))))!;
        ended.AllReasons.Should().Equal(ReviewReason.EntitlementEnded);
    }

    [Fact]
    public void The_retirement_age_reached_after_the_refusal_is_a_reason()
    {
        // Born 1960-11-20: the retirement age (66 years 4 months for 1960) is reached in March 2027.
        var history = A.RefusalReadyForSanction([A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16))]);
        history[0] = A.PersonRegistered(dateOfBirth: T.D(1960, 11, 20));
        Due(history).Should().BeNull();
        var reached = RetirementAge.ReachedOn(T.D(1960, 11, 20));
        Due(history, reached)!.Reason.Should().Be(ReviewReason.RetirementAge);
    }

    [Fact]
    public void A_withdrawn_exemption_is_no_reason()
    {
        Due(Restricted(new ExemptionRecorded(T.PersonId, T.Id(2), ExemptionReason.Childcare, T.D(2026, 11, 1), null, null),
            new ExemptionWithdrawn(T.PersonId, T.Id(2), "Irrtum"))).Should().BeNull();
    }
}
