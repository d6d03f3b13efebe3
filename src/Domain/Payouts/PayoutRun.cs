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

/// <summary>One person's line in a run, on the person's stream so their history shows what was computed and when.</summary>
public sealed record AllowanceComputed(
    Guid PersonId,
    Guid RunId,
    string Month,
    int Minutes,
    int RateCents,
    long AmountCents,
    bool Arrears,
    IReadOnlyList<EntryPayment> Entries);

public sealed record PayoutLine(Guid PersonId, int Minutes, int RateCents, long AmountCents, bool Arrears);

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
    public long Revision { get; init; }

    /// <summary>One run per month: its id derives from the month, so a second or concurrent preparation collides.</summary>
    public static Guid IdFor(Month month)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("agh:payout-run:" + month));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static PayoutRun? Evolve(PayoutRun? state, object @event)
    {
        var next = (state, @event) switch
        {
            (null, PayoutRunPrepared e) => new PayoutRun(e.RunId, e.Month, e.PreparedBy, e.Lines, e.TotalCents, PayoutRunStatus.Prepared, null),
            (not null, PayoutRunReleased e) => state with { Status = PayoutRunStatus.Released, ReleasedBy = e.ReleasedBy },
            _ => state,
        };
        return next is null ? null : next with { Revision = (state?.Revision ?? 0) + 1 };
    }
}

public static class PayoutDecisions
{
    /// <summary>
    /// Pays every hour entry dated in or before the month that no earlier run paid: per person one line for the month's
    /// entries and one arrears line for older unpaid entries and corrections of paid ones (negative when reduced).
    /// </summary>
    public static Decision Prepare(Month month, IEnumerable<Person> persons, RateTable rates, string preparedBy, DateOnly today)
    {
        if (month.Last >= today)
            return Rejection.Unprocessable("month-not-ended", $"{month} has not ended yet.");
        var runId = PayoutRun.IdFor(month);
        var events = new List<StreamEvent>();
        var lines = new List<PayoutLine>();
        foreach (var person in persons.OrderBy(p => p.Id))
        {
            foreach (var line in Lines(person, runId, month, rates))
            {
                events.Add(new StreamEvent(person.Id, line));
                lines.Add(new PayoutLine(person.Id, line.Minutes, line.RateCents, line.AmountCents, line.Arrears));
            }
        }
        events.Insert(0, new StreamEvent(runId, new PayoutRunPrepared(runId, month.ToString(), preparedBy, lines, lines.Sum(l => l.AmountCents))));
        return new Decision(events, null);
    }

    public static IEnumerable<AllowanceComputed> Lines(Person person, Guid runId, Month month, RateTable rates)
    {
        var due = person.Placements.Values
            .SelectMany(p => p.EffectiveEntries)
            .Select(e => (Chain: e.CorrectsEntryId ?? e.EntryId, e.Date, Delta: e.Minutes - person.Paid.GetValueOrDefault(e.CorrectsEntryId ?? e.EntryId)))
            .Where(x => x.Date <= month.Last && x.Delta != 0)
            .Select(x => (x.Chain, x.Delta, Rate: rates.CentsOn(x.Date),
                Arrears: x.Date < month.First || person.Paid.ContainsKey(x.Chain)));

        return due
            .GroupBy(x => (x.Arrears, x.Rate))
            .OrderBy(g => g.Key.Arrears).ThenByDescending(g => g.Key.Rate)
            .Select(g =>
            {
                var minutes = g.Sum(x => x.Delta);
                return new AllowanceComputed(person.Id, runId, month.ToString(), minutes, g.Key.Rate, RateTable.Amount(minutes, g.Key.Rate),
                    g.Key.Arrears, g.Select(x => new EntryPayment(x.Chain, x.Delta)).OrderBy(x => x.EntryId).ToList());
            })
            .Where(l => l.Minutes != 0 || l.Entries.Count > 0);
    }

    /// <summary>Vier-Augen-Prinzip: the clerk who prepared a run cannot release it.</summary>
    public static Decision Release(PayoutRun run, string releasedBy)
    {
        if (run.Status == PayoutRunStatus.Released)
            return Rejection.Conflict("already-released", $"The run was released by {run.ReleasedBy}.");
        if (run.PreparedBy == releasedBy)
            return Rejection.Forbidden("four-eyes", "The person who prepared the run cannot release it (Vier-Augen-Prinzip).");
        return Decision.Accept(new StreamEvent(run.Id, new PayoutRunReleased(run.Id, run.Month, releasedBy)));
    }
}
