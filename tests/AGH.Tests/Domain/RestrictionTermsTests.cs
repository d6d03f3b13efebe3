using AGH.Domain.Common;
using AGH.Domain.Notices;
using AGH.Domain.Persons;
using AGH.Domain.Placements;
using AGH.Domain.Sanctions;

namespace AGH.Tests.Domain;

/// <summary>Contract v3b: the Einschränkungsbescheid v2's terms and the objection decisions of § 85 SGG (today 2026-11-25).</summary>
public class RestrictionTermsTests
{
    private static readonly object[] Proposed = A.RefusalReadyForSanction(A.SanctionProposed(proposedBy: T.Caseworker));
    private static readonly Guid FirstNotice = NoticeIssuing.IdFor(T.ProposalId, NoticeKind.Einschraenkungsbescheid, 0);
    private static readonly DateOnly EndsOn = Dates.EndOfMonthsPeriod(T.Today, 6);

    private static RestrictionTerms Terms(long before = 44100, long after = 22050) => new(new RestrictionAmounts(before, after),
        new SpecialCircumstances(true, ["Schulbedarf"], "Kind in der Schule"), new ApprovalNoticeRef(T.Today.AddMonths(-3), RevocationBasis.Section45, "Ermessen"));

    private static Decision Approve(object[] history, RestrictionTerms? terms) =>
        SanctionDecisions.Decide(Given.Person(history), new DecideSanction(T.ProposalId, true, "Entscheidung", T.Today, T.OfficialA, null, terms),
            HourLog.Empty, Policy.Default, T.Today);

    private static object[] Restricted() =>
    [
        .. Proposed, .. Approve(Proposed, Terms()).ShouldAccept().Select(e => e.Event),
        new NoticeDispatched(FirstNotice, T.PersonId, DispatchMethod.HandedOver, T.Today, T.Today, T.Caseworker),
        new ObjectionFiled(T.ProposalId, T.PersonId, T.Today, "zu lang", T.Caseworker, 1),
    ];

    private static Decision Decide(object[] history, ObjectionOutcome outcome, DateOnly? from = null, DateOnly? to = null) =>
        SanctionDecisions.DecideObjection(Given.Person(history), new DecideObjection(T.ProposalId, outcome == ObjectionOutcome.Upheld, "Gründe",
            "official-b", null, outcome, PlacementObjectionCosts.Partial, from, to), T.Today);

    [Fact]
    public void An_approval_records_its_terms_in_the_second_wording_and_refuses_an_amount_not_reduced_after_the_409s()
    {
        var events = Approve(Proposed, Terms()).ShouldAccept().Select(e => e.Event).ToList();
        var decided = events.OfType<SanctionDecided>().Single();
        decided.NoticeVersion.Should().Be(NoticeVersions.RestrictionNoticeV2);
        events.OfType<NoticeIssued>().Single().Version.Should().Be(NoticeVersions.RestrictionNoticeV2);
        decided.Terms!.Amounts.Should().Be(new RestrictionAmounts(44100, 22050));
        (decided.HardshipGranted, decided.RevocationBasis, decided.DiscretionReasoning).Should().BeEquivalentTo((new[] { "Schulbedarf" }, RevocationBasis.Section45, "Ermessen"));

        Approve(Proposed, Terms(44100, 44100)).ShouldReject("amount-not-reduced", RejectionKind.Unprocessable);
        Approve(Proposed, Terms(0, 0)).ShouldReject("amount-not-reduced", RejectionKind.Unprocessable);
        Approve([.. Proposed, .. events], Terms(1, 2)).ShouldReject("already-decided", RejectionKind.Conflict);
    }

    [Fact]
    public void Partly_upheld_shortens_the_period_issues_an_Abhilfebescheid_and_a_Widerspruchsbescheid_and_refuses_what_is_no_reduction()
    {
        var history = Restricted();
        Decide(history, ObjectionOutcome.PartlyUpheld, to: EndsOn).ShouldReject("not-a-reduction", RejectionKind.Unprocessable);
        Decide(history, ObjectionOutcome.PartlyUpheld, from: T.Today.AddDays(-1)).ShouldReject("not-a-reduction", RejectionKind.Unprocessable);
        Decide(history, ObjectionOutcome.PartlyUpheld, to: EndsOn.AddDays(1)).ShouldReject("not-a-reduction", RejectionKind.Unprocessable);
        Decide(history, ObjectionOutcome.PartlyUpheld, from: T.Today.AddDays(20), to: T.Today.AddDays(10)).ShouldReject("not-a-reduction", RejectionKind.Unprocessable);

        var from = T.Today.AddDays(7);
        var events = Decide(history, ObjectionOutcome.PartlyUpheld, from: from).ShouldAccept().Select(e => e.Event).ToList();
        events.OfType<NoticeIssued>().Select(n => n.Kind).Should().Equal(NoticeKind.Abhilfebescheid, NoticeKind.Widerspruchsbescheid);
        var decided = events.OfType<ObjectionDecided>().Single();
        (decided.Upheld, decided.Costs, decided.NoticeId, decided.ReliefNoticeId)
            .Should().Be((false, PlacementObjectionCosts.Partial, events.OfType<NoticeIssued>().Last().NoticeId, events.OfType<NoticeIssued>().First().NoticeId));
        var person = Given.Person([.. history, .. events]);
        var proposal = person.Proposals[T.ProposalId];
        var restriction = proposal.Restriction!;
        (restriction.StartsOn, restriction.EndsOn, restriction.EffectiveFrom).Should().Be((from, EndsOn, from));
        restriction.Periods.Single().StartsOn.Should().Be(from);
        (proposal.Objection!.Status, proposal.Objection.Costs).Should().Be((ObjectionStatus.PartlyUpheld, PlacementObjectionCosts.Partial));
        Decide([.. history, .. events], ObjectionOutcome.Dismissed).ShouldReject("already-decided", RejectionKind.Conflict);
    }

    [Fact]
    public void An_objection_decided_before_v3b_reads_as_upheld_or_dismissed_with_costs_unknown_and_one_before_the_notice_is_refused()
    {
        var history = Restricted();
        var old = Given.Person([.. history, new ObjectionDecided(T.ProposalId, T.PersonId, false, "alt", "official-b")]).Proposals[T.ProposalId].Objection!;
        (old.Status, old.Costs, old.NoticeId).Should().Be((ObjectionStatus.Dismissed, (PlacementObjectionCosts?)null, (Guid?)null));

        object[] approved = [.. Proposed, .. Approve(Proposed, Terms()).ShouldAccept().Select(e => e.Event)];
        SanctionDecisions.FileObjection(Given.Person(approved), new FileObjection(T.ProposalId, T.Today.AddDays(-1), "früh", T.Caseworker), T.Today)
            .ShouldReject("objection-before-issue", RejectionKind.Unprocessable);
    }
}
