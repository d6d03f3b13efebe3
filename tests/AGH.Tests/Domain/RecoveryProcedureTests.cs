using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Payouts;

namespace AGH.Tests.Domain;

/// <summary>Contract v3b / v3 legal corrections: the recovery's hearing, objection and when decided becomes final (pure rules).</summary>
public class RecoveryProcedureTests
{
    private static readonly Recovery Opened = new(T.Id(1), T.PersonId, T.PlacementId, T.Id(2), T.Id(3), "bad-iburg", 60, 95, RecoveryStatus.Open, null)
    {
        OpenedOn = T.Today.AddDays(-5),
    };

    private static Notice Erstattungsbescheid(DateOnly? notifiedOn) => new(T.Id(9), NoticeKind.Erstattungsbescheid, T.Id(1), NoticeVersions.RecoveryNotice,
        T.Today.AddDays(-3), "off-1", "Test off-1", "official", "bad-iburg", NoticeOrigin.Service, null, notifiedOn);

    [Fact]
    public void A_hearing_is_held_once_on_an_open_recovery_between_its_opening_and_today()
    {
        var hear = (DateOnly on) => RecoveryProcedure.Hear(Opened, new HearRecovery(T.Id(1), on, "keine Äußerung", "cw-1"), T.Today);
        hear(T.Today.AddDays(1)).ShouldReject("date-in-future");
        hear(T.Today.AddDays(-6)).ShouldReject("hearing-before-opening");
        hear(T.Today.AddDays(-5)).ShouldAcceptSingle<RecoveryHeard>(T.PersonId).HeardBy.Should().Be("cw-1");
        RecoveryProcedure.Hear(Opened with { Status = RecoveryStatus.Heard }, new HearRecovery(T.Id(1), T.Today.AddDays(1), "x", "cw-1"), T.Today)
            .ShouldReject("not-open", RejectionKind.Conflict);
    }

    [Fact]
    public void Decided_is_final_only_after_the_remedy_deadline_and_a_timely_objection_suspends_it()
    {
        var decided = Opened with { Status = RecoveryStatus.Decided, NoticeId = T.Id(9) };
        var notice = Erstattungsbescheid(T.Today.AddDays(-3));
        var deadline = notice.RemedyDeadline(Policy.Default)!.Value;
        RecoveryProcedure.StatusOn(decided, Erstattungsbescheid(null), Policy.Default, T.Today.AddYears(1)).Should().Be(RecoveryStatus.Decided, "not notified");
        RecoveryProcedure.StatusOn(decided, notice, Policy.Default, deadline).Should().Be(RecoveryStatus.Decided);
        RecoveryProcedure.StatusOn(decided, notice, Policy.Default, deadline.AddDays(1)).Should().Be(RecoveryStatus.Final);
        RecoveryProcedure.StatusOn(decided with { ObjectionReceivedOn = deadline }, notice, Policy.Default, deadline.AddDays(1)).Should().Be(RecoveryStatus.Decided);
        RecoveryProcedure.StatusOn(decided with { ObjectionReceivedOn = deadline.AddDays(1) }, notice, Policy.Default, deadline.AddDays(1))
            .Should().Be(RecoveryStatus.Final, "a late objection does not suspend collection");

        var file = (DateOnly on) => RecoveryProcedure.FileObjection(decided, notice, new FileRecoveryObjection(T.Id(1), on, "Widerspruch", "cw-1"), T.Today);
        file(T.Today.AddDays(-4)).ShouldReject("objection-before-issue");
        file(T.Today.AddDays(1)).ShouldReject("date-in-future");
        file(T.Today).ShouldAcceptSingle<RecoveryObjectionFiled>(T.PersonId);
        RecoveryProcedure.FileObjection(Opened, null, new FileRecoveryObjection(T.Id(1), T.Today, "x", "cw-1"), T.Today).ShouldReject("not-decided");
    }
}
