using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Contract v3a "What waits for notification": refusals and proposals read the Heranziehungsbescheid's notifiedOn.</summary>
public class RefusalNotificationTests
{
    private static readonly Guid NoticeId = NoticeIssuing.IdFor(T.PlacementId, NoticeKind.Heranziehungsbescheid, 0);
    private static readonly DateOnly IssuedOn = T.D(2026, 11, 5); // a Thursday: posted that day, notified Monday 2026-11-09

    /// <summary>Assigned under v3: the notice issued on 2026-11-05, work from 2026-11-12; not dispatched unless given.</summary>
    private static object[] Assigned(params object[] more) =>
    [
        A.PersonRegistered(),
        A.PersonAssigned(startsOn: T.D(2026, 11, 12)) with { NoticeId = NoticeId },
        new NoticeIssued(NoticeId, T.PersonId, NoticeKind.Heranziehungsbescheid, T.PlacementId, NoticeVersions.AssignmentNotice, IssuedOn,
            T.Caseworker, "Anna Schulz", Roles.Caseworker, T.Municipality, NoticeOrigin.Service),
        .. more,
    ];

    private static NoticeDispatched Posted(DateOnly on) =>
        new(NoticeId, T.PersonId, DispatchMethod.Post, on, NoticeCalendar.NotifiedOn(DispatchMethod.Post, on), T.Caseworker);

    private static Decision Record(object[] history, DateOnly date, RefusalKind kind)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.RecordRefusal(person, placement, new RecordRefusal(T.PlacementId, T.RefusalId, date, kind, "nein"), Policy.Default, T.Today);
    }

    [Fact]
    public void A_refusal_on_a_placement_whose_notice_is_not_dispatched_waits_for_the_notification()
    {
        Record(Assigned(), T.D(2026, 11, 20), RefusalKind.Explicit).ShouldReject("refusal-before-notification", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Posted_on_a_Thursday_the_notice_is_notified_on_Monday_and_a_refusal_counts_from_then()
    {
        var history = Assigned(Posted(IssuedOn));
        Given.Person(history).AssignmentNotice(T.PlacementId)!.NotifiedOn.Should().Be(T.D(2026, 11, 9));

        Record(history, T.D(2026, 11, 8), RefusalKind.Explicit).ShouldReject("refusal-before-notification", RejectionKind.Unprocessable);
        Record(history, T.D(2026, 11, 9), RefusalKind.Explicit).ShouldAccept();
    }

    [Fact]
    public void Staying_away_counts_only_from_the_later_of_the_start_and_the_notification()
    {
        var history = Assigned(Posted(IssuedOn));
        Record(history, T.D(2026, 11, 11), RefusalKind.NoShow).ShouldReject("refusal-before-start", RejectionKind.Unprocessable);
        Record(history, T.D(2026, 11, 11), RefusalKind.DroppedOut).ShouldReject("refusal-before-start", RejectionKind.Unprocessable);
        Record(history, T.D(2026, 11, 12), RefusalKind.NoShow).ShouldAccept();

        // Notified after the start: the later day counts.
        var late = Assigned(Posted(T.D(2026, 11, 13)));
        Record(late, T.D(2026, 11, 16), RefusalKind.NoShow).ShouldReject("refusal-before-notification", RejectionKind.Unprocessable);
        Record(late, T.D(2026, 11, 17), RefusalKind.NoShow).ShouldAccept();
    }

    [Fact]
    public void The_date_checks_come_before_the_procedure()
    {
        Record(Assigned(), T.Today.AddDays(1), RefusalKind.Explicit).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_refusal_at_the_hand_over_may_ground_a_proposal()
    {
        var handedOver = new NoticeDispatched(NoticeId, T.PersonId, DispatchMethod.HandedOver, T.D(2026, 11, 10), T.D(2026, 11, 10), T.Caseworker);
        var (person, placement) = Given.Placed(Assigned(handedOver,
            A.RefusalRecorded(T.D(2026, 11, 10)),
            new RefusalAssessed(T.PlacementId, T.PersonId, T.RefusalId, false, null, "kein Grund"),
            new HearingHeld(T.PlacementId, T.PersonId, T.RefusalId, T.D(2026, 11, 11), "nichts")));

        SanctionDecisions.Propose(person, placement, new ProposeSanction(T.PlacementId, T.ProposalId, T.RefusalId, "r", T.Caseworker), Policy.Default, T.Today).ShouldAccept();
    }
}
