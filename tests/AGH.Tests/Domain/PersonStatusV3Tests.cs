using AGH.Domain.Common;
using AGH.Domain.Offers;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Contract v3a "Exemptions and the person's status" and the legal correction on `excluded`: the pure rules.</summary>
public class PersonStatusV3Tests
{
    private static readonly Guid ExemptionId = T.Id(301);

    private static ExemptionRecorded Exemption(DateOnly from, DateOnly? until) =>
        new(T.PersonId, ExemptionId, ExemptionReason.Illness, from, until, null, new ExemptionEvidence(EvidenceKind.AuCertificate, from), until is null ? from.AddDays(28) : null);

    private static Person Exempt(DateOnly from, DateOnly? until, params object[] more) => Given.Person([A.PersonRegistered(), Exemption(from, until), .. more]);

    [Fact]
    public void An_open_ended_exemption_can_be_ended_also_in_the_future_and_then_stops_covering_days()
    {
        var person = Exempt(T.D(2026, 11, 1), null);

        var ended = person.Then(ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.Today.AddDays(3))));

        ended.IsExemptOn(T.Today.AddDays(3)).Should().BeTrue();
        ended.IsExemptOn(T.Today.AddDays(4)).Should().BeFalse();
        ended.Exemptions.Single().Should().BeEquivalentTo(new { Until = (DateOnly?)T.Today.AddDays(3), ReviewOn = (DateOnly?)T.D(2026, 11, 29) });
    }

    [Fact]
    public void An_end_can_only_shorten_and_never_lies_before_the_start()
    {
        var person = Exempt(T.D(2026, 11, 1), T.D(2026, 11, 30));

        ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.D(2026, 11, 20))).ShouldAcceptSingle<ExemptionEnded>(T.PersonId)
            .Should().Be(new ExemptionEnded(T.PersonId, ExemptionId, T.D(2026, 11, 20)));
        ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.D(2026, 11, 30))).ShouldReject("exemption-ended", RejectionKind.Conflict);
        ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.D(2026, 12, 5))).ShouldReject("exemption-ended", RejectionKind.Conflict);
        ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.D(2026, 10, 31))).ShouldReject("end-before-start", RejectionKind.Unprocessable);
        ExemptionDecisions.End(person, new EndExemption(T.PersonId, T.Id(999), T.D(2026, 11, 20))).ShouldReject("not-found", RejectionKind.NotFound);
        ExemptionDecisions.End(person, new EndExemption(T.PersonId, ExemptionId, T.D(2026, 11, 1))).ShouldAccept(); // one day
    }

    [Fact]
    public void A_withdrawn_exemption_counts_nowhere_and_cannot_be_ended_or_withdrawn_again()
    {
        var person = Exempt(T.D(2026, 11, 1), null);
        person.NotObligedReason(T.Today).Should().NotBeNull();

        var withdrawn = person.Then(ExemptionDecisions.Withdraw(person, new WithdrawExemption(T.PersonId, ExemptionId, "falsche Person erfasst")));

        withdrawn.IsExemptOn(T.Today).Should().BeFalse();
        withdrawn.NotObligedReason(T.Today).Should().BeNull();
        withdrawn.StatusOn(T.Today).Should().Be(PersonStatus.Available);
        withdrawn.Exemptions.Should().ContainSingle("the history keeps it").Which.Withdrawn.Should().BeTrue();
        ExemptionDecisions.Withdraw(withdrawn, new WithdrawExemption(T.PersonId, ExemptionId, "nochmal")).ShouldReject("exemption-withdrawn", RejectionKind.Conflict);
        ExemptionDecisions.End(withdrawn, new EndExemption(T.PersonId, ExemptionId, T.Today)).ShouldReject("exemption-withdrawn", RejectionKind.Conflict);
    }

    [Fact]
    public void The_legal_status_is_the_latest_by_since_that_has_begun_and_a_later_one_lifts_excluded()
    {
        var person = Given.Person(A.PersonRegistered(),
            new LegalStatusRecorded(T.PersonId, LegalStatus.Applicant, T.D(2024, 1, 1), "Ankunftsnachweis"),
            new LegalStatusRecorded(T.PersonId, LegalStatus.Tolerated, T.Today.AddDays(10), "Duldung ab Monatsbeginn"),
            new LegalStatusRecorded(T.PersonId, LegalStatus.Excluded, T.D(2026, 11, 1), "Überstellungsanordnung"),
            new LegalStatusRecorded(T.PersonId, LegalStatus.ResidencePermit, T.D(2026, 11, 20), "Aufenthaltserlaubnis"));

        person.LegalStatusOn(T.D(2026, 10, 31)).Should().Be(new LegalStatusEntry(LegalStatus.Applicant, T.D(2024, 1, 1)));
        person.IsExcludedOn(T.D(2026, 11, 10)).Should().BeTrue();
        person.NotObligedReason(T.D(2026, 11, 10)).Should().Contain("§ 1 Abs. 4 AsylbLG");
        person.LegalStatusOn(T.Today).Should().Be(new LegalStatusEntry(LegalStatus.ResidencePermit, T.D(2026, 11, 20)));
        person.IsExcludedOn(T.Today).Should().BeFalse();
        person.LegalStatusOn(T.Today.AddDays(10))!.Status.Should().Be(LegalStatus.Tolerated);
    }

    [Fact]
    public void Excluded_ends_the_entitlement_from_since_as_an_entitlement_end_would()
    {
        var person = Given.Person(A.PlacedPerson());

        var decision = LegalStatusDecisions.Record(person, new RecordLegalStatus(T.PersonId, LegalStatus.Excluded, T.D(2026, 11, 20), "Dublin-Überstellung angeordnet"), HourLog.Empty, T.Today);

        const string Reason = "Leistungsausschluss nach § 1 Abs. 4 AsylbLG";
        decision.ShouldAccept(
            new StreamEvent(T.PersonId, new LegalStatusRecorded(T.PersonId, LegalStatus.Excluded, T.D(2026, 11, 20), "Dublin-Überstellung angeordnet")),
            new StreamEvent(T.PersonId, new EntitlementEnded(T.PersonId, T.D(2026, 11, 20), Reason)),
            new StreamEvent(T.PersonId, new PlacementEnded(T.PlacementId, T.PersonId, T.OfferId, T.D(2026, 11, 20), EndReason.EntitlementEnded, Reason)),
            new StreamEvent(T.OfferId, new PlaceReleased(T.OfferId, T.PlacementId)));
        var after = person.Then(decision);
        after.StatusOn(T.Today).Should().Be(PersonStatus.NotEntitled);
        after.IsExcludedOn(T.Today).Should().BeTrue();
    }

    [Fact]
    public void Excluded_is_refused_like_an_entitlement_end_while_hours_lie_after_it_or_it_lies_in_the_future()
    {
        var (person, hours) = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 60)));

        LegalStatusDecisions.Record(person, new RecordLegalStatus(T.PersonId, LegalStatus.Excluded, T.D(2026, 11, 13), "n"), hours, T.Today)
            .ShouldReject("hours-after-end", RejectionKind.Unprocessable);
        LegalStatusDecisions.Record(person, new RecordLegalStatus(T.PersonId, LegalStatus.Excluded, T.Today.AddDays(1), "n"), hours, T.Today)
            .ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Other_statuses_only_record_the_status_also_ahead_of_time()
    {
        var person = Given.Person(A.PlacedPerson());

        LegalStatusDecisions.Record(person, new RecordLegalStatus(T.PersonId, LegalStatus.Tolerated, T.Today.AddDays(5), "n"), HourLog.Empty, T.Today)
            .ShouldAcceptSingle<LegalStatusRecorded>(T.PersonId).Status.Should().Be(LegalStatus.Tolerated);
    }

    [Fact]
    public void Willingness_is_recorded_when_declared_and_never_ahead_of_time()
    {
        var person = Given.Person(A.PersonRegistered());

        var after = person.Then(WillingnessDecisions.Declare(person, new DeclareWillingness(T.PersonId, T.Today, "will arbeiten"), T.Today));

        after.WillingnessDeclaredOn.Should().Equal(T.Today);
        WillingnessDecisions.Declare(person, new DeclareWillingness(T.PersonId, T.Today.AddDays(1), "n"), T.Today)
            .ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }
}
