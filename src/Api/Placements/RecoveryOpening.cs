namespace AGH.Api.Placements;

/// <summary>
/// After a correction's events are appended to the locked person stream, the recovery it may open is appended to the
/// same stream in the same session: committed together or not at all.
/// </summary>
public static class RecoveryOpening
{
    public static async Task Open(IDocumentSession session, HoursStream stream, CorrectHours command, RateTable rates, DateOnly today, CancellationToken ct)
    {
        if (stream.Week.Find(command.PlacementId, command.EntryId) is not { } entry) return;
        var person = stream.Placement.Person;
        var chain = entry.CorrectsEntryId ?? entry.EntryId;
        var paid = await ReleasedPayment(session, person.Id, chain, ct);
        if (paid is null) return;
        var recovered = (await session.Query<Recovery>().Where(r => r.EntryId == chain).ToListAsync(ct)).Sum(r => r.Minutes);
        var events = RecoveryDecisions.OnCorrection(person.Id, person.Municipality, command.PlacementId, chain, command.NewEntryId, command.Minutes,
            paid, recovered, rates.CentsOn(entry.Date));
        if (events.Count > 0) stream.Placement.Stream.AppendMany(events.Select(e => e.Event is RecoveryOpened o ? o with { OpenedOn = today } : e.Event).ToArray());
    }

    /// <summary>The minutes released runs paid for the entry chain, and the latest of them; null when none did.</summary>
    private static async Task<ReleasedPayment?> ReleasedPayment(IQuerySession session, Guid personId, Guid chain, CancellationToken ct)
    {
        // Containment (@>) finds the runs whose lines name the entry, without a jsonpath (whose '?' would clash with the placeholders).
        var runs = await session.QueryAsync<PayoutRun>(
            "where data @> jsonb_build_object('lines', jsonb_build_array(jsonb_build_object('personId', ?::text, "
            + "'entries', jsonb_build_array(jsonb_build_object('entryId', ?::text)))))",
            ct, personId.ToString(), chain.ToString());
        var payments = runs.Where(r => r.Status == PayoutRunStatus.Released).SelectMany(r => r.Lines.Where(l => l.PersonId == personId)
            .SelectMany(l => l.Entries.Where(e => e.EntryId == chain)).Select(e => (Run: r, e.Minutes))).ToList();
        if (payments.Count == 0) return null;
        return new ReleasedPayment(payments.Sum(p => p.Minutes), payments.OrderBy(p => p.Run.Month).Last().Run.Id);
    }
}
