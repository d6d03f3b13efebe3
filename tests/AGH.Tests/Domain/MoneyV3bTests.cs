using AGH.Domain.Common;
using AGH.Domain.Payouts;
using AGH.Domain.Persons;
using AGH.Domain.Placements;

namespace AGH.Tests.Domain;

/// <summary>Contract v3b "Money": expenses raise a line to their amount once; recoveries are opened only for released payments.</summary>
public class MoneyV3bTests
{
    private static readonly Month October = new(2026, 10);
    private static readonly Month November = new(2026, 11);
    private static readonly DateOnly December2 = new(2026, 12, 2);

    private static (Person, HourLog) Worked(params (int Id, DateOnly Date, int Minutes)[] entries) =>
        Given.Worker(A.PlacedPerson(entries.Select(e => (object)A.HoursLogged(T.Id(e.Id), e.Date, e.Minutes)).ToArray()));

    private static Expense Approved(Month month, long cents, int id = 50) =>
        new(T.Id(id), T.PersonId, Guid.Empty, "bad-iburg", month.ToString(), cents, "Fahrtkosten", "Belege", ExpenseStatus.Approved, "cw-1", "pay-1", "ok");

    private static PayoutRun Prepare(Month month, (Person, HourLog) person, IEnumerable<PayoutRun> earlier, params Expense[] expenses) =>
        PayoutRun.Evolve(null, PayoutDecisions.Prepare(month, [person], earlier, RateTable.Default, "pay-1", December2, expenses)
            .ShouldAcceptSingle<PayoutRunPrepared>(PayoutRun.LedgerId))!;

    [Fact]
    public void Hours_added_after_a_top_up_was_paid_only_replace_it_and_pay_nothing_twice()
    {
        // October: 60 min at 80 ct = 80 ct against 500 ct expenses → 500 paid (420 above the allowance).
        var person = Worked((1, T.D(2026, 10, 5), 60));
        var october = Prepare(October, person, [], Approved(October, 500));
        october.Lines.Should().ContainSingle().Which.Should().Match<PayoutLine>(l => l.AmountCents == 500 && l.ExpensesCents == 500 && l.Minutes == 60);

        // 240 more October minutes (320 ct) come in late: the month is still worth max(400, 500) = 500, so nothing more is due.
        person = person.Then(Decision.Accept(new StreamEvent(T.PersonId, A.HoursLogged(T.Id(2), T.D(2026, 10, 6), 240))));
        var november = Prepare(November, person, [october], Approved(October, 500));
        november.Lines.Where(l => l.Arrears).Sum(l => l.AmountCents).Should().Be(0);
    }

    [Fact]
    public void Expenses_of_a_month_not_above_its_allowance_change_nothing_but_show_on_the_line()
    {
        var person = Worked((1, T.D(2026, 10, 5), 600)); // 800 ct
        var line = Prepare(October, person, [], Approved(October, 300)).Lines.Should().ContainSingle().Subject;
        line.AmountCents.Should().Be(800);
        line.ExpensesCents.Should().Be(300);
    }

    [Fact]
    public void Only_a_correction_below_what_released_runs_paid_opens_a_recovery()
    {
        var paid = new ReleasedPayment(120, T.Id(90));
        RecoveryDecisions.OnCorrection(T.PersonId, "bad-iburg", T.Id(3), T.Id(1), T.Id(2), 30, null, 0, 80).Should().BeEmpty("nothing released paid it");
        RecoveryDecisions.OnCorrection(T.PersonId, "bad-iburg", T.Id(3), T.Id(1), T.Id(2), 150, paid, 0, 80).Should().BeEmpty("raised, not lowered");
        RecoveryDecisions.OnCorrection(T.PersonId, "bad-iburg", T.Id(3), T.Id(1), T.Id(2), 30, paid, 90, 80).Should().BeEmpty("already under recovery");
        var opened = (RecoveryOpened)RecoveryDecisions.OnCorrection(T.PersonId, "bad-iburg", T.Id(3), T.Id(1), T.Id(2), 30, paid, 30, 105).Single().Event;
        opened.Minutes.Should().Be(60);
        opened.AmountCents.Should().Be(105);
        opened.RunId.Should().Be(T.Id(90));
        opened.EntryId.Should().Be(T.Id(1));
    }

    [Fact]
    public void The_recorder_never_decides_and_a_decided_expense_is_not_decided_again()
    {
        var pending = Approved(October, 100) with { Status = ExpenseStatus.Pending, DecidedBy = null, Reasoning = null };
        ExpenseDecisions.Decide(pending, new DecideExpense(pending.Id, true, "ok", "cw-1")).Rejection!.Code.Should().Be("four-eyes");
        ExpenseDecisions.Decide(pending with { Status = ExpenseStatus.Rejected }, new DecideExpense(pending.Id, true, "ok", "pay-2")).Rejection!.Code
            .Should().Be("already-decided");
        ExpenseDecisions.Decide(pending, new DecideExpense(pending.Id, false, "keine Belege", "pay-2")).Events.Single().Event
            .Should().Be(new ExpenseDecided(T.PersonId, pending.Id, false, "keine Belege", "pay-2"));
    }
}
