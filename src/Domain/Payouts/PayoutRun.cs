using AGH.Domain.Placements;
using System.Globalization;
using AGH.Domain.Common;
using AGH.Domain.Persons;

namespace AGH.Domain.Payouts;

/// <summary>A calendar month, written YYYY-MM.</summary>
public readonly record struct Month(int Year, int Number) : IComparable<Month>
{
    public DateOnly First => new(Year, Number, 1);
    public DateOnly Last => First.AddMonths(1).AddDays(-1);
    public Month Previous => Number == 1 ? new(Year - 1, 12) : new(Year, Number - 1);

    public static Month Of(DateOnly day) => new(day.Year, day.Month);

    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (text is null || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return false;
        // Runs exist for the statute's lifetime, not for year 1 or 9999 (whose last day would overflow).
        if (d.Year is < 2000 or > 2200) return false;
        month = Of(d);
        return true;
    }

    public int CompareTo(Month other) => First.CompareTo(other.First);
    public override string ToString() => $"{Year:D4}-{Number:D2}";

    private static readonly string[] GermanNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    /// <summary>As staff and notices read it: "November 2026".</summary>
    public string German => $"{GermanNames[Number - 1]} {Year}";
}

/// <summary>The hourly allowance, versioned by the day it takes effect (§ 5 Abs. 2 AsylbLG: 1.05 EUR, 0.80 EUR from 6.8.2016).</summary>
public sealed record RatePeriod(DateOnly From, int Cents);

public sealed record RateTable(IReadOnlyList<RatePeriod> Periods)
{
    public static readonly RateTable Default = new([new(new DateOnly(1, 1, 1), 105), new(new DateOnly(2016, 8, 6), 80)]);

    public int CentsOn(DateOnly day) => Periods.Where(p => p.From <= day).OrderBy(p => p.From).Last().Cents;

    /// <summary>
    /// The documented rounding rule: minutes × rate / 60, rounded once per line to whole cents, half away from zero
    /// (kaufmännische Rundung; for the usual positive amounts this is "round half up").
    /// </summary>
    public static long Amount(int minutes, int rateCents) =>
        (long)Math.Round((decimal)minutes * rateCents / 60m, 0, MidpointRounding.AwayFromZero);
}

public sealed record EntryPayment(Guid EntryId, int Minutes);

/// <summary>One person's line of a run: what an auditor sees in the person's history (derived from the run, not stored apart).</summary>
public sealed record AllowanceComputed(
    Guid PersonId,
    Guid RunId,
    string Month,
    int Minutes,
    int RateCents,
    long AmountCents,
    bool Arrears,
    IReadOnlyList<EntryPayment> Entries) : IDomainEvent;

/// <summary>
/// One line of a run. <paramref name="ExpensesCents"/>: the approved expenses of the month the line pays (the month line) or of
/// the earlier months whose difference it pays (an arrears line); <paramref name="TopUps"/>: what the line pays above the
/// hourly allowance per month because the expenses were larger (§ 5 Abs. 2 AsylbLG), so a later run pays only the difference.
/// Lines stored before expenses existed read 0 and none.
/// </summary>
public sealed record PayoutLine(Guid PersonId, int Minutes, int RateCents, long AmountCents, bool Arrears, IReadOnlyList<EntryPayment> Entries,
    long ExpensesCents = 0, IReadOnlyList<ExpenseTopUp>? TopUps = null);

/// <summary>The part of a line paid because the month's approved expenses exceeded its hourly allowance.</summary>
public sealed record ExpenseTopUp(string Month, long Cents);

/// <summary>
/// Every run is an event on one payout ledger stream. Appending against the ledger's version serializes runs, so two
/// runs (the same month or two months) can never both pay an entry; and a run of 100,000 lines is one append.
/// </summary>
public sealed record PayoutRunPrepared(Guid RunId, string Month, string PreparedBy, IReadOnlyList<PayoutLine> Lines, long TotalCents) : IStartsStream;

public sealed record PayoutRunReleased(Guid RunId, string Month, string ReleasedBy) : IDomainEvent;

/// <summary>A payroll clerk checked the run (first pair of eyes); needed before a scheduled run can be released.</summary>
public sealed record PayoutRunReviewed(Guid RunId, string Month, string ReviewedBy) : IDomainEvent;

/// <summary>The run was not released: its lines count as unpaid again and a new run of the month may be prepared.</summary>
public sealed record PayoutRunRejected(Guid RunId, string Month, string RejectedBy, string Reason) : IDomainEvent;

/// <summary>
/// Payroll sent the released run's file to the cash office (Kreiskasse): which copy (sequence from 1), by whom, when,
/// and what was sent (SHA-256 of the bytes, data rows, sum of the amounts), so a second payment file is never unnoticed.
/// </summary>
public sealed record PayoutRunExported(Guid RunId, string Month, int Sequence, string ExportedBy, DateTimeOffset At, string Sha256, int LineCount,
    long ControlTotalCents) : IDomainEvent;

public sealed record PayoutExport(int Sequence, string ExportedBy, DateTimeOffset At, string Sha256, int LineCount, long ControlTotalCents);

/// <summary>The run's CSV as built for an export: what the decision records about it.</summary>
public sealed record PayoutFile(string Sha256, int LineCount, long ControlTotalCents);

public enum PayoutRunStatus
{
    Prepared,
    Reviewed,
    Released,
    Rejected,
}

public sealed record PayoutRun(
    Guid Id,
    string Month,
    string PreparedBy,
    IReadOnlyList<PayoutLine> Lines,
    long TotalCents,
    PayoutRunStatus Status,
    string? ReleasedBy)
{
    public static readonly Guid LedgerId = Guid.Parse("a9b0c7de-5e11-4a6f-8f3a-000000000001");

    /// <summary>The preparer recorded for runs the monthly schedule prepares.</summary>
    public const string Schedule = "system:payout-schedule";

    public string? ReviewedBy { get; init; }

    public string? RejectedBy { get; init; }

    public string? RejectionReason { get; init; }

    /// <summary>Every export payroll made, oldest first; runs released before exports were recorded start with none.</summary>
    public IReadOnlyList<PayoutExport> Exports { get; init; } = [];

    /// <summary>The cash office's file name: the first copy plain, every later one marked as a duplicate.</summary>
    public string FileName(int sequence) =>
        sequence <= 1 ? $"aufwandsentschaedigung-{Month}.csv" : $"aufwandsentschaedigung-{Month}-DUPLIKAT-{sequence}.csv";

    public bool IsScheduled => PreparedBy == Schedule;

    /// <summary>
    /// A month's run id derives from the month and the attempt, the number of its runs rejected before it: concurrent
    /// prepares of the same attempt collide on one id, and a rejection makes room for exactly one new run.
    /// </summary>
    public static Guid IdFor(Month month, int attempt = 0) =>
        DeterministicId.From("agh:payout-run:" + month + (attempt == 0 ? "" : ":" + attempt));

    public static PayoutRun? Evolve(PayoutRun? state, object @event) => (state, @event) switch
    {
        (null, PayoutRunPrepared e) => new PayoutRun(e.RunId, e.Month, e.PreparedBy, e.Lines, e.TotalCents, PayoutRunStatus.Prepared, null),
        (not null, PayoutRunReviewed e) => state with { Status = PayoutRunStatus.Reviewed, ReviewedBy = e.ReviewedBy },
        (not null, PayoutRunReleased e) => state with { Status = PayoutRunStatus.Released, ReleasedBy = e.ReleasedBy },
        (not null, PayoutRunRejected e) => state with { Status = PayoutRunStatus.Rejected, RejectedBy = e.RejectedBy, RejectionReason = e.Reason },
        (not null, PayoutRunExported e) => state with
        {
            Exports = [.. state.Exports, new PayoutExport(e.Sequence, e.ExportedBy, e.At, e.Sha256, e.LineCount, e.ControlTotalCents)],
        },
        _ => state,
    };

    public IEnumerable<AllowanceComputed> LinesOf(Guid personId) => Lines.Where(l => l.PersonId == personId)
        .Select(l => new AllowanceComputed(l.PersonId, Id, Month, l.Minutes, l.RateCents, l.AmountCents, l.Arrears, l.Entries));
}

public static class PayoutDecisions
{
    /// <summary>
    /// Pays every hour entry dated in or before the month that no earlier run paid: per person one line for the month's
    /// entries and one arrears line for older unpaid entries and corrections of paid ones. A line is never negative:
    /// a reduction of a released payment is a recovery (not netted); one of a payment only prepared is netted where the
    /// line stays at or above 0.
    /// The run gets the id of the month's next attempt; rejected runs paid nothing. Each person comes with their hours
    /// dated in or before the month.
    /// </summary>
    /// <remarks><paramref name="approvedExpenses"/>: the approved expenses of months up to the run's month (any persons).</remarks>
    public static Decision Prepare(Month month, IEnumerable<(Person Person, HourLog Hours)> persons, IEnumerable<PayoutRun> earlierRuns, RateTable rates,
        string preparedBy, DateOnly today, IEnumerable<Expense>? approvedExpenses = null, IEnumerable<Recovery>? recoveries = null)
    {
        if (month.Last >= today)
            return Rejection.Unprocessable("month-not-ended", $"{month} has not ended yet.");
        var runs = earlierRuns.ToList();
        var paid = Paid(runs);
        // Minutes under recovery are settled by the Erstattungsbescheid (or waived), never by netting against a payment.
        foreach (var r in recoveries ?? [])
            if (paid.ContainsKey(r.EntryId)) paid[r.EntryId] -= r.Minutes;
        var topUpsPaid = TopUpsPaid(runs);
        var expenses = (approvedExpenses ?? []).Where(e => e.Status == ExpenseStatus.Approved)
            .ToLookup(e => e.PersonId);
        var lines = persons.OrderBy(p => p.Person.Id)
            .SelectMany(p => Lines(p.Person, p.Hours, paid, month, rates, expenses[p.Person.Id].ToList(), topUpsPaid)).ToList();
        var runId = PayoutRun.IdFor(month, Attempt(month, runs));
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId,
            new PayoutRunPrepared(runId, month.ToString(), preparedBy, lines, lines.Sum(l => l.AmountCents))));
    }

    /// <summary>The number of the month's runs that were rejected: the attempt a new run of the month is.</summary>
    public static int Attempt(Month month, IEnumerable<PayoutRun> runs)
    {
        var text = month.ToString();
        return runs.Count(r => r.Month == text && r.Status == PayoutRunStatus.Rejected);
    }

    /// <summary>The month's run that stands (not rejected), if any: asking again returns it.</summary>
    public static PayoutRun? Current(Month month, IEnumerable<PayoutRun> runs)
    {
        var text = month.ToString();
        return runs.FirstOrDefault(r => r.Month == text && r.Status != PayoutRunStatus.Rejected);
    }

    /// <summary>Minutes already paid per hour entry (keyed by the original entry id), over all earlier runs not rejected.</summary>
    public static Dictionary<Guid, int> Paid(IEnumerable<PayoutRun> runs)
    {
        var paid = new Dictionary<Guid, int>();
        foreach (var entry in runs.Where(r => r.Status != PayoutRunStatus.Rejected).SelectMany(r => r.Lines).SelectMany(l => l.Entries))
            paid[entry.EntryId] = paid.GetValueOrDefault(entry.EntryId) + entry.Minutes;
        return paid;
    }

    /// <summary>What earlier runs not rejected paid above the hourly allowance, per person and month.</summary>
    public static Dictionary<(Guid PersonId, string Month), long> TopUpsPaid(IEnumerable<PayoutRun> runs)
    {
        var paid = new Dictionary<(Guid, string), long>();
        foreach (var line in runs.Where(r => r.Status != PayoutRunStatus.Rejected).SelectMany(r => r.Lines))
            foreach (var topUp in line.TopUps ?? [])
                paid[(line.PersonId, topUp.Month)] = paid.GetValueOrDefault((line.PersonId, topUp.Month)) + topUp.Cents;
        return paid;
    }

    public static IEnumerable<PayoutLine> Lines(Person person, HourLog hours, IReadOnlyDictionary<Guid, int> paid, Month month, RateTable rates,
        IReadOnlyList<Expense>? expenses = null, IReadOnlyDictionary<(Guid PersonId, string Month), long>? topUpsPaid = null)
    {
        var lines = HourlyLines(person, hours, paid, month, rates).ToList();
        if (expenses is not { Count: > 0 }) return lines;
        return WithExpenses(person, hours, month, rates, lines, expenses, topUpsPaid ?? new Dictionary<(Guid, string), long>());
    }

    /// <summary>
    /// § 5 Abs. 2 AsylbLG: a month pays the larger of its hourly allowance and its approved expenses. The part above the
    /// allowance (the top-up) goes on the month's line; a top-up of an earlier month that changed since it was paid (expenses
    /// approved after its run, hours corrected since) goes, as the difference, on the arrears line. A month with expenses
    /// and no line gets one with 0 minutes; a line never falls below 0.
    /// </summary>
    private static List<PayoutLine> WithExpenses(Person person, HourLog hours, Month month, RateTable rates, List<PayoutLine> lines,
        IReadOnlyList<Expense> expenses, IReadOnlyDictionary<(Guid PersonId, string Month), long> topUpsPaid)
    {
        var effective = person.Placements.Values
            .SelectMany(p => hours.EffectiveOf(p.PlacementId).Where(e => p.Covers(e.Date)))
            .Where(e => e.Date <= month.Last).ToList();
        var changes = expenses.Where(e => Month.TryParse(e.Month, out var m) && m.CompareTo(month) <= 0)
            .GroupBy(e => e.Month).OrderBy(g => g.Key)
            .Select(g =>
            {
                Month.TryParse(g.Key, out var m);
                var hourly = effective.Where(e => Month.Of(e.Date) == m).GroupBy(e => rates.CentsOn(e.Date))
                    .Sum(r => RateTable.Amount(r.Sum(e => e.Minutes), r.Key));
                var expensesCents = g.Sum(e => e.AmountCents);
                var due = Math.Max(0, expensesCents - hourly);
                return (Month: m, ExpensesCents: expensesCents, Delta: due - topUpsPaid.GetValueOrDefault((person.Id, g.Key)));
            }).ToList();

        void Apply(bool arrears, IReadOnlyList<(Month Month, long ExpensesCents, long Delta)> months)
        {
            if (months.Count == 0) return;
            var index = lines.FindIndex(l => l.Arrears == arrears);
            if (index < 0)
            {
                if (months.Sum(m => m.Delta) <= 0) return;
                lines.Add(new PayoutLine(person.Id, 0, rates.CentsOn(months[^1].Month.Last), 0, arrears, []));
                index = lines.Count - 1;
            }
            var line = lines[index];
            var amount = line.AmountCents;
            var topUps = new List<ExpenseTopUp>(line.TopUps ?? []);
            foreach (var m in months.Where(m => m.Delta != 0))
            {
                var applied = Math.Max(m.Delta, -amount);
                if (applied == 0) continue;
                amount += applied;
                topUps.Add(new ExpenseTopUp(m.Month.ToString(), applied));
            }
            lines[index] = line with { AmountCents = amount, ExpensesCents = months.Sum(m => m.ExpensesCents), TopUps = topUps.Count == 0 ? null : topUps };
        }

        Apply(false, changes.Where(c => c.Month == month).ToList());
        Apply(true, changes.Where(c => c.Month != month && c.Delta != 0).ToList());
        return lines.OrderBy(l => l.Arrears).ThenByDescending(l => l.RateCents).ToList();
    }

    private static IEnumerable<PayoutLine> HourlyLines(Person person, HourLog hours, IReadOnlyDictionary<Guid, int> paid, Month month, RateTable rates)
    {
        // Only hours inside their placement's period are owed; one outside it (left from before ends checked for hours)
        // is worth 0, so what a run paid for it is paid back as arrears.
        var due = person.Placements.Values
            .SelectMany(p => hours.EffectiveOf(p.PlacementId).Select(e => (Chain: e.CorrectsEntryId ?? e.EntryId, e.Date, Minutes: p.Covers(e.Date) ? e.Minutes : 0)))
            .Where(x => x.Date <= month.Last)
            .Select(x => (x.Chain, x.Date, Delta: x.Minutes - paid.GetValueOrDefault(x.Chain), WasPaid: paid.ContainsKey(x.Chain)))
            .Where(x => x.Delta != 0)
            .Select(x => (x.Chain, x.Delta, Rate: rates.CentsOn(x.Date), Arrears: x.Date < month.First || x.WasPaid));

        // No negative payment (contract v3b): a reduction the line cannot absorb is left unpaid-back, so a later run with
        // something to pay settles it; reductions of released payments never get here (they are recovered, see Prepare).
        return due
            .GroupBy(x => (x.Arrears, x.Rate))
            .OrderBy(g => g.Key.Arrears).ThenByDescending(g => g.Key.Rate)
            .Select(g => g.Sum(x => x.Delta) >= 0 ? g.ToList() : g.Where(x => x.Delta > 0).ToList())
            .Where(items => items.Count > 0)
            .Select(items =>
            {
                var (arrears, rate) = (items[0].Arrears, items[0].Rate);
                var minutes = items.Sum(x => x.Delta);
                return new PayoutLine(person.Id, minutes, rate, RateTable.Amount(minutes, rate), arrears,
                    items.Select(x => new EntryPayment(x.Chain, x.Delta)).OrderBy(x => x.EntryId).ToList());
            });
    }

    /// <summary>
    /// Vier-Augen-Prinzip: a payroll clerk checks the run. Nobody checks a run they prepared themselves (the check would
    /// be no second pair of eyes); a run prepared by the schedule has had no eyes yet, so anyone in payroll may check it.
    /// </summary>
    public static Decision Review(PayoutRun run, string reviewedBy)
    {
        if (Closed(run) is { } closed) return closed;
        if (run.Status == PayoutRunStatus.Reviewed)
            return Rejection.Conflict("already-reviewed", $"The run was reviewed by {run.ReviewedBy}.");
        if (run.PreparedBy == reviewedBy)
            return Rejection.Forbidden("four-eyes", "The person who prepared the run cannot review it (Vier-Augen-Prinzip).");
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId, new PayoutRunReviewed(run.Id, run.Month, reviewedBy)));
    }

    /// <summary>
    /// Vier-Augen-Prinzip: the releaser is neither the preparer nor the reviewer. A run the schedule prepared was checked
    /// by nobody, so it needs a review by one clerk and the release by another.
    /// </summary>
    public static Decision Release(PayoutRun run, string releasedBy)
    {
        if (run.Status == PayoutRunStatus.Released)
            return Rejection.Conflict("already-released", $"The run was released by {run.ReleasedBy}.");
        if (run.Status == PayoutRunStatus.Rejected)
            return Rejection.Conflict("run-rejected", $"The run was rejected by {run.RejectedBy}; prepare a new run of {run.Month}.");
        if (run.PreparedBy == releasedBy)
            return Rejection.Forbidden("four-eyes", "The person who prepared the run cannot release it (Vier-Augen-Prinzip).");
        if (run.IsScheduled && run.ReviewedBy is null)
            return Rejection.Forbidden("four-eyes", "A run prepared by the schedule must be reviewed by one payroll clerk before another releases it (Vier-Augen-Prinzip).");
        if (run.ReviewedBy == releasedBy)
            return Rejection.Forbidden("four-eyes", "The person who reviewed the run cannot also release it (Vier-Augen-Prinzip).");
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId, new PayoutRunReleased(run.Id, run.Month, releasedBy)));
    }

    /// <summary>
    /// Before release a run may be rejected, also by its preparer (rejecting pays nobody); its lines count as unpaid again.
    /// </summary>
    public static Decision Reject(PayoutRun run, string rejectedBy, string reason)
    {
        if (Closed(run) is { } closed) return closed;
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId, new PayoutRunRejected(run.Id, run.Month, rejectedBy, reason)));
    }

    /// <summary>
    /// Payroll's export is recorded: the first copy plainly; every later one only when asked for as a duplicate, so a
    /// second payment file for the cash office is always deliberate. Only a released run is exported (checked first).
    /// </summary>
    public static Decision Export(PayoutRun run, string exportedBy, bool duplicate, PayoutFile file, DateTimeOffset at)
    {
        if (NotReleased(run) is { } notReleased) return notReleased;
        if (duplicate && run.Exports.Count == 0)
            return Rejection.Conflict("not-exported", "The run was never exported; the first export is not a duplicate.");
        if (!duplicate && run.Exports.Count > 0)
            return Rejection.Conflict("already-exported",
                $"The run was exported {run.Exports.Count} time(s), last by {run.Exports[^1].ExportedBy}; ask for a duplicate (duplicate=true) to export it again.");
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId, new PayoutRunExported(run.Id, run.Month, run.Exports.Count + 1, exportedBy, at,
            file.Sha256, file.LineCount, file.ControlTotalCents)));
    }

    /// <summary>An auditor reads the latest recorded export and records nothing; before the first there is none to read.</summary>
    public static Rejection? Readable(PayoutRun run) =>
        NotReleased(run) ?? (run.Exports.Count == 0 ? Rejection.Conflict("not-exported", "Payroll has not exported the run yet.") : null);

    // The cash office pays what two people released, nothing else.
    private static Rejection? NotReleased(PayoutRun run) => run.Status == PayoutRunStatus.Released
        ? null
        : Rejection.Conflict("run-not-released", $"The run is {run.Status.ToString().ToLowerInvariant()}; only a released run is exported.");

    private static Rejection? Closed(PayoutRun run) => run.Status switch
    {
        PayoutRunStatus.Released => Rejection.Conflict("run-released", $"The run was released by {run.ReleasedBy}; it is with the cash office."),
        PayoutRunStatus.Rejected => Rejection.Conflict("run-rejected", $"The run was rejected by {run.RejectedBy}."),
        _ => null,
    };
}
