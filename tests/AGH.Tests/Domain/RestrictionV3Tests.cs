using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Contract v3a restrictions: notification, back payment, court orders and erasure, the § 44 review (today 2026-11-25).</summary>
public class RestrictionV3Tests
{
    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    /// <summary>Approved under v3 from <paramref name="startsOn"/>: the decision's events, with its notice not yet dispatched.</summary>
    private static object[] Approved(DateOnly startsOn) =>
        [.. Proposed, .. SanctionDecisions.Decide(Given.Person(Proposed),
            new DecideSanction(T.ProposalId, true, "Entscheidung", startsOn, T.OfficialA), HourLog.Empty, Policy.Default, T.Today).ShouldAccept().Select(e => e.Event)];

    private static readonly Guid NoticeId = NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Einschraenkungsbescheid, 0);

    private static NoticeDispatched Dispatched(DateOnly on) => new(NoticeId, T.PersonId, DispatchMethod.HandedOver, on, on, T.Caseworker);

    private static Restriction RestrictionOf(params object[] history) => Given.Person(history).Proposals[T.ProposalId].Restriction!;

    [Fact]
    public void A_restriction_waits_for_its_notification_and_takes_effect_from_the_later_of_start_and_notification()
    {
        RestrictionOf(Approved(T.Today)).StatusOn(T.Today).Should().Be(RestrictionStatus.AwaitingNotification);
        RestrictionOf(Approved(T.Today)).EffectiveFrom.Should().BeNull();
        Given.Person(Approved(T.Today)).RestrictionInForceOn(T.Today).Should().BeNull();

        var late = RestrictionOf([.. Approved(T.Today), Dispatched(T.Today.AddDays(3))]);
        (late.StatusOn(T.Today), late.EffectiveFrom, late.EndsOn).Should().Be((RestrictionStatus.InForce, T.Today.AddDays(3), Dates.EndOfMonthsPeriod(T.Today, 6)));
        RestrictionOf([.. Approved(T.Today.AddDays(5)), Dispatched(T.Today)]).EffectiveFrom.Should().Be(T.Today.AddDays(5));
    }

    [Fact]
    public void A_restriction_notified_after_its_end_expired_and_never_took_effect()
    {
        var restriction = RestrictionOf([.. Approved(T.Today), Dispatched(Dates.EndOfMonthsPeriod(T.Today, 6).AddDays(1))]);

        restriction.StatusOn(T.Today).Should().Be(RestrictionStatus.Expired);
        restriction.EffectiveFrom.Should().BeNull();
    }

    [Fact]
    public void A_restriction_decided_before_v3_counts_as_notified_on_its_start_the_decision_day_at_the_latest()
    {
        var restriction = RestrictionOf(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16))));

        restriction.StatusOn(T.Today).Should().Be(RestrictionStatus.InForce);
        restriction.EffectiveFrom.Should().Be(T.D(2026, 11, 16));
        restriction.NoticeId.Should().Be(NoticeId);
    }

    [Fact]
    public void Withdrawal_owes_back_payment_only_where_the_restriction_was_in_force()
    {
        RestrictionOf([.. Approved(T.Today), A.ObjectionFiled(T.Today), A.ObjectionDecided(upheld: true)]).BackPaymentDue.Should().BeFalse();
        var withdrawn = RestrictionOf([.. Approved(T.Today), Dispatched(T.Today), A.ObjectionFiled(T.Today), A.ObjectionDecided(upheld: true)]);
        (withdrawn.StatusOn(T.Today), withdrawn.BackPaymentDue).Should().Be((RestrictionStatus.Withdrawn, true));
    }

    [Fact]
    public void A_court_order_holds_the_record_against_erasure_until_it_ended_an_authoritys_suspension_does_not()
    {
        object[] Closed(SuspensionKind kind, params object[] more) =>
        [
            .. A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)),
                new RestrictionSuspended(T.ProposalId, T.PersonId, kind, null, "SG Osnabrück", "S 44 AY 1/26 ER", T.D(2026, 11, 20), T.D(2026, 11, 20),
                    "Beschluss", true, "official-b")),
            .. more, A.PlacementEnded(T.D(2026, 11, 21)), A.EntitlementEnded(T.D(2026, 11, 21)),
        ];
        var ended = new RestrictionSuspensionEnded(T.ProposalId, T.PersonId, SuspensionOutcome.Reinstated, T.D(2026, 11, 21), "aufgehoben", "official-b");

        PersonDecisions.Erase(Given.Person(Closed(SuspensionKind.CourtOrder)), 0, T.Today).ShouldReject("legal-hold-active", RejectionKind.Conflict);
        PersonDecisions.Erase(Given.Person(Closed(SuspensionKind.InterimOrder)), 0, T.Today).ShouldReject("legal-hold-active");
        PersonDecisions.Erase(Given.Person(Closed(SuspensionKind.CourtOrder, ended)), 0, T.Today).ShouldAcceptSingle<PersonDataErased>(T.PersonId);
        PersonDecisions.Erase(Given.Person(Closed(SuspensionKind.Authority)), 0, T.Today).ShouldAcceptSingle<PersonDataErased>(T.PersonId);
    }

    [Fact]
    public void A_suspension_starts_not_before_the_restriction_and_once_only()
    {
        var history = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)));
        Decision Suspend(object[] h, DateOnly from) => RestrictionSuspensions.Suspend(Given.Person(h),
            new SuspendRestriction(T.ProposalId, SuspensionKind.Authority, null, null, null, T.Today, from, "n", "official-b"), T.Today);

        Suspend(history, T.D(2026, 11, 15)).ShouldReject("end-before-start", RejectionKind.Unprocessable);
        var suspended = Suspend(history, T.D(2026, 11, 16)).ShouldAcceptSingle<RestrictionSuspended>(T.PersonId);
        suspended.BackPaymentDue.Should().BeTrue();
        Suspend([.. history, suspended], T.D(2026, 11, 20)).ShouldReject("already-suspended", RejectionKind.Conflict);
        RestrictionSuspensions.End(Given.Person(history), new EndSuspension(T.ProposalId, SuspensionOutcome.Reinstated, T.Today, "n", "official-b"), T.Today)
            .ShouldReject("not-suspended", RejectionKind.Conflict);
    }

    [Theory]
    [InlineData("2026-11-16", "2028-03-01", "2027-01-01")] // one year back at most (§ 9 Abs. 4 S. 2 AsylbLG)
    [InlineData("2026-11-16", "2027-06-01", "2026-11-16")] // never before the restriction took effect
    public void A_section_44_withdrawal_pays_back_from_the_later_of_effectiveFrom_and_1_January_of_the_year_before(string startsOn, string receivedOn, string from)
    {
        var restriction = RestrictionOf(A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.P(startsOn))));

        ReviewRequests.BackPaymentFrom(restriction, T.P(receivedOn)).Should().Be(T.P(from));
    }

    [Fact]
    public void The_official_who_approved_cannot_decide_the_review_request()
    {
        var history = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)),
            new ReviewRequestFiled(T.ProposalId, T.PersonId, T.Today, "Bitte prüfen", T.Caseworker));
        Decision Decide(string by) => ReviewRequests.Decide(Given.Person(history),
            new DecideReviewRequest(T.ProposalId, ReviewRequestOutcome.Withdrawn, "r", new Actor(by, by, Roles.Official, null)), T.Today);

        Decide(T.OfficialA).ShouldReject("four-eyes", RejectionKind.Forbidden);
        var events = Decide("official-b").ShouldAccept();
        events[0].Event.Should().BeOfType<NoticeIssued>().Which.Kind.Should().Be(NoticeKind.Aufhebungsbescheid);
        var after = RestrictionOf([.. history, .. events.Select(e => e.Event)]);
        (after.StatusOn(T.Today), after.BackPaymentDue, after.BackPaymentFrom).Should().Be((RestrictionStatus.Withdrawn, true, T.D(2026, 11, 16)));
    }
}

/// <summary>Approval on today's facts, promptly (refusal 2026-11-02, proposal pending).</summary>
public class DecideOnTodaysFactsTests
{
    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    private static Decision Approve(object[] history, DateOnly today, Guid? proposalId = null) =>
        SanctionDecisions.Decide(Given.Person(history), new DecideSanction(proposalId ?? T.ProposalId, true, "Entscheidung", today, T.OfficialA),
            Given.Hours(history), Policy.Default, today);

    [Fact]
    public void Hours_after_the_refusal_on_the_placement_or_an_ended_entitlement_fail_the_preconditions()
    {
        Approve([.. Proposed, A.HoursLogged(T.Id(500), T.D(2026, 11, 3), 60)], T.Today)
            .ShouldReject("sanction-preconditions", RejectionKind.Unprocessable).Detail.Should().Contain("duty was fulfilled");
        Approve([.. Proposed, A.HoursLogged(T.Id(500), T.D(2026, 11, 3), 60), A.HoursCorrected(T.Id(501), T.Id(500), T.D(2026, 11, 3), 0)], T.Today)
            .ShouldAccept();
        Approve([.. Proposed, A.EntitlementEnded(T.D(2026, 11, 20))], T.Today).ShouldReject("sanction-preconditions");
        Approve([.. Proposed, A.ExemptionRecorded(T.D(2026, 11, 2), T.D(2026, 11, 2))], T.Today).ShouldReject("sanction-preconditions");
    }

    [Fact]
    public void An_approval_more_than_the_policys_days_after_the_refusal_is_too_old_and_that_is_checked_before_a_restriction_in_force()
    {
        Approve(Proposed, T.D(2026, 11, 2).AddDays(90)).ShouldAccept();
        Approve(Proposed, T.D(2026, 11, 2).AddDays(91)).ShouldReject("refusal-too-old", RejectionKind.Unprocessable);
        SanctionDecisions.Decide(Given.Person(Proposed), new DecideSanction(T.ProposalId, true, "E", T.D(2026, 11, 2).AddDays(91), T.OfficialA),
            HourLog.Empty, new Policy { MaxDaysRefusalToDecision = 100 }, T.D(2026, 11, 2).AddDays(91)).ShouldAccept();

        var second = T.Id(2);
        var secondRefusal = T.Id(22);
        var history = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(true, T.D(2026, 11, 16)),
            A.RefusalRecorded(T.D(2026, 11, 17), secondRefusal), A.RefusalAssessed(false, secondRefusal), A.HearingHeld(T.D(2026, 11, 20), secondRefusal),
            A.SanctionProposed(second, secondRefusal));
        Approve(history, T.Today, second).ShouldReject("restriction-in-force", RejectionKind.Conflict);
        Approve(history, T.D(2026, 11, 17).AddDays(91), second).ShouldReject("refusal-too-old");
    }
}
