using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

public class PayoutDecisionsTests
{
    private static readonly Month October = new(2026, 10);
    private static readonly Month November = new(2026, 11);
    private static readonly DateOnly December2 = new(2026, 12, 2);

    private static (Person, HourLog) Worked(params (int Id, DateOnly Date, int Minutes)[] entries) =>
        Given.Worker(A.PlacedPerson(entries.Select(e => (object)A.HoursLogged(T.Id(e.Id), e.Date, e.Minutes)).ToArray()));

    private static PayoutRunPrepared Run(Decision d) =>
        d.ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId);

    private static IReadOnlyList<PayoutLine> Lines(Decision d) => Run(d).Lines;

    private static Decision Prepare(Month month, (Person, HourLog) person, RateTable? rates = null, params Decision[] earlier) =>
        PayoutDecisions.Prepare(month, [person], earlier.Select(d => PayoutRun.Evolve(null, Run(d))!), rates ?? RateTable.Default, "pay-1", December2);

    [Theory]
    [InlineData(2026, 11, "November 2026")]
    [InlineData(2027, 1, "Januar 2027")]
    [InlineData(2026, 3, "März 2026")]
    public void A_month_reads_in_German_as_staff_read_it(int year, int number, string expected) =>
        new Month(year, number).German.Should().Be(expected);

    [Theory]
    [InlineData(15, 80, 20)]
    [InlineData(45, 80, 60)]
    [InlineData(15, 105, 26)]   // 26.25
    [InlineData(30, 105, 53)]   // 52.5: half up
    [InlineData(45, 105, 79)]   // 78.75
    [InlineData(-30, 105, -53)] // a reduction rounds the same way, away from zero
    [InlineData(0, 80, 0)]
    public void Amount_rounds_once_half_up_to_whole_cents(int minutes, int rate, long cents)
    {
        RateTable.Amount(minutes, rate).Should().Be(cents);
    }

    [Fact]
    public void The_rate_is_versioned_by_date()
    {
        RateTable.Default.CentsOn(new DateOnly(2016, 8, 5)).Should().Be(105);
        RateTable.Default.CentsOn(new DateOnly(2016, 8, 6)).Should().Be(80);
        RateTable.Default.CentsOn(new DateOnly(2026, 10, 1)).Should().Be(80);
    }

    [Fact]
    public void A_month_is_paid_only_after_it_has_ended()
    {
        PayoutDecisions.Prepare(November, [Worked((1, T.D(2026, 11, 2), 60))], [], RateTable.Default, "pay-1", T.Today)
            .ShouldReject("month-not-ended", RejectionKind.Unprocessable);
    }

    [Fact]
    public void One_line_per_person_for_the_months_entries_rounded_once()
    {
        var rates = new RateTable([new(new DateOnly(1, 1, 1), 105)]);
        var person = Worked((1, T.D(2026, 10, 5), 15), (2, T.D(2026, 10, 6), 15), (3, T.D(2026, 10, 7), 15), (4, T.D(2026, 11, 2), 60));

        var decision = Prepare(October, person, rates);

        var line = Lines(decision).Should().ContainSingle().Subject;
        line.Minutes.Should().Be(45);
        line.AmountCents.Should().Be(79); // 45 × 105 / 60 = 78.75 → 79; rounding each entry (3 × 26) would give 78
        line.Arrears.Should().BeFalse();
        line.Entries.Select(e => e.EntryId).Should().BeEquivalentTo([T.Id(1), T.Id(2), T.Id(3)]);
        var run = Run(decision);
        run.RunId.Should().Be(PayoutRun.IdFor(October));
        run.TotalCents.Should().Be(79);
    }

    [Fact]
    public void Paid_entries_are_not_paid_again_and_late_or_corrected_ones_become_arrears()
    {
        var person = Worked((1, T.D(2026, 10, 5), 120), (2, T.D(2026, 10, 6), 60));
        var october = Prepare(October, person);
        Lines(october).Should().ContainSingle().Which.Minutes.Should().Be(180);
        Lines(Prepare(October, person, null, october)).Should().BeEmpty("what a run paid is never paid again");

        // Late entry for October, a correction of a paid entry, and November's own entries.
        person = person.Then(Decision.Accept(
            new(T.PersonId, A.HoursLogged(T.Id(3), T.D(2026, 10, 30), 45)),
            new(T.PersonId, A.HoursCorrected(T.Id(4), T.Id(1), T.D(2026, 10, 5), 90)),
            new(T.PersonId, A.HoursLogged(T.Id(5), T.D(2026, 11, 3), 30))));

        var lines = Lines(Prepare(November, person, null, october));

        lines.Should().HaveCount(2);
        var regular = lines.Single(l => !l.Arrears);
        regular.Minutes.Should().Be(30);
        regular.AmountCents.Should().Be(40);
        var arrears = lines.Single(l => l.Arrears);
        arrears.Minutes.Should().Be(45 - 30);
        arrears.AmountCents.Should().Be(20);
        arrears.Entries.Should().BeEquivalentTo([new EntryPayment(T.Id(1), -30), new EntryPayment(T.Id(3), 45)]);
    }

    [Fact]
    public void A_cancelled_entry_of_a_prepared_run_is_never_a_negative_line_but_is_netted_against_later_arrears()
    {
        var person = Worked((1, T.D(2026, 10, 5), 60));
        var october = Prepare(October, person);
        person = person.Then(Decision.Accept(new StreamEvent(T.PersonId, A.HoursCorrected(T.Id(2), T.Id(1), T.D(2026, 10, 5), 0))));

        Lines(Prepare(November, person, null, october)).Should().BeEmpty("v1's negative arrears are gone (contract v3b)");

        person = person.Then(Decision.Accept(new StreamEvent(T.PersonId, A.HoursLogged(T.Id(3), T.D(2026, 10, 20), 90))));
        var line = Lines(Prepare(November, person, null, october)).Should().ContainSingle().Subject;
        line.Arrears.Should().BeTrue();
        line.Minutes.Should().Be(30);
        line.AmountCents.Should().Be(40);
    }

    [Fact]
    public void A_person_with_nothing_due_gets_no_line()
    {
        Lines(Prepare(October, Worked((1, T.D(2026, 11, 2), 60)))).Should().BeEmpty();
    }

    [Fact]
    public void Release_needs_a_second_person_and_happens_once()
    {
        var run = PayoutRun.Evolve(null, new PayoutRunPrepared(PayoutRun.IdFor(October), "2026-10", "pay-1", [], 0))!;
        PayoutDecisions.Release(run, "pay-1").ShouldReject("four-eyes", RejectionKind.Forbidden);
        var released = PayoutRun.Evolve(run, PayoutDecisions.Release(run, "pay-2").ShouldAcceptSingle<PayoutRunReleased>(PayoutRun.LedgerId))!;
        released.Status.Should().Be(PayoutRunStatus.Released);
        released.ReleasedBy.Should().Be("pay-2");
        PayoutDecisions.Release(released, "pay-3").ShouldReject("already-released", RejectionKind.Conflict);
    }

    [Fact]
    public void Run_ids_are_fixed_per_month()
    {
        PayoutRun.IdFor(October).Should().Be(PayoutRun.IdFor(new Month(2026, 10)));
        PayoutRun.IdFor(October).Should().NotBe(PayoutRun.IdFor(November));
        Month.TryParse("2026-13", out _).Should().BeFalse();
        Month.TryParse("2026-1", out _).Should().BeFalse();
        Month.TryParse("9999-12", out _).Should().BeFalse();
        Month.TryParse("2026-01", out var m).Should().BeTrue();
        m.Should().Be(new Month(2026, 1));
    }
}
