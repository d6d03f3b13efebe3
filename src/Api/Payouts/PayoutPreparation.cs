namespace AGH.Api.Payouts;

/// <summary>
/// Preparing a month's run, shared by payroll's route and the schedule's handler; and the ledger's lock that every
/// command on runs takes first, so runs never overlap and a month is prepared once, also when asked concurrently.
/// </summary>
public static class PayoutPreparation
{
    private const long LedgerLock = 0x4147485f4c454447; // "AGH_LEDG"

    public sealed record Outcome(PayoutRun? Run, bool Created, Rejection? Rejection);

    /// <summary>Waits for, then holds until commit, the ledger's transaction-scoped advisory lock.</summary>
    public static async Task LockLedger(IDocumentSession session, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.AdvancedSql.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", ct, LedgerLock);
    }

    /// <summary>
    /// The month's standing run, or a new one. After a rejection a person may prepare the month anew; the schedule
    /// (<paramref name="afterRejection"/> false) leaves a rejected month to payroll and answers with the rejected run.
    /// </summary>
    public static async Task<Outcome> Prepare(IDocumentSession session, Actor actor, Month month, RateTable rates, DateOnly today,
        bool afterRejection, CancellationToken ct, bool requireConfirmation = false)
    {
        await LockLedger(session, ct);
        var earlier = await session.Query<PayoutRun>().ToListAsync(ct);
        if (PayoutDecisions.Current(month, earlier) is { } existing) return new(existing, false, null);
        if (!afterRejection && earlier.LastOrDefault(r => r.Month == month.ToString()) is { } rejected) return new(rejected, false, null);
        var hours = await AGH.Api.Placements.HourReads.UpTo(session, month.Last, ct);
        var withheld = requireConfirmation ? await Unconfirmed(session, ct) : null;
        var persons = (await session.Query<Person>().ToListAsync(ct)).Where(p => !p.Placements.IsEmpty)
            .Select(p => (p, Payable(p, hours.GetValueOrDefault(p.Id, AGH.Domain.Placements.HourLog.Empty), withheld))).ToList();
        var last = month.ToString();
        // Months compare as text (YYYY-MM); an expense approved after this read is paid by the next run as a difference.
        var expenses = await session.Query<Expense>().Where(e => e.Status == ExpenseStatus.Approved).ToListAsync(ct);
        var recoveries = await session.Query<Recovery>().ToListAsync(ct);
        var decision = PayoutDecisions.Prepare(month, persons, earlier, rates, actor.UserId, today,
            expenses.Where(e => string.CompareOrdinal(e.Month, last) <= 0), recoveries);
        if (decision.Rejection is { } rejection) return new(null, false, rejection);
        CommandActor.Set(session, actor);
        AppendToLedger(session, decision);
        return new(PayoutRun.Evolve(null, decision.Events[0].Event), true, null);
    }

    /// <summary>The offers that have a provider: only their months wait for a confirmation.</summary>
    private static async Task<Dictionary<Guid, AGH.Domain.Offers.Offer>> Unconfirmed(IDocumentSession session, CancellationToken ct) =>
        (await session.Query<AGH.Domain.Offers.Offer>().Where(o => o.ProviderId != null).ToListAsync(ct)).ToDictionary(o => o.Id);

    /// <summary>
    /// The person's hours a run may pay: with <c>Payouts:RequireConfirmation</c>, entries on a provider's offer in a month it
    /// has not confirmed are left out whole (a correction carries its original's date, so a chain stays together); they
    /// are paid by the first run after the confirmation, as arrears.
    /// </summary>
    private static AGH.Domain.Placements.HourLog Payable(Person person, AGH.Domain.Placements.HourLog hours,
        Dictionary<Guid, AGH.Domain.Offers.Offer>? providerOffers) =>
        providerOffers is null ? hours
            : new(hours.Entries.Where(e => !(person.Placements.TryGetValue(e.PlacementId, out var placement)
                && providerOffers.TryGetValue(placement.OfferId, out var offer) && !offer.IsConfirmed(e.Date))));

    /// <summary>Runs are events on the one ledger stream; the ledger lock makes a version check unnecessary.</summary>
    public static void AppendToLedger(IDocumentSession session, Decision decision) =>
        session.Events.Append(PayoutRun.LedgerId, decision.Events.Select(e => e.Event).ToArray());
}
