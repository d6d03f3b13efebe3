using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Objections per restriction period (contract v3a continuation, v3 "exact rules"; today 2026-11-25).</summary>
public class ObjectionPeriodTests
{
    private static readonly Actor Reviewer = new(T.OfficialA, "Olga Amt", Roles.Official, T.Municipality);

    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));

    private static readonly Guid FirstNotice = NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Einschraenkungsbescheid, 0);
    private static readonly Guid SecondNotice = NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Fortsetzungsbescheid, 0);
    private static readonly DateOnly EndsOn = Dates.EndOfMonthsPeriod(T.Today, 6);
    private static readonly DateOnly ReviewDay = EndsOn.AddDays(-10);

    private static NoticeDispatched Dispatched(Guid noticeId, DateOnly on) => new(noticeId, T.PersonId, DispatchMethod.HandedOver, on, on, T.Caseworker);

    private static object[] Approved()
    {
        var decided = SanctionDecisions.Decide(Given.Person(Proposed), new DecideSanction(T.ProposalId, true, "Entscheidung", T.Today, T.OfficialA), HourLog.Empty, Policy.Default, T.Today)
            .ShouldAccept().Select(e => e.Event);
        return [.. Proposed, .. decided, Dispatched(FirstNotice, T.Today)];
    }

    /// <summary>Period 1 notified today; period 2 continued and its Fortsetzungsbescheid handed over on the review day.</summary>
    private static object[] Continued()
    {
        var approved = Approved();
        var review = SanctionDecisions.Review(Given.Person(approved),
            new ReviewRestriction(T.ProposalId, true, "Pflichtverletzung dauert an", ReviewDay, Reviewer), HourLog.Empty, Policy.Default, ReviewDay).ShouldAccept();
        return [.. approved, .. review.Select(e => e.Event), Dispatched(SecondNotice, ReviewDay)];
    }

    private static Decision File(object[] history, DateOnly receivedOn, int? period = null) =>
        SanctionDecisions.FileObjection(Given.Person(history), new FileObjection(T.ProposalId, receivedOn, "Widerspruch", T.Caseworker, period), receivedOn);

    private static object[] Filed(object[] history, DateOnly receivedOn, int? period = null) =>
        [.. history, .. File(history, receivedOn, period).ShouldAccept().Select(e => e.Event)];

    private static Decision DecideIt(object[] history, bool upheld, int? period = null) =>
        SanctionDecisions.DecideObjection(Given.Person(history), new DecideObjection(T.ProposalId, upheld, "Abhilfe", "official-b", period), T.Today);

    [Fact]
    public void An_objection_is_filed_against_the_latest_notified_period_and_once_per_period()
    {
        var continued = Continued();
        ((ObjectionFiled)File(continued, ReviewDay).ShouldAccept().Single().Event).Period.Should().Be(2);
        var both = Filed(Filed(continued, ReviewDay), ReviewDay, period: 1);
        var proposal = Given.Person(both).Proposals[T.ProposalId];
        proposal.Objections.Select(o => o.Period).Should().Equal(1, 2);
        proposal.Objection!.Period.Should().Be(2, "v2's objection is the latest period's");
        File(both, ReviewDay).ShouldReject("objection-exists", RejectionKind.Conflict);
        File(both, ReviewDay, period: 1).ShouldReject("objection-exists", RejectionKind.Conflict);
        File(both, ReviewDay, period: 3).ShouldReject("period-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void Before_the_continuation_is_notified_the_default_is_period_1()
    {
        var approved = Approved();
        var review = SanctionDecisions.Review(Given.Person(approved),
            new ReviewRestriction(T.ProposalId, true, "r", ReviewDay, Reviewer), HourLog.Empty, Policy.Default, ReviewDay).ShouldAccept();
        ((ObjectionFiled)File([.. approved, .. review.Select(e => e.Event)], ReviewDay).ShouldAccept().Single().Event).Period.Should().Be(1);
    }

    [Fact]
    public void Timely_means_received_by_that_periods_notices_objection_deadline_and_old_objections_count_as_timely()
    {
        var continued = Continued();
        var person = Given.Person(Filed(Filed(continued, ReviewDay), ReviewDay, period: 1));
        var proposal = person.Proposals[T.ProposalId];
        ObjectionPeriods.IsTimely(person, proposal, proposal.ObjectionFor(1)!, Policy.Default).Should().BeFalse("period 1's notice was notified months ago");
        ObjectionPeriods.IsTimely(person, proposal, proposal.ObjectionFor(2)!, Policy.Default).Should().BeTrue();

        var old = Given.Person([.. Approved(), A.ObjectionFiled(EndsOn)]);
        var oldObjection = old.Proposals[T.ProposalId].Objection!;
        (oldObjection.Period, ObjectionPeriods.IsTimely(old, old.Proposals[T.ProposalId], oldObjection, Policy.Default)).Should().Be((1, true));
    }

    [Fact]
    public void Deciding_takes_the_pending_objection_and_an_upheld_one_against_a_continuation_withdraws_only_that_period()
    {
        var filed = Filed(Filed(Continued(), ReviewDay, period: 1), ReviewDay, period: 2);
        var dismissed = DecideIt(filed, upheld: false, period: 1).ShouldAccept().Select(e => e.Event).ToArray();
        dismissed.OfType<ObjectionDecided>().Single().Period.Should().Be(1);
        dismissed.OfType<NoticeIssued>().Single().Kind.Should().Be(NoticeKind.Widerspruchsbescheid);
        object[] afterFirst = [.. filed, .. dismissed];
        DecideIt(afterFirst, upheld: true, period: 1).ShouldReject("already-decided", RejectionKind.Conflict);
        DecideIt(afterFirst, upheld: true, period: 4).ShouldReject("period-not-found", RejectionKind.NotFound);

        var upheld = DecideIt(afterFirst, upheld: true).ShouldAccept().Select(e => e.Event).ToArray();
        upheld.OfType<ObjectionDecided>().Single().Period.Should().Be(2, "the pending one");
        upheld.OfType<NoticeIssued>().Single().Kind.Should().Be(NoticeKind.Abhilfebescheid);
        var restriction = Given.Person([.. afterFirst, .. upheld]).Proposals[T.ProposalId].Restriction!;
        (restriction.Withdrawn, restriction.EndsOn, restriction.StatusOn(ReviewDay)).Should().Be((false, EndsOn, RestrictionStatus.InForce));
        restriction.Periods.Select(p => restriction.PeriodStatusOn(p, ReviewDay)).Should().Equal(RestrictionStatus.InForce, RestrictionStatus.Withdrawn);
        restriction.StatusOn(EndsOn.AddDays(1)).Should().Be(RestrictionStatus.Expired, "the withdrawn period never runs");
    }

    [Fact]
    public void An_upheld_objection_against_period_1_withdraws_the_whole_restriction()
    {
        var filed = Filed(Continued(), ReviewDay, period: 1);
        var restriction = Given.Person([.. filed, .. DecideIt(filed, upheld: true).ShouldAccept().Select(e => e.Event)]).Proposals[T.ProposalId].Restriction!;
        restriction.StatusOn(ReviewDay).Should().Be(RestrictionStatus.Withdrawn);
        restriction.Periods.Select(p => restriction.PeriodStatusOn(p, ReviewDay)).Should().Equal(RestrictionStatus.Withdrawn, RestrictionStatus.Withdrawn);
    }
}
