using AGH.Domain.Common;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>The default placement: notice served 2026-10-01, work from 2026-10-05; today is 2026-11-25.</summary>
public class RecordRefusalTests
{
    private static Decision Record(object[] history, DateOnly date)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.RecordRefusal(person, placement,
            new RecordRefusal(T.PlacementId, T.RefusalId, date, RefusalKind.Explicit, "Keine Lust"), Policy.Default, T.Today);
    }

    [Fact]
    public void RecordRefusal_emits_RefusalRecorded_on_the_person_stream()
    {
        var decision = Record(A.PlacedPerson(), T.D(2026, 11, 2));

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new RefusalRecorded(T.PlacementId, T.PersonId, T.RefusalId, T.D(2026, 11, 2), RefusalKind.Explicit, "Keine Lust")));

        var refusal = Given.Person(A.PlacedPerson()).Then(decision).Placements[T.PlacementId].Refusals[T.RefusalId];
        refusal.Assessment.Should().BeNull();
        refusal.Hearing.Should().BeNull();
    }

    [Fact]
    public void RecordRefusal_before_the_notice_is_rejected()
    {
        Record(A.PlacedPerson(), T.D(2026, 9, 30)).ShouldReject("refusal-before-notification", RejectionKind.Unprocessable);
    }

    [Fact]
    public void RecordRefusal_on_the_notice_day_and_before_the_start_is_accepted()
    {
        Record(A.PlacedPerson(), T.D(2026, 10, 1)).ShouldAccept();
        Record(A.PlacedPerson(), T.D(2026, 10, 4)).ShouldAccept();
    }

    [Fact]
    public void RecordRefusal_today_is_accepted()
    {
        Record(A.PlacedPerson(), T.Today).ShouldAccept();
    }

    [Fact]
    public void RecordRefusal_in_the_future_is_rejected()
    {
        Record(A.PlacedPerson(), T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void RecordRefusal_on_the_last_day_of_an_ended_placement_is_accepted()
    {
        Record(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 10))), T.D(2026, 11, 10)).ShouldAccept();
    }

    [Fact]
    public void RecordRefusal_after_the_placement_ended_is_rejected()
    {
        Record(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 10))), T.D(2026, 11, 11))
            .ShouldReject("outside-placement", RejectionKind.Unprocessable);
    }
}

public class AssessRefusalTests
{
    private static Decision Assess(object[] history, bool goodCause, Guid? refusalId = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.AssessRefusal(person, placement,
            new AssessRefusal(T.PlacementId, refusalId ?? T.RefusalId, goodCause, ExemptionReason.Childcare, "Begründung"));
    }

    private static readonly object[] Refused = A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)));

    [Fact]
    public void AssessRefusal_without_good_cause_emits_RefusalAssessed_without_a_reason()
    {
        Assess(Refused, goodCause: false).ShouldAccept(new StreamEvent(T.PersonId,
            new RefusalAssessed(T.PlacementId, T.PersonId, T.RefusalId, false, null, "Begründung")));
    }

    [Fact]
    public void AssessRefusal_with_good_cause_keeps_the_reason()
    {
        var decision = Assess(Refused, goodCause: true);

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new RefusalAssessed(T.PlacementId, T.PersonId, T.RefusalId, true, ExemptionReason.Childcare, "Begründung")));
        Given.Person(Refused).Then(decision).Placements[T.PlacementId].Refusals[T.RefusalId].Assessment!.GoodCause.Should().BeTrue();
    }

    [Fact]
    public void AssessRefusal_of_an_unknown_refusal_is_rejected()
    {
        Assess(Refused, goodCause: false, refusalId: T.Id(99)).ShouldReject("refusal-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void AssessRefusal_twice_is_rejected()
    {
        Assess(A.PlacedPerson(A.RefusalRecorded(T.D(2026, 11, 2)), A.RefusalAssessed(goodCause: true)), goodCause: false)
            .ShouldReject("already-assessed", RejectionKind.Conflict);
    }
}

public class HoldHearingTests
{
    private static readonly DateOnly RefusedOn = T.D(2026, 11, 2);

    private static Decision Hear(object[] history, DateOnly heldOn, Guid? refusalId = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.HoldHearing(person, placement,
            new HoldHearing(T.PlacementId, refusalId ?? T.RefusalId, heldOn, "Ich war krank"), T.Today);
    }

    private static readonly object[] Refused = A.PlacedPerson(A.RefusalRecorded(RefusedOn));

    [Fact]
    public void HoldHearing_emits_HearingHeld()
    {
        var decision = Hear(Refused, T.D(2026, 11, 10));

        decision.ShouldAccept(new StreamEvent(T.PersonId,
            new HearingHeld(T.PlacementId, T.PersonId, T.RefusalId, T.D(2026, 11, 10), "Ich war krank")));
        Given.Person(Refused).Then(decision).Placements[T.PlacementId].Refusals[T.RefusalId].Hearing!.HeldOn
            .Should().Be(T.D(2026, 11, 10));
    }

    [Fact]
    public void HoldHearing_on_the_day_of_the_refusal_orally_in_person_and_today_is_accepted()
    {
        var (person, placement) = Given.Placed(Refused);
        PlacementDecisions.HoldHearing(person, placement,
            new HoldHearing(T.PlacementId, T.RefusalId, RefusedOn, "Ich war krank", HearingForm.Oral, true), T.Today).ShouldAccept();
        Hear(Refused, RefusedOn).ShouldReject("hearing-on-refusal-day");
        Hear(Refused, T.Today).ShouldAccept();
    }

    [Fact]
    public void HoldHearing_before_the_assessment_is_accepted()
    {
        Hear(Refused, T.D(2026, 11, 10)).ShouldAccept();
    }

    [Fact]
    public void HoldHearing_before_the_refusal_is_rejected()
    {
        Hear(Refused, RefusedOn.AddDays(-1)).ShouldReject("hearing-before-refusal", RejectionKind.Unprocessable);
    }

    [Fact]
    public void HoldHearing_in_the_future_is_rejected()
    {
        Hear(Refused, T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void HoldHearing_on_an_unknown_refusal_is_rejected()
    {
        Hear(Refused, T.D(2026, 11, 10), T.Id(99)).ShouldReject("refusal-not-found", RejectionKind.NotFound);
    }

    [Fact]
    public void HoldHearing_twice_is_rejected()
    {
        Hear(A.PlacedPerson(A.RefusalRecorded(RefusedOn), A.HearingHeld(T.D(2026, 11, 10))), T.D(2026, 11, 12))
            .ShouldReject("already-heard", RejectionKind.Conflict);
    }
}
