using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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
    IReadOnlyList<EntryPayment> Entries);

public sealed record PayoutLine(Guid PersonId, int Minutes, int RateCents, long AmountCents, bool Arrears, IReadOnlyList<EntryPayment> Entries);

/// <summary>
/// Every run is an event on one payout ledger stream. Appending against the ledger's version serializes runs, so two
/// runs (the same month or two months) can never both pay an entry; and a run of 100,000 lines is one append.
/// </summary>
public sealed record PayoutRunPrepared(Guid RunId, string Month, string PreparedBy, IReadOnlyList<PayoutLine> Lines, long TotalCents) : IStartsStream;

public sealed record PayoutRunReleased(Guid RunId, string Month, string ReleasedBy);

public enum PayoutRunStatus
{
    Prepared,
    Released,
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

    /// <summary>One run per month: its id derives from the month.</summary>
    public static Guid IdFor(Month month)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("agh:payout-run:" + month));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static PayoutRun? Evolve(PayoutRun? state, object @event) => (state, @event) switch
    {
        (null, PayoutRunPrepared e) => new PayoutRun(e.RunId, e.Month, e.PreparedBy, e.Lines, e.TotalCents, PayoutRunStatus.Prepared, null),
        (not null, PayoutRunReleased e) => state with { Status = PayoutRunStatus.Released, ReleasedBy = e.ReleasedBy },
        _ => state,
    };

    public IEnumerable<AllowanceComputed> LinesOf(Guid personId) => Lines.Where(l => l.PersonId == personId)
        .Select(l => new AllowanceComputed(l.PersonId, Id, Month, l.Minutes, l.RateCents, l.AmountCents, l.Arrears, l.Entries));
}

public static class PayoutDecisions
{
    /// <summary>
    /// Pays every hour entry dated in or before the month that no earlier run paid: per person one line for the month's
    /// entries and one arrears line for older unpaid entries and corrections of paid ones (negative when reduced).
    /// </summary>
    public static Decision Prepare(Month month, IEnumerable<Person> persons, IEnumerable<PayoutRun> earlierRuns, RateTable rates,
        string preparedBy, DateOnly today)
    {
        if (month.Last >= today)
            return Rejection.Unprocessable("month-not-ended", $"{month} has not ended yet.");
        var paid = Paid(earlierRuns);
        var lines = persons.OrderBy(p => p.Id).SelectMany(p => Lines(p, paid, month, rates)).ToList();
        var runId = PayoutRun.IdFor(month);
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId,
            new PayoutRunPrepared(runId, month.ToString(), preparedBy, lines, lines.Sum(l => l.AmountCents))));
    }

    /// <summary>Minutes already paid per hour entry (keyed by the original entry id), over all earlier runs.</summary>
    public static Dictionary<Guid, int> Paid(IEnumerable<PayoutRun> runs)
    {
        var paid = new Dictionary<Guid, int>();
        foreach (var entry in runs.SelectMany(r => r.Lines).SelectMany(l => l.Entries))
            paid[entry.EntryId] = paid.GetValueOrDefault(entry.EntryId) + entry.Minutes;
        return paid;
    }

    public static IEnumerable<PayoutLine> Lines(Person person, IReadOnlyDictionary<Guid, int> paid, Month month, RateTable rates)
    {
        var due = person.Placements.Values
            .SelectMany(p => p.EffectiveEntries)
            .Select(e => (Chain: e.CorrectsEntryId ?? e.EntryId, e.Date, e.Minutes))
            .Where(x => x.Date <= month.Last)
            .Select(x => (x.Chain, x.Date, Delta: x.Minutes - paid.GetValueOrDefault(x.Chain), WasPaid: paid.ContainsKey(x.Chain)))
            .Where(x => x.Delta != 0)
            .Select(x => (x.Chain, x.Delta, Rate: rates.CentsOn(x.Date), Arrears: x.Date < month.First || x.WasPaid));

        return due
            .GroupBy(x => (x.Arrears, x.Rate))
            .OrderBy(g => g.Key.Arrears).ThenByDescending(g => g.Key.Rate)
            .Select(g =>
            {
                var minutes = g.Sum(x => x.Delta);
                return new PayoutLine(person.Id, minutes, g.Key.Rate, RateTable.Amount(minutes, g.Key.Rate), g.Key.Arrears,
                    g.Select(x => new EntryPayment(x.Chain, x.Delta)).OrderBy(x => x.EntryId).ToList());
            });
    }

    /// <summary>Vier-Augen-Prinzip: the clerk who prepared a run cannot release it.</summary>
    public static Decision Release(PayoutRun run, string releasedBy)
    {
        if (run.Status == PayoutRunStatus.Released)
            return Rejection.Conflict("already-released", $"The run was released by {run.ReleasedBy}.");
        if (run.PreparedBy == releasedBy)
            return Rejection.Forbidden("four-eyes", "The person who prepared the run cannot release it (Vier-Augen-Prinzip).");
        return Decision.Accept(new StreamEvent(PayoutRun.LedgerId, new PayoutRunReleased(run.Id, run.Month, releasedBy)));
    }
}
