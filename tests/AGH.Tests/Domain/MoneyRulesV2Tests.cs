using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>
/// Contract v2 "Placements and hours": hours belong inside the offer and the placement; an end leaves no hours behind it.
/// The default placement runs from Monday 2026-10-05 (notice 2026-10-01); today is Wednesday 2026-11-25.
/// </summary>
public class PlacementPeriodTests
{
    private static readonly DateOnly OfferEnd = T.D(2026, 11, 13);

    private static Decision Log(object[] history, DateOnly date, int minutes, DateOnly? offerEndsOn)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.LogHours(person, placement, Given.Hours(history), new LogHours(T.PlacementId, T.Id(50), date, minutes), Policy.Default, T.Today, offerEndsOn);
    }

    private static Decision Correct(object[] history, Guid entryId, int minutes, DateOnly? offerEndsOn)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.CorrectHours(person, placement, Given.Hours(history), new CorrectHours(T.PlacementId, entryId, T.Id(60), minutes, "Berichtigung"),
            Policy.Default, offerEndsOn);
    }

    private static Decision End(object[] history, DateOnly date, DateOnly? today = null)
    {
        var (person, placement) = Given.Placed(history);
        return PlacementDecisions.End(person, placement, new EndPlacement(T.PlacementId, date, EndReason.RegularEmployment, null), Given.Hours(history), today ?? T.Today);
    }

    [Fact]
    public void Hours_after_the_offers_end_are_outside_the_offer()
    {
        Log(A.PlacedPerson(), OfferEnd.AddDays(3), 60, OfferEnd).ShouldReject("outside-offer", RejectionKind.Unprocessable);
    }

    [Fact]
    public void Hours_on_the_offers_last_day_and_in_an_open_ended_offer_count()
    {
        Log(A.PlacedPerson(), OfferEnd, 60, OfferEnd).ShouldAccept();
        Log(A.PlacedPerson(), OfferEnd.AddDays(3), 60, offerEndsOn: null).ShouldAccept();
    }

    [Fact]
    public void A_correction_after_the_offers_end_may_only_cancel_the_entry()
    {
        var history = A.PlacedPerson(A.HoursLogged(T.Id(1), OfferEnd.AddDays(3), 120));

        Correct(history, T.Id(1), 60, OfferEnd).ShouldReject("outside-offer", RejectionKind.Unprocessable);
        Correct(history, T.Id(1), 0, OfferEnd).ShouldAccept();
    }

    [Fact]
    public void A_correction_after_the_placements_end_may_only_cancel_the_entry()
    {
        // Left from before v2: an entry after the last day of work.
        var history = A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 20), 120), A.PlacementEnded(T.D(2026, 11, 10)));

        Correct(history, T.Id(1), 60, null).ShouldReject("outside-placement", RejectionKind.Unprocessable);
        Correct(history, T.Id(1), 0, null).ShouldAccept();
    }

    [Fact]
    public void A_placement_cannot_end_before_effective_hours_and_the_detail_names_their_dates()
    {
        var history = A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 60), A.HoursLogged(T.Id(2), T.D(2026, 11, 18), 60),
            A.HoursLogged(T.Id(3), T.D(2026, 11, 9), 60));

        var rejection = End(history, T.D(2026, 11, 13)).ShouldReject("hours-after-end", RejectionKind.Unprocessable);

        rejection.Detail.Should().Contain("2026-11-16").And.Contain("2026-11-18").And.NotContain("2026-11-09");
    }

    [Fact]
    public void Hours_corrected_to_zero_do_not_hold_up_the_end()
    {
        var history = A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 60), A.HoursCorrected(T.Id(2), T.Id(1), T.D(2026, 11, 16), 0));

        End(history, T.D(2026, 11, 13)).ShouldAccept();
    }

    [Fact]
    public void Hours_on_the_last_day_of_work_do_not_hold_up_the_end()
    {
        End(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 13), 60)), T.D(2026, 11, 13)).ShouldAccept();
    }

    [Fact]
    public void The_entitlement_cannot_end_before_effective_hours_of_any_placement()
    {
        var (person, hours) = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 16), 60)));

        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 13), "Ausreise"), hours, T.Today)
            .ShouldReject("hours-after-end", RejectionKind.Unprocessable).Detail.Should().Contain("2026-11-16");
        PersonDecisions.EndEntitlement(person, new EndEntitlement(T.PersonId, T.D(2026, 11, 16), "Ausreise"), hours, T.Today).ShouldAccept();
    }

    [Fact]
    public void A_placement_not_yet_begun_may_end_on_any_day_from_its_notice_to_today()
    {
        object[] future = [A.PersonRegistered(), A.PersonAssigned(noticeServedOn: T.D(2026, 11, 10), startsOn: T.D(2026, 12, 7))];

        End(future, T.D(2026, 11, 10)).ShouldAccept();
        End(future, T.Today).ShouldAccept();
        End(future, T.D(2026, 11, 9)).ShouldReject("end-before-start", RejectionKind.Unprocessable);
        End(future, T.Today.AddDays(1)).ShouldReject("date-in-future", RejectionKind.Unprocessable);
    }

    [Fact]
    public void A_placement_not_yet_begun_frees_its_place_at_once_when_ended()
    {
        object[] future = [A.PersonRegistered(), A.PersonAssigned(noticeServedOn: T.D(2026, 11, 10), startsOn: T.D(2026, 12, 7))];
        var decision = End(future, T.D(2026, 11, 20));

        Given.Offer(A.OfferRegistered(places: 1), A.PlaceOccupied()).Then(decision).Free.Should().Be(1);
        Given.Person(future).Then(decision).ActivePlacement.Should().BeNull();
    }

    [Fact]
    public void A_placement_that_has_begun_still_cannot_end_before_its_start()
    {
        End(A.PlacedPerson(), T.D(2026, 10, 2)).ShouldReject("end-before-start", RejectionKind.Unprocessable);
    }
}

/// <summary>Contract v2: a payout pays only effective entries inside their placement's period.</summary>
public class PayoutPeriodTests
{
    private static readonly Month November = new(2026, 11);
    private static readonly DateOnly December2 = new(2026, 12, 2);

    private static IReadOnlyList<PayoutLine> Lines((Person, HourLog) person, params PayoutRun[] earlier) =>
        PayoutDecisions.Prepare(November, [person], earlier, RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId).Lines;

    [Fact]
    public void A_payout_pays_only_entries_inside_the_placements_period()
    {
        // Left from before v2: an entry after the last day of work.
        var person = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 11, 10), 60), A.HoursLogged(T.Id(2), T.D(2026, 11, 20), 120),
            A.PlacementEnded(T.D(2026, 11, 13))));

        var line = Lines(person).Should().ContainSingle().Subject;
        line.Minutes.Should().Be(60);
        line.Entries.Should().Equal(new EntryPayment(T.Id(1), 60));
    }

    [Fact]
    public void What_was_paid_for_an_entry_now_outside_the_period_is_never_a_negative_line()
    {
        var october = new PayoutRun(T.Id(90), "2026-10", "pay-1", [new PayoutLine(T.PersonId, 120, 80, 160, false, [new EntryPayment(T.Id(2), 120)])],
            160, PayoutRunStatus.Released, "pay-2");
        var person = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(2), T.D(2026, 10, 20), 120), A.PlacementEnded(T.D(2026, 10, 13))));

        Lines(person, october).Should().BeEmpty("no negative payment ever (contract v3b)");
    }
}

/// <summary>Contract v2 "Payout runs": review, release by a second clerk, rejection.</summary>
public class PayoutRunLifecycleTests
{
    private static readonly Month October = new(2026, 10);
    private static readonly DateOnly December2 = new(2026, 12, 2);

    private static PayoutRun Prepared(string by) =>
        PayoutRun.Evolve(null, new PayoutRunPrepared(PayoutRun.IdFor(October), "2026-10", by, [], 0))!;

    private static PayoutRun Then(PayoutRun run, Decision d) =>
        d.ShouldAccept().Aggregate(run, (r, e) => PayoutRun.Evolve(r, e.Event)!);

    [Fact]
    public void A_scheduled_run_is_released_only_after_a_review_by_another_payroll_clerk()
    {
        var run = Prepared(PayoutRun.Schedule);
        run.IsScheduled.Should().BeTrue();
        PayoutDecisions.Release(run, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);

        var reviewed = Then(run, PayoutDecisions.Review(run, "pay-1"));
        reviewed.Status.Should().Be(PayoutRunStatus.Reviewed);
        reviewed.ReviewedBy.Should().Be("pay-1");
        PayoutDecisions.Release(reviewed, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);

        var released = Then(reviewed, PayoutDecisions.Release(reviewed, "pay-2"));
        released.Status.Should().Be(PayoutRunStatus.Released);
        released.ReleasedBy.Should().Be("pay-2");
    }

    [Fact]
    public void A_run_prepared_by_a_person_needs_only_a_releaser_who_did_not_prepare_it()
    {
        var run = Prepared("pay-1");
        PayoutDecisions.Release(run, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);
        Then(run, PayoutDecisions.Release(run, "pay-2")).Status.Should().Be(PayoutRunStatus.Released);
    }

    [Fact]
    public void Nobody_reviews_a_run_they_prepared_and_a_reviewer_never_releases()
    {
        var run = Prepared("pay-1");
        PayoutDecisions.Review(run, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);

        var reviewed = Then(run, PayoutDecisions.Review(run, "pay-2"));
        PayoutDecisions.Review(reviewed, "pay-3").ShouldReject("already-reviewed", RejectionKind.Conflict);
        PayoutDecisions.Release(reviewed, "pay-2").ShouldReject("four-eyes", RejectionKind.Forbidden);
        PayoutDecisions.Release(reviewed, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);
        Then(reviewed, PayoutDecisions.Release(reviewed, "pay-3")).Status.Should().Be(PayoutRunStatus.Released);
    }

    [Fact]
    public void A_rejected_run_can_be_neither_reviewed_nor_released_and_a_released_one_not_rejected()
    {
        var run = Prepared("pay-1");
        var rejected = Then(run, PayoutDecisions.Reject(run, "pay-1", "Stunden eines Trägers fehlen"));
        rejected.Status.Should().Be(PayoutRunStatus.Rejected);
        rejected.RejectedBy.Should().Be("pay-1");
        rejected.RejectionReason.Should().Be("Stunden eines Trägers fehlen");
        PayoutDecisions.Release(rejected, "pay-2").ShouldReject("run-rejected", RejectionKind.Conflict);
        PayoutDecisions.Review(rejected, "pay-2").ShouldReject("run-rejected", RejectionKind.Conflict);
        PayoutDecisions.Reject(rejected, "pay-2", "nochmal").ShouldReject("run-rejected", RejectionKind.Conflict);

        var released = Then(run, PayoutDecisions.Release(run, "pay-2"));
        PayoutDecisions.Reject(released, "pay-3", "zu spät").ShouldReject("run-released", RejectionKind.Conflict);
        PayoutDecisions.Review(released, "pay-3").ShouldReject("run-released", RejectionKind.Conflict);
    }

    [Fact]
    public void A_rejected_runs_lines_count_as_unpaid_again_and_the_new_run_of_the_month_has_a_new_id()
    {
        var person = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 10, 6), 60), A.HoursLogged(T.Id(2), T.D(2026, 10, 7), 30)));
        var first = PayoutRun.Evolve(null, PayoutDecisions.Prepare(October, [person], [], RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId))!;
        PayoutDecisions.Current(October, [first]).Should().Be(first);

        var rejected = Then(first, PayoutDecisions.Reject(first, "pay-2", "falscher Satz"));
        PayoutDecisions.Current(October, [rejected]).Should().BeNull();
        PayoutDecisions.Paid([rejected]).Should().BeEmpty();

        var second = PayoutDecisions.Prepare(October, [person], [rejected], RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId);
        second.RunId.Should().Be(PayoutRun.IdFor(October, 1)).And.NotBe(first.Id);
        second.Lines.Should().BeEquivalentTo(first.Lines, "the new run pays exactly the same entries");
    }

    [Fact]
    public void A_rejected_months_entries_are_paid_once_by_the_next_months_run_as_arrears_when_the_month_is_not_prepared_again()
    {
        var november = new Month(2026, 11);
        var person = Given.Worker(A.PlacedPerson(A.HoursLogged(T.Id(1), T.D(2026, 10, 6), 60), A.HoursLogged(T.Id(2), T.D(2026, 11, 3), 30)));
        var first = PayoutRun.Evolve(null, PayoutDecisions.Prepare(October, [person], [], RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId))!;
        var rejected = Then(first, PayoutDecisions.Reject(first, "pay-2", "falscher Satz"));

        var next = PayoutDecisions.Prepare(november, [person], [rejected], RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId);
        next.Lines.Single(l => l.Arrears).Entries.Should().Equal(new EntryPayment(T.Id(1), 60));
        var nextRun = PayoutRun.Evolve(null, next)!;

        PayoutDecisions.Prepare(October, [person], [rejected, nextRun], RateTable.Default, "pay-1", December2)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId).Lines.Should().BeEmpty("the arrears line paid them already");
    }

    [Fact]
    public void Run_ids_derive_from_month_and_attempt()
    {
        PayoutRun.IdFor(October, 0).Should().Be(PayoutRun.IdFor(October));
        PayoutRun.IdFor(October, 1).Should().NotBe(PayoutRun.IdFor(October)).And.NotBe(PayoutRun.IdFor(October, 2));
    }
}

/// <summary>Contract v2 "Persons and eligibility": the retention period counts from the closing of the case.</summary>
public class RetentionTests
{
    [Fact]
    public void A_case_closes_only_when_the_entitlement_has_ended_and_no_placement_is_active()
    {
        Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2019, 11, 1)))).ClosedOn.Should().BeNull("the entitlement continues");
        Given.Person(A.PlacedPerson(A.EntitlementEnded(T.D(2026, 11, 1)))).ClosedOn.Should().BeNull("a placement is active");
        Given.Person(A.PersonRegistered(), A.EntitlementEnded(T.D(2026, 11, 1))).ClosedOn.Should().Be(T.D(2026, 11, 1));
    }

    [Fact]
    public void The_retention_period_counts_from_the_later_of_entitlement_end_and_last_placement_end()
    {
        Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2026, 11, 10)), A.EntitlementEnded(T.D(2026, 11, 1)))).ClosedOn.Should().Be(T.D(2026, 11, 10));
        Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2026, 10, 10)), A.EntitlementEnded(T.D(2026, 11, 1)))).ClosedOn.Should().Be(T.D(2026, 11, 1));
    }

    [Fact]
    public void A_person_whose_entitlement_continues_is_never_erased()
    {
        var person = Given.Person(A.PlacedPerson(A.PlacementEnded(T.D(2010, 11, 1))));

        PersonDecisions.Erase(person, 6, T.Today).ShouldReject("case-open", RejectionKind.Conflict);
    }

    [Fact]
    public void A_person_is_erased_once_the_retention_period_after_the_entitlement_end_has_run_out()
    {
        var person = Given.Person(A.PersonRegistered(), A.EntitlementEnded(T.D(2020, 11, 1)));

        PersonDecisions.Erase(person, 6, T.D(2026, 10, 31)).ShouldReject("retention-running", RejectionKind.Conflict);
        PersonDecisions.Erase(person, 6, T.D(2026, 11, 1)).ShouldAcceptSingle<PersonDataErased>(T.PersonId).ClosedOn.Should().Be(T.D(2020, 11, 1));
    }
}
