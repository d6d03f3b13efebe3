using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>
/// The Widerspruch against the Heranziehungsbescheid (§§ 84, 86a SGG). The notice of <see cref="A.PersonAssigned"/> was
/// handed over on 2026-10-01: its objection deadline is Monday 2026-11-02 (2026-11-01 is a Sunday).
/// </summary>
public class PlacementObjectionTests
{
    private static readonly Actor Official = new(T.OfficialA, "Olga Amt", Roles.Official, T.Municipality);

    private static Decision File(object[] history, DateOnly receivedOn, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementObjectionDecisions.File(person, placement, new FilePlacementObjection(T.PlacementId, receivedOn, "Unzumutbar", Official), today ?? T.Today);
    }

    private static Decision Enforce(object[] history, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementObjectionDecisions.OrderEnforcement(person, placement,
            new OrderImmediateEnforcement(T.PlacementId, "Öffentliches Interesse an sofortiger Arbeit", Official), Policy.Default, today ?? T.Today);
    }

    private static Decision Decide(object[] history, PlacementObjectionOutcome outcome, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementObjectionDecisions.Decide(person, placement,
            new DecidePlacementObjection(T.PlacementId, outcome, "Der Heranziehungsbescheid ist rechtmäßig", PlacementObjectionCosts.None, Official), today ?? T.Today);
    }

    private static Decision Sue(object[] history, DateOnly filedOn, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementObjectionDecisions.FileLawsuit(person, placement,
            new FileLawsuit(T.PlacementId, filedOn, "Sozialgericht Osnabrück", "S 44 AY 1/26", Official), today ?? T.Today);
    }

    private static Decision EndSuit(object[] history, LawsuitOutcome outcome, DateOnly on, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementObjectionDecisions.EndLawsuit(person, placement, new EndLawsuit(T.PlacementId, outcome, on, Official), today ?? T.Today);
    }

    private static Guid NoticeOf(Decision decision) => decision.Events.Select(e => e.Event).OfType<NoticeIssued>().Single().NoticeId;

    private static object[] Dispatched(object[] history, Guid noticeId, DateOnly on) =>
        [.. history, new NoticeDispatched(noticeId, T.PersonId, DispatchMethod.HandedOver, on, on, "caseworker-1")];

    private static Person PersonOf(object[] history) => Given.Person(history);

    [Fact]
    public void A_timely_objection_suspends_the_duty_back_to_the_notification_and_shows_timely()
    {
        var history = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 10, 20)));
        var person = PersonOf(history);
        var placement = person.Placements[T.PlacementId];

        placement.Objection!.Status.Should().Be(PlacementObjectionStatus.Pending);
        DutySuspension.IsTimely(person, placement, Policy.Default).Should().BeTrue();
        person.IsDutySuspendedOn(T.PlacementId, T.D(2026, 10, 1), Policy.Default).Should().BeTrue("the suspension reaches back to the notification");
        person.IsDutySuspendedOn(T.PlacementId, T.D(2026, 9, 30), Policy.Default).Should().BeFalse();
        person.IsDutySuspendedOn(T.PlacementId, T.Today, Policy.Default).Should().BeTrue();
    }

    [Fact]
    public void An_objection_after_the_deadline_is_untimely_and_suspends_nothing()
    {
        var history = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 11, 3)));
        var person = PersonOf(history);

        DutySuspension.IsTimely(person, person.Placements[T.PlacementId], Policy.Default).Should().BeFalse();
        person.IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 4), Policy.Default).Should().BeFalse();
    }

    [Fact]
    public void A_defective_wording_gives_a_year_so_the_same_late_objection_is_timely_and_suspends_the_duty()
    {
        object[] placed = [A.PersonRegistered(), A.PersonAssigned() with { NoticeVersion = "heranziehung-2025-01" }];
        var person = PersonOf(placed.With(File(placed, T.D(2026, 11, 3))));
        var defective = Policy.Default with { DefectiveNoticeVersions = ["heranziehung-2025-01"] };

        DutySuspension.IsTimely(person, person.Placements[T.PlacementId], defective).Should().BeTrue("§ 66 Abs. 2 SGG: a year from the notification");
        person.IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 4), defective).Should().BeTrue();
        person.SanctionBar(T.PlacementId, T.D(2026, 11, 4), defective).Should().Contain("§ 86a Abs. 1 SGG");
        person.IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 4), Policy.Default with { DefectiveNoticeVersions = ["another-version"] })
            .Should().BeFalse("only the listed wording runs a year");
    }

    [Fact]
    public void Filing_checks_state_then_dates()
    {
        var filed = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 10, 20)));
        File(filed, T.D(2026, 10, 21)).ShouldReject("objection-exists", RejectionKind.Conflict);
        File(filed, T.Today.AddDays(1)).ShouldReject("objection-exists", RejectionKind.Conflict);
        File(A.PlacedPerson(), T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        File(A.PlacedPerson(), T.D(2026, 9, 30)).ShouldReject("objection-before-issue", RejectionKind.Unprocessable);
        File(A.PlacedPerson(), T.D(2026, 10, 1)).ShouldAccept();
    }

    [Fact]
    public void A_refusal_while_suspended_is_refused_and_an_earlier_one_cannot_be_proposed()
    {
        // The refusal of 2026-11-02 came first; the objection received the same day reaches back to the notification.
        var history = A.RefusalReadyForSanction().With(File(A.RefusalReadyForSanction(), T.D(2026, 11, 2)));
        var (person, placement) = Given.Placed(history);

        PlacementDecisions.RecordRefusal(person, placement, new RecordRefusal(T.PlacementId, Guid.NewGuid(), T.D(2026, 11, 20), RefusalKind.NoShow, ""), Policy.Default, T.Today)
            .ShouldReject("duty-suspended", RejectionKind.Unprocessable);
        SanctionDecisions.Propose(person, placement, new ProposeSanction(T.PlacementId, T.ProposalId, T.RefusalId, "Ohne Grund", T.Caseworker), Policy.Default, T.Today)
            .ShouldReject("sanction-preconditions").Detail.Should().Contain("suspended");
        person.SanctionBar(T.PlacementId, T.D(2026, 11, 2), Policy.Default).Should().Contain("§ 86a Abs. 1 SGG");
    }

    [Fact]
    public void Immediate_enforcement_issues_its_notice_and_the_duty_applies_from_its_notification()
    {
        Enforce(A.PlacedPerson()).ShouldReject("no-pending-objection", RejectionKind.Conflict);
        var filed = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 10, 20)));
        var enforce = Enforce(filed);
        var issued = enforce.ShouldAccept()[0].Event.Should().BeOfType<NoticeIssued>().Subject;
        issued.Kind.Should().Be(NoticeKind.AnordnungSofortigeVollziehung);
        issued.SubjectId.Should().Be(T.PlacementId);
        var enforced = filed.With(enforce);

        PersonOf(enforced).IsDutySuspendedOn(T.PlacementId, T.Today, Policy.Default).Should().BeTrue("an Anordnung not yet notified changes nothing");
        Enforce(enforced).ShouldReject("already-enforced", RejectionKind.Conflict);

        var notified = Dispatched(enforced, issued.NoticeId, T.D(2026, 11, 20));
        PersonOf(notified).IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 19), Policy.Default).Should().BeTrue();
        PersonOf(notified).IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 20), Policy.Default).Should().BeFalse();
    }

    [Fact]
    public void An_upheld_objection_ends_the_placement_frees_the_place_and_withdraws_its_restrictions()
    {
        var restricted = A.RefusalReadyForSanction(A.SanctionProposed(), A.SanctionDecided(approved: true, startsOn: T.D(2026, 11, 20)));
        var filed = restricted.With(File(restricted, T.D(2026, 11, 20)));
        var decision = Decide(filed, PlacementObjectionOutcome.Upheld);
        var events = decision.ShouldAccept();

        events.Select(e => e.Event.GetType()).Should().Equal(typeof(NoticeIssued), typeof(PlacementObjectionDecided), typeof(PlacementEnded), typeof(AGH.Domain.Offers.PlaceReleased));
        ((NoticeIssued)events[0].Event).Kind.Should().Be(NoticeKind.Abhilfebescheid);
        events[2].Event.Should().Be(new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, T.Today, EndReason.ObjectionUpheld, null));
        events[3].StreamId.Should().Be(T.OfferId);

        var after = Given.Person(filed).Then(decision);
        after.Proposals[T.ProposalId].Restriction!.Withdrawn.Should().BeTrue();
        after.Placements[T.PlacementId].Objection!.DecidedOn.Should().Be(T.Today);
        after.SanctionBar(T.PlacementId, T.D(2026, 11, 2), Policy.Default).Should().Contain("set aside");
        Decide(filed.With(decision), PlacementObjectionOutcome.Dismissed).ShouldReject("already-decided", RejectionKind.Conflict);
    }

    [Fact]
    public void Deciding_without_an_objection_is_refused()
    {
        Decide(A.PlacedPerson(), PlacementObjectionOutcome.Upheld).ShouldReject("no-pending-objection", RejectionKind.Conflict);
    }

    [Fact]
    public void A_decided_objection_answers_already_decided_after_the_placement_ended()
    {
        var filed = A.PlacedPerson(File(A.PlacedPerson(), T.D(2026, 10, 20)).Events[0].Event);
        var dismissed = filed.With(Decide(filed, PlacementObjectionOutcome.Dismissed));
        object[] ended = [.. dismissed, A.PlacementEnded(T.Today)];
        Decide(ended, PlacementObjectionOutcome.Upheld).ShouldReject("already-decided", RejectionKind.Conflict);
    }

    [Fact]
    public void After_dismissal_the_duty_stays_suspended_until_the_Klage_deadline_has_passed()
    {
        var filed = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 10, 20)));
        var decision = Decide(filed, PlacementObjectionOutcome.Dismissed);
        ((NoticeIssued)decision.ShouldAccept()[0].Event).Kind.Should().Be(NoticeKind.Widerspruchsbescheid);
        decision.Events.Should().HaveCount(2, "a dismissal leaves the placement running");
        var dismissed = filed.With(decision);
        PersonOf(dismissed).IsDutySuspendedOn(T.PlacementId, T.D(2027, 3, 1), Policy.Default).Should().BeTrue("not notified: the Klage deadline has not begun");

        // Handed over on 2026-11-25: one month ends on 2026-12-25, a holiday; 26th holiday, 27th Sunday: Monday 2026-12-28.
        var notified = Dispatched(dismissed, NoticeOf(decision), T.Today);
        PersonOf(notified).IsDutySuspendedOn(T.PlacementId, T.D(2026, 12, 28), Policy.Default).Should().BeTrue();
        PersonOf(notified).IsDutySuspendedOn(T.PlacementId, T.D(2026, 12, 29), Policy.Default).Should().BeFalse();
        Enforce(notified, today: T.D(2026, 12, 28)).ShouldAccept();
        Enforce(notified, today: T.D(2026, 12, 29)).ShouldReject("no-pending-objection", RejectionKind.Conflict);
    }

    [Fact]
    public void A_recorded_lawsuit_suspends_until_it_ends_and_upheld_sets_the_notice_aside()
    {
        var filed = A.PlacedPerson().With(File(A.PlacedPerson(), T.D(2026, 10, 20)));
        Sue(filed, T.Today).ShouldReject("no-dismissed-objection", RejectionKind.Conflict);
        var decision = Decide(filed, PlacementObjectionOutcome.Dismissed, today: T.D(2026, 11, 2));
        var notified = Dispatched(filed.With(decision), NoticeOf(decision), T.D(2026, 11, 2));

        Sue(notified, T.D(2026, 11, 1)).ShouldReject("lawsuit-before-notice", RejectionKind.Unprocessable);
        Sue(notified, T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
        EndSuit(notified, LawsuitOutcome.Dismissed, T.Today).ShouldReject("no-pending-lawsuit", RejectionKind.Conflict);
        var sued = notified.With(Sue(notified, T.D(2026, 11, 20)));
        Sue(sued, T.Today).ShouldReject("lawsuit-exists", RejectionKind.Conflict);
        PersonOf(sued).IsDutySuspendedOn(T.PlacementId, T.D(2027, 1, 10), Policy.Default).Should().BeTrue("the Klage suspends past its deadline");
        PersonDecisions.Erase(PersonOf(sued), 0, T.Today).ShouldReject("legal-hold-active", RejectionKind.Conflict);
        EndSuit(sued, LawsuitOutcome.Withdrawn, T.D(2026, 11, 19)).ShouldReject("end-before-start", RejectionKind.Unprocessable);

        var withdrawn = sued.With(EndSuit(sued, LawsuitOutcome.Withdrawn, T.D(2026, 11, 24)));
        PersonOf(withdrawn).IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 23), Policy.Default).Should().BeTrue();
        PersonOf(withdrawn).IsDutySuspendedOn(T.PlacementId, T.D(2026, 11, 24), Policy.Default).Should().BeFalse();
        EndSuit(withdrawn, LawsuitOutcome.Upheld, T.Today).ShouldReject("already-decided", RejectionKind.Conflict);

        var upheld = EndSuit(sued, LawsuitOutcome.Upheld, T.Today).ShouldAccept();
        upheld.Select(e => e.Event).OfType<PlacementEnded>().Single().Reason.Should().Be(EndReason.ObjectionUpheld);
    }

    [Fact]
    public void A_pending_objection_keeps_the_record_from_erasure()
    {
        object[] closed = [.. A.PlacedPerson(), A.PlacementEnded(T.D(2026, 10, 10)), A.EntitlementEnded(T.D(2026, 10, 10))];
        var filed = closed.With(File(closed, T.D(2026, 10, 20)));
        PersonDecisions.Erase(PersonOf(filed), 0, T.Today).ShouldReject("objection-pending", RejectionKind.Conflict);
        PersonDecisions.Erase(PersonOf(closed), 0, T.Today).ShouldAccept();
    }
}
